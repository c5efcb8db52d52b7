'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const OpenClaw = require('..');
const { OpenClawClient, RateLimitError, NotFoundError, AuthenticationError, APITimeoutError, signBody,
  signStandard, verify, verifySignature, verifyStandard, WebhookVerificationError } = OpenClaw;
const { startStub } = require('./stub');

const err = (code, message, extra = {}) => ({ error: { code, message, details: null, ...extra } });

test('default export, named exports and both option spellings', async (t) => {
  const stub = await startStub();
  t.after(stub.close);
  assert.equal(OpenClaw.OpenClawClient, OpenClawClient);
  assert.ok(new OpenClaw({ baseUrl: stub.url }) instanceof OpenClawClient);
  stub.add(200, { success: true, data: { text: 'hi', messageId: 'msg_1' } });
  const c = new OpenClawClient({ baseURL: stub.url, apiKey: 'oc_api_sk_x' });
  assert.equal((await c.message.send({ text: '你好', session: 'default' })).text, 'hi');
  assert.equal(stub.requests[0].headers.authorization, 'Bearer oc_api_sk_x');
  assert.deepEqual(JSON.parse(stub.requests[0].body), { text: '你好', session: 'default' });
});

test('ESM entry exports the same classes', async () => {
  const esm = await import('../index.mjs');
  assert.equal(esm.OpenClawClient, OpenClawClient);
  assert.equal(esm.default, OpenClaw);
  const scoped = await import('../scoped/index.mjs');
  assert.equal(scoped.OpenClaw, OpenClaw.OpenClaw);
});

test('errors carry status, code, details, requestId, retryAfter', async (t) => {
  const stub = await startStub();
  t.after(stub.close);
  const c = new OpenClaw({ baseUrl: stub.url, token: 't', backoff: 1 });
  stub.add(401, err('UNAUTHORIZED', 'invalid token'));
  await assert.rejects(c.status(), (e) => e instanceof AuthenticationError && e.status === 401
    && e.code === 'UNAUTHORIZED' && e.requestId === 'req_stub1');
  stub.add(404, err('NOT_FOUND', 'no such conversation'));
  await assert.rejects(c.conversations.retrieve('x'), (e) => e instanceof NotFoundError && e.status === 404);
  stub.add(429, err('RATE_LIMIT_EXCEEDED', 'slow', { retryAfter: 42, details: 'Try again in 42 seconds' }),
    { 'Retry-After': '42' });
  await assert.rejects(c.sessions.list(), (e) => e instanceof RateLimitError && e.retryAfter === 42
    && e.details === 'Try again in 42 seconds');
  assert.equal(stub.requests.length, 3, 'a Retry-After beyond maxRetryWait is not waited for');
});

test('429 and 5xx are retried with backoff, 400 is not', async (t) => {
  const stub = await startStub();
  t.after(stub.close);
  const c = new OpenClaw({ baseUrl: stub.url, token: 't', backoff: 1 });
  stub.add(429, err('RATE_LIMIT_EXCEEDED', 'slow', { retryAfter: 0 }), { 'Retry-After': '0' });
  stub.add(503, err('UNAVAILABLE', 'starting'));
  stub.add(200, { success: true, data: { sessions: [{ id: 's1' }] } });
  assert.deepEqual((await c.sessions.list()).items, [{ id: 's1' }]);
  assert.equal(stub.requests.length, 3);
  for (let i = 0; i < 3; i++) stub.add(502, err('UPSTREAM_ERROR', 'down'));
  await assert.rejects(c.chat.send({ message: 'x' }), (e) => e.status === 502 && e.code === 'UPSTREAM_ERROR');
  assert.equal(stub.requests.length, 6);
  stub.add(400, err('INVALID_REQUEST', "field 'text' is required"));
  await assert.rejects(c.message.send({}), (e) => e.status === 400);
  assert.equal(stub.requests.length, 7);
});

test('streams are async iterators; error events reject', async (t) => {
  const stub = await startStub();
  t.after(stub.close);
  const c = new OpenClaw({ baseUrl: stub.url, token: 't' });
  stub.add(200, 'data: {"chunk": "春"}\n\n: keep-alive\n\ndata: {"chunk": "眠"}\n\ndata: [DONE]\n\n');
  const pieces = [];
  for await (const p of await c.message.stream({ text: 'x' })) pieces.push(p);
  assert.deepEqual(pieces, ['春', '眠']);
  stub.add(200, 'data: {"type":"delta","content":"a"}\n\ndata: {"type":"tool_call","toolCall":{}}\n\n'
    + 'data: {"type":"delta","content":"b"}\n\ndata: {"type":"done","message":{"id":"m1"},"usage":{}}\n\n'
    + 'data: [DONE]\n\n');
  const s = await c.messages.send('conv-1', { content: 'x', stream: true });
  const got = [];
  for await (const ch of s) got.push(ch.content);
  assert.deepEqual(got, ['a', 'b']);
  assert.equal(s.message.id, 'm1');
  assert.equal(s.toolEvents[0].type, 'tool_call');
  stub.add(200, 'data: {"content":"par"}\n\ndata: {"error":{"code":"UPSTREAM_ERROR","message":"boom"}}\n\n');
  const seen = [];
  await assert.rejects((async () => {
    for await (const ch of await c.chat.stream({ message: 'x' })) seen.push(ch.content);
  })(), (e) => e.code === 'UPSTREAM_ERROR');
  assert.deepEqual(seen, ['par']);
});

test('pagination walks every page', async (t) => {
  const stub = await startStub();
  t.after(stub.close);
  const c = new OpenClaw({ baseUrl: stub.url, token: 't' });
  stub.add(200, { conversations: [{ id: 'c1' }, { id: 'c2' }], pagination: { total: 3, limit: 2, hasMore: true } });
  stub.add(200, { conversations: [{ id: 'c3' }], pagination: { total: 3, limit: 2, hasMore: false } });
  const ids = [];
  for await (const conv of await c.conversations.list({ limit: 2 })) ids.push(conv.id);
  assert.deepEqual(ids, ['c1', 'c2', 'c3']);
  assert.match(stub.requests[1].url, /offset=2/);
});

test('timeouts reject with APITimeoutError', async (t) => {
  const net = require('node:net');
  const sockets = [];
  const srv = net.createServer((s) => sockets.push(s));
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  t.after(() => { sockets.forEach((s) => s.destroy()); srv.close(); });
  const c = new OpenClaw({ baseUrl: `http://127.0.0.1:${srv.address().port}`, token: 't', timeout: 200, maxRetries: 0 });
  await assert.rejects(c.message.send({ text: 'x' }), (e) => e instanceof APITimeoutError);
});

test('spawned agents wait for completion', async (t) => {
  const stub = await startStub();
  t.after(stub.close);
  const c = new OpenClaw({ baseUrl: stub.url, token: 't' });
  stub.add(202, { success: true, data: { id: 'sub_1', status: 'running' } });
  stub.add(200, { success: true, data: { id: 'sub_1', status: 'completed', result: 'ok' } });
  const a = await c.agents.spawn({ task: 't' });
  assert.equal((await a.waitForCompletion()).result, 'ok');
  assert.match(stub.requests[1].url, /wait=30/);
});

test('webhook verifiers: X-OpenClaw-Signature and Standard Webhooks', () => {
  const body = '{"event":"message.received","timestamp":"2026-04-17T01:20:00Z","data":{"content":"hi"}}';
  assert.ok(verifySignature(body, signBody(body, 'k'), 'k'));
  assert.ok(verifySignature(JSON.parse(body), signBody(body, 'k'), 'k'), 'a parsed payload re-serializes the same');
  assert.ok(!verifySignature(body, signBody(body, 'k'), 'other'));
  const ref = { 'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek', 'webhook-timestamp': '1614265330',
    'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=' };
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  assert.ok(verifyStandard('{"test": 2432232314}', ref, secret, { now: 1614265330 }));
  assert.ok(!verifyStandard('{"test": 2432232314}', ref, secret, { now: 1614265330 + 3600 }));
  assert.ok(!verifyStandard('{"test": 2432232315}', ref, secret, { toleranceSeconds: null }));
  const h = { 'Webhook-Id': 'wh_1', 'Webhook-Timestamp': '1700000000',
    'Webhook-Signature': `v1,bogus ${signStandard(body, 'plain', 'wh_1', 1700000000)}` };
  assert.equal(verify(body, h, 'plain', { toleranceSeconds: null }).event, 'message.received');
  assert.throws(() => verify(body, h, 'wrong', { toleranceSeconds: null }), WebhookVerificationError);
});

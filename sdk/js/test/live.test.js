'use strict';
// Against a real gateway (openclaw-it's SdkUnitTestsTest sets OPENCLAW_TEST_BASE_URL and OPENCLAW_TEST_TOKEN).
const test = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const { OpenClawClient, RateLimitError, AuthenticationError, NotFoundError, verify, verifyStandard,
  verifySignature } = require('..');

const BASE = process.env.OPENCLAW_TEST_BASE_URL;
const TOKEN = process.env.OPENCLAW_TEST_TOKEN;
const skip = !(BASE && TOKEN) && 'OPENCLAW_TEST_BASE_URL / OPENCLAW_TEST_TOKEN not set (no live gateway)';
const client = () => new OpenClawClient({ baseURL: BASE, token: TOKEN });

test('live: whole and streamed chat', { skip }, async () => {
  const c = client();
  assert.ok((await c.message.send({ text: 'ping', session: 'js-live' })).text);
  let text = '';
  for await (const piece of await c.message.stream({ text: '流式', session: 'js-live' })) text += piece;
  assert.match(text, /流式/);
  const s = await c.conversations.stream({ message: 'v2 stream' });
  assert.match(await s.text(), /v2 stream/);
  assert.equal(s.message.role, 'assistant');
});

test('live: 401, 404 and 429 with retryAfter', { skip }, async () => {
  const c = client();
  await assert.rejects(new OpenClawClient({ baseURL: BASE, token: 'wrong' }).status(),
    (e) => e instanceof AuthenticationError && e.code === 'UNAUTHORIZED' && Boolean(e.requestId));
  await assert.rejects(c.conversations.retrieve('conv-nope'), (e) => e instanceof NotFoundError);
  const { key } = await c.keys.create({ name: `js-limited-${Date.now()}`, limits: { requests_per_minute: 1, burst: 1 } });
  const limited = new OpenClawClient({ baseURL: BASE, apiKey: key, maxRetryWait: 5000 });
  await limited.sessions.list();
  await assert.rejects(limited.sessions.list(), (e) => e instanceof RateLimitError && e.status === 429
    && e.code === 'RATE_LIMIT_EXCEEDED' && e.retryAfter > 0);
});

test('live: pagination over real conversations', { skip }, async () => {
  const c = client();
  const ids = [];
  for (let i = 0; i < 3; i++) ids.push((await c.conversations.create({ title: `page ${i}` })).id);
  const seen = [];
  for await (const conv of await c.conversations.list({ limit: 2 })) seen.push(conv.id);
  for (const id of ids) assert.ok(seen.includes(id));
  assert.equal(new Set(seen).size, seen.length);
});

test('live: the webhook verifier accepts a delivery made by the gateway', { skip }, async () => {
  const c = client();
  const received = [];
  const srv = http.createServer((req, res) => {
    const parts = [];
    req.on('data', (d) => parts.push(d));
    req.on('end', () => { received.push({ body: Buffer.concat(parts), headers: req.headers }); res.writeHead(204).end(); });
  });
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  const secret = 'js-webhook-secret';
  const hook = await c.webhooks.create({ url: `http://127.0.0.1:${srv.address().port}/hook`,
    events: ['message.received'], secret });
  try {
    await c.message.send({ text: 'webhook please', session: 'js-hook' });
    for (let i = 0; i < 300 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    assert.ok(received.length > 0, 'no delivery within 30 s');
    const { body, headers } = received[0];
    assert.equal(verify(body, headers, secret).event, 'message.received');
    assert.ok(verifyStandard(body, headers, secret));
    assert.ok(verifySignature(body, headers['x-openclaw-signature'], secret));
    assert.ok(!verifyStandard(body, headers, 'not-the-secret'));
  } finally {
    await c.webhooks.delete(hook.id);
    srv.closeAllConnections?.();
    srv.close();
  }
});

test('live: tasks, cron, batch, tools, spawn', { skip }, async () => {
  const c = client();
  const task = await c.tasks.create({ type: 'agent', input: { message: 'task hi' } });
  const progress = [];
  const done = await c.tasks.wait(task.id, { timeout: 60000, onProgress: (t) => progress.push(t.progress) });
  assert.equal(done.status, 'completed');
  assert.equal(progress.at(-1), 100);
  const job = await c.cron.create({ name: 'js-job', schedule: { kind: 'every', everyMs: 3600000 },
    payload: { kind: 'systemEvent', text: 'tick' } });
  assert.ok((await c.cron.list()).some((j) => j.id === job.id));
  await c.cron.delete(job.id);
  const b = await c.batch.run([{ method: 'GET', path: '/conversations' }, { method: 'GET', path: '/conversations/nope' }]);
  assert.deepEqual([b.succeeded, b.failed], [1, 1]);
  assert.ok((await c.tools.list()).some((t) => t.name === 'file_list'));
  const a = await c.agents.spawn({ task: 'sub task' });
  assert.equal((await a.waitForCompletion({ timeout: 60000 })).status, 'completed');
});

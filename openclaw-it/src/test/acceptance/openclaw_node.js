// OpenClaw's own Node client (npm openclaw-node@0.14.0), unmodified, against the gateway's WebSocket protocol.
// Usage: node --experimental-websocket openclaw_node.js WS_URL TOKEN STATE_DIR
const { OpenClawClient } = require('openclaw-node');
const [url, token, dir] = process.argv.slice(2);
process.removeAllListeners('warning');
process.on('warning', () => {});
function check(cond, what) {
  if (!cond) { console.log('FAIL ' + what); process.exit(1); }
  console.log('ok   ' + what);
}
(async () => {
  const opts = { url, token, deviceIdentityPath: dir + '/device.json', autoReconnect: false };
  const client = new OpenClawClient(opts);
  client.on('error', e => console.log('client error: ' + e.message));
  const hello = await client.connect();
  check(hello.type === 'hello-ok' && hello.protocol === 4, 'connect: hello-ok, protocol 4');
  check(client.hasMethod('agent') && client.hasMethod('sessions.list'), 'features.methods lists agent, sessions.list');
  check(typeof hello.auth.deviceToken === 'string', 'a device token was issued (loopback device auto-approved)');

  const health = await client.health();
  check(health.ok === true, 'health');

  const reply = await client.chatSync('hello over websocket', { sessionKey: 'node-session' });
  check(reply === 'echo: hello over websocket', 'chatSync: ' + JSON.stringify(reply));

  const chunks = [];
  for await (const c of client.chat('stream this reply please', { sessionKey: 'node-session' })) chunks.push(c);
  const texts = chunks.filter(c => c.type === 'text');
  check(chunks.some(c => c.type === 'agent_start') && chunks.some(c => c.type === 'agent_end'),
    'streamed agent turn: lifecycle start and end');
  check(texts.length >= 2 && texts.map(c => c.text).join('') === 'echo: stream this reply please',
    'streamed agent turn: ' + texts.length + ' text deltas concatenate to the reply');

  const sessions = await client.sessions.list();
  check(sessions.sessions.some(s => s.key === 'node-session' && s.messageCount === 4), 'sessions.list');
  const history = await client.sessions.history('node-session');
  check(history.messages.length === 4 && history.messages[3].content[0].text === 'echo: stream this reply please',
    'chat.history');

  const agents = await client.agents.list();
  check(agents.agents.some(a => a.id === 'main'), 'agents.list');

  const config = await client.config.get();
  check(typeof config.hash === 'string' && !JSON.stringify(config).includes(token), 'config.get (secrets redacted)');

  let failed = null;
  try { await client.request('no.such.method', {}); } catch (e) { failed = e.message; }
  check(failed && failed.includes('unknown method') && client.isConnected, 'unknown method: res error, socket kept');

  await client.disconnect();

  // the persisted device token is used on the next connect, instead of the gateway token
  const again = new OpenClawClient({ ...opts, token: 'not-the-token' });
  again.on('error', () => {});
  const hello2 = await again.connect();
  check(hello2.type === 'hello-ok', 'reconnect with the persisted device token');
  const h2 = await again.health();
  check(h2.ok, 'health after reconnect');
  await again.disconnect();
  console.log('ok openclaw-node');
  process.exit(0);
})().catch(e => { console.log('FAIL ' + (e && e.stack || e)); process.exit(1); });

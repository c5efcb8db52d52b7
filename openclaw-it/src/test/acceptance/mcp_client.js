// The official MCP TypeScript SDK's client against the gateway's /mcp (issue 16), unmodified.
// Usage: node mcp_client.js BASE_URL TOKEN OTHER_KEY. Prints "ok ..." lines, or "FAIL ..." and exits 1.
const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
const { StreamableHTTPClientTransport } = require('@modelcontextprotocol/sdk/client/streamableHttp.js');

const [, , base, token, otherKey] = process.argv;

function check(cond, what, detail) {
  if (!cond) {
    console.log('FAIL ' + what + (detail === undefined ? '' : ': ' + JSON.stringify(detail)));
    process.exit(1);
  }
  console.log('ok ' + what);
}

async function connect(credential) {
  const headers = credential ? { Authorization: 'Bearer ' + credential } : {};
  const transport = new StreamableHTTPClientTransport(new URL(base + '/mcp'), { requestInit: { headers } });
  const client = new Client({ name: 'openclaw-it', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

async function main() {
  const client = await connect(token);
  const info = client.getServerVersion();
  check(info && info.name === 'openclaw-gateway', 'server info', info);

  const tools = (await client.listTools()).tools.map((t) => t.name);
  for (const t of ['chat', 'sessions_list', 'memory_search', 'memory_add', 'file_list']) {
    check(tools.includes(t), 'tool listed ' + t, tools);
  }

  const added = await client.callTool({ name: 'memory_add', arguments: { content: 'The user prefers green tea in the morning' } });
  check(!added.isError, 'memory_add', added);
  const found = await client.callTool({ name: 'memory_search', arguments: { query: 'green tea' } });
  check(!found.isError && JSON.stringify(found.content).includes('green tea'), 'memory_search finds it', found);

  const bad = await client.callTool({ name: 'file_read', arguments: { path: 42 } });
  check(bad.isError === true && JSON.stringify(bad.content).includes('path'), 'bad arguments are a tool error naming the field', bad);

  const progress = [];
  const chat = await client.callTool({ name: 'chat', arguments: { message: 'hello over mcp', sessionId: 'mcp-it' } },
    undefined, { onprogress: (p) => progress.push(p) });
  check(!chat.isError && chat.content[0].text === 'one two three', 'chat reply', chat);
  check(progress.length >= 2 && progress.map((p) => p.message).join('') === 'one two three', 'chat streamed as progress', progress);
  check(chat.structuredContent && chat.structuredContent.sessionId === 'mcp-it', 'chat session id', chat.structuredContent);

  const sessions = await client.readResource({ uri: 'openclaw://sessions' });
  check(sessions.contents[0].text.includes('mcp-it'), 'sessions resource lists the chat session', sessions);
  const templates = await client.listResourceTemplates();
  check(templates.resourceTemplates.some((t) => t.uriTemplate === 'openclaw://sessions/{sessionId}'), 'session template', templates);
  const history = await client.readResource({ uri: 'openclaw://sessions/mcp-it' });
  check(history.contents[0].text.includes('hello over mcp') && history.contents[0].text.includes('one two three'),
    'session resource has the messages', history);

  const prompt = await client.getPrompt({ name: 'agent', arguments: { agentId: 'main' } });
  check(prompt.messages.length === 1, 'agent prompt', prompt);
  await client.close();

  // another owner sees none of it
  const other = await connect(otherKey);
  const otherSessions = await other.readResource({ uri: 'openclaw://sessions' });
  check(!otherSessions.contents[0].text.includes('mcp-it'), "another key's sessions resource does not list it", otherSessions);
  let leaked;
  try {
    leaked = await other.readResource({ uri: 'openclaw://sessions/mcp-it' });
  } catch (e) {
    leaked = null;
  }
  check(leaked === null || !JSON.stringify(leaked).includes('hello over mcp'), "another key cannot read the session", leaked);
  await other.close();

  let refused = null;
  try {
    await connect(null);
  } catch (e) {
    refused = e;
  }
  check(refused !== null && (refused.code === 401 || /401|Unauthorized|UNAUTHORIZED/.test(String(refused))),
    'no credentials: 401', String(refused));
  console.log('ok mcp client');
}

main().catch((e) => {
  console.log('FAIL ' + (e && e.stack ? e.stack : e));
  process.exit(1);
});

// The official OpenAI Node SDK against the gateway, unmodified: usage `node openai_sdk.js BASE_URL TOKEN`.
// Needs the `openai` package resolvable (NODE_PATH). Exits 1 on any mismatch.
const OpenAI = require('openai');
const [base, token] = process.argv.slice(2);
const client = new OpenAI({ baseURL: base + '/v1', apiKey: token });
(async () => {
  const c = await client.chat.completions.create({ model: 'openclaw', messages: [{ role: 'user', content: 'ping' }] });
  if (!c.choices[0].message.content || c.object !== 'chat.completion' || !c.usage.total_tokens) throw new Error('bad completion ' + JSON.stringify(c));
  let text = '';
  let usage = null;
  const stream = await client.chat.completions.create({ model: 'openclaw', stream: true, stream_options: { include_usage: true },
    messages: [{ role: 'user', content: 'stream please' }] });
  for await (const chunk of stream) {
    if (chunk.choices.length) text += chunk.choices[0].delta.content || '';
    if (chunk.usage) usage = chunk.usage;
  }
  if (!text || !usage) throw new Error('bad stream: text=' + text + ' usage=' + JSON.stringify(usage));
  const models = await client.models.list();
  if (!models.data.some(m => m.id === 'openclaw')) throw new Error('openclaw model missing');
  try {
    await client.chat.completions.create({ model: 'openclaw', messages: [] });
    throw new Error('empty messages accepted');
  } catch (e) {
    if (!(e instanceof OpenAI.BadRequestError)) throw e;
  }
  console.log('ok openai sdk: ' + JSON.stringify({ text: c.choices[0].message.content.slice(0, 40), streamed: text.length, usage }));
})().catch(e => { console.error('FAIL ' + (e.stack || e)); process.exit(1); });

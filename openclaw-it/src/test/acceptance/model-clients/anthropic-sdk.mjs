// The official Anthropic TypeScript SDK, unmodified, against the gateway's /v1/messages.
// Usage: node anthropic-sdk.mjs BASE TOKEN SCENARIO
import Anthropic from '@anthropic-ai/sdk';

const [base, token, scenario] = process.argv.slice(2);
const client = new Anthropic({ baseURL: base, apiKey: null, authToken: token, maxRetries: 0 });
const model = process.env.MODEL ?? 'fake/fake-model';
const tools = [{ name: 'get_weather', description: 'Current weather for a city',
  input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } }];
const out = {};
if (scenario === 'create-tools') {
  const r = await client.messages.create({ model, max_tokens: 256, tools, system: 'Be brief.',
    messages: [{ role: 'user', content: 'Weather in Paris?' }] });
  out.stop = r.stop_reason;
  out.content = r.content;
  out.usage = r.usage;
  const use = r.content.find(b => b.type === 'tool_use');
  const next = await client.messages.create({ model, max_tokens: 256, tools, messages: [
    { role: 'user', content: 'Weather in Paris?' },
    { role: 'assistant', content: r.content },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: use.id, content: 'sunny in Paris' }] }] });
  out.final = next.content.filter(b => b.type === 'text').map(b => b.text).join('');
} else if (scenario === 'stream-tools') {
  const stream = client.messages.stream({ model, max_tokens: 256, tools,
    messages: [{ role: 'user', content: 'Weather in Paris?' }] });
  let text = '';
  stream.on('text', t => { text += t; });
  const msg = await stream.finalMessage();
  out.text = text;
  out.stop = msg.stop_reason;
  out.content = msg.content;
} else {
  throw new Error('unknown scenario ' + scenario);
}
console.log(JSON.stringify(out));

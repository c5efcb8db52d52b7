// The official OpenAI Node SDK, unmodified, against the gateway. Usage: node openai-sdk.mjs BASE TOKEN SCENARIO
// Prints one JSON object with what the SDK returned.
import OpenAI from 'openai';

const [base, token, scenario] = process.argv.slice(2);
const client = new OpenAI({ baseURL: base + '/v1', apiKey: token, maxRetries: 0 });
const model = 'fake/fake-model';
const weather = {
  type: 'function',
  function: {
    name: 'get_weather', description: 'Current weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};
const out = {};
if (scenario === 'tools') {
  const r = await client.chat.completions.create({ model, tools: [weather],
    messages: [{ role: 'user', content: 'Weather in Paris?' }] });
  out.finish = r.choices[0].finish_reason;
  out.toolCalls = r.choices[0].message.tool_calls;
} else if (scenario === 'stream-tools') {
  const stream = await client.chat.completions.create({ model, tools: [weather], stream: true,
    stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'Weather in Paris?' }] });
  const calls = [];
  for await (const chunk of stream) {
    if (chunk.usage) out.usage = chunk.usage;
    const c = chunk.choices[0];
    if (!c) continue;
    for (const tc of c.delta.tool_calls ?? []) {
      calls[tc.index] ??= { id: '', name: '', arguments: '' };
      if (tc.id) calls[tc.index].id = tc.id;
      if (tc.function?.name) calls[tc.index].name += tc.function.name;
      if (tc.function?.arguments) calls[tc.index].arguments += tc.function.arguments;
    }
    if (c.finish_reason) out.finish = c.finish_reason;
  }
  out.toolCalls = calls;
} else if (scenario === 'run-tools') {
  const runner = client.chat.completions.runTools({ model,
    messages: [{ role: 'user', content: 'Weather in Paris?' }],
    tools: [{ type: 'function', function: { ...weather.function, parse: JSON.parse,
      function: async ({ city }) => `sunny in ${city}` } }] });
  out.content = await runner.finalContent();
  out.messages = runner.messages.length;
} else if (scenario === 'structured') {
  const r = await client.chat.completions.create({ model,
    messages: [{ role: 'user', content: 'Who wrote the first program?' }],
    response_format: { type: 'json_schema', json_schema: { name: 'person', strict: true, schema: {
      type: 'object', properties: { name: { type: 'string' }, born: { type: 'integer' } },
      required: ['name', 'born'], additionalProperties: false } } } });
  out.parsed = JSON.parse(r.choices[0].message.content);
} else if (scenario === 'image') {
  const r = await client.chat.completions.create({ model, messages: [{ role: 'user', content: [
    { type: 'text', text: 'What is this?' },
    { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'low' } }] }] });
  out.content = r.choices[0].message.content;
} else if (scenario === 'embeddings') {
  const r = await client.embeddings.create({ model: 'all-minilm-l6-v2-q',
    input: ['The cat sat on the mat.', 'A cat is sitting on a mat.', 'Stock markets fell sharply today.'] });
  const v = r.data.map(d => d.embedding);
  const dot = (a, b) => a.reduce((s, x, i) => s + x * b[i], 0);
  out.dims = v.map(e => e.length);
  out.norm = Math.sqrt(dot(v[0], v[0]));
  out.similar = dot(v[0], v[1]);
  out.unrelated = dot(v[0], v[2]);
  out.model = r.model;
  out.usage = r.usage;
  const f = await client.embeddings.create({ model: 'bge-small-zh-v15-q', input: '用户偏好简洁的回答',
    encoding_format: 'float' });
  out.zhDims = f.data[0].embedding.length;
  // a configured provider's embedding model: forwarded to its /embeddings (the SDK asks for base64 by default)
  const p = await client.embeddings.create({ model: 'fake/fake-model', input: ['hello world', 'second one'],
    dimensions: 4 });
  out.provider = { model: p.model, dims: p.data.map(d => d.embedding.length), usage: p.usage,
    differ: p.data[0].embedding.some((x, i) => x !== p.data[1].embedding[i]) };
  try {
    await client.embeddings.create({ model: 'fake/no-such-embedder', input: 'x' });
    out.unknown = 'accepted';
  } catch (e) { out.unknown = { status: e.status, code: e.code }; }
} else if (scenario === 'responses') {
  const tools = [{ type: 'function', name: 'get_weather', description: 'Current weather for a city',
    parameters: weather.function.parameters, strict: false }];
  const r = await client.responses.create({ model, input: 'Weather in Paris?', instructions: 'Be brief.', tools });
  out.firstId = r.id;
  out.call = r.output.find(o => o.type === 'function_call');
  const next = await client.responses.create({ model, previous_response_id: r.id, tools,
    input: [{ type: 'function_call_output', call_id: out.call.call_id, output: 'sunny in Paris' }] });
  out.text = next.output_text;
  out.usage = next.usage;
  out.fetched = (await client.responses.retrieve(next.id)).output_text;
} else if (scenario === 'responses-stream') {
  const stream = await client.responses.create({ model, input: 'Say hello', stream: true });
  const types = [];
  let text = '';
  let done;
  for await (const e of stream) {
    types.push(e.type);
    if (e.type === 'response.output_text.delta') text += e.delta;
    if (e.type === 'response.completed') done = e.response;
  }
  out.types = [...new Set(types)];
  out.text = text;
  out.completedText = done.output_text ?? done.output[0].content[0].text;
} else {
  throw new Error('unknown scenario ' + scenario);
}
console.log(JSON.stringify(out));

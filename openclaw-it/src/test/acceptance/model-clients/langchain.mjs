// LangChain JS ChatOpenAI, unmodified, against the gateway. Usage: node langchain.mjs BASE TOKEN SCENARIO
import { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';

const [base, token, scenario] = process.argv.slice(2);
const llm = new ChatOpenAI({ model: 'fake/fake-model', apiKey: token, maxRetries: 0,
  configuration: { baseURL: base + '/v1' } });
const weather = { type: 'function', function: { name: 'get_weather', description: 'Current weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } };
const out = {};
if (scenario === 'bind-tools') {
  const msg = await llm.bindTools([weather]).invoke('Weather in Paris?');
  out.toolCalls = msg.tool_calls;
} else if (scenario === 'stream-tools') {
  let acc;
  for await (const chunk of await llm.bindTools([weather]).stream('Weather in Paris?')) {
    acc = acc === undefined ? chunk : acc.concat(chunk);
  }
  out.toolCalls = acc.tool_calls;
} else if (scenario === 'structured') {
  const person = z.object({ name: z.string(), born: z.number().int() });
  out.parsed = await llm.withStructuredOutput(person, { name: 'person', method: 'jsonSchema' })
    .invoke('Who wrote the first program?');
} else if (scenario === 'image') {
  const msg = await llm.invoke([{ role: 'user', content: [{ type: 'text', text: 'What is this?' },
    { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } }] }]);
  out.content = msg.content;
} else {
  throw new Error('unknown scenario ' + scenario);
}
console.log(JSON.stringify(out));

// The Vercel AI SDK (ai + @ai-sdk/openai-compatible / @ai-sdk/openai), unmodified, against the gateway.
// Usage: node vercel.mjs BASE TOKEN SCENARIO
import { generateText, generateObject, streamText, tool, stepCountIs } from 'ai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { createOpenAI } from '@ai-sdk/openai';
import { z } from 'zod';

const [base, token, scenario] = process.argv.slice(2);
const compatible = createOpenAICompatible({ name: 'openclaw', baseURL: base + '/v1', apiKey: token,
  includeUsage: true, supportsStructuredOutputs: true });
const openai = createOpenAI({ baseURL: base + '/v1', apiKey: token });
const tools = { get_weather: tool({ description: 'Current weather for a city',
  inputSchema: z.object({ city: z.string() }), execute: async ({ city }) => `sunny in ${city}` }) };
const out = {};
if (scenario === 'generate-tools' || scenario === 'openai-chat-tools') {
  const model = scenario === 'generate-tools' ? compatible.chatModel('fake/fake-model')
    : openai.chat('fake/fake-model');
  const r = await generateText({ model, tools, stopWhen: stepCountIs(4), maxRetries: 0,
    prompt: 'Weather in Paris?' });
  out.text = r.text;
  out.steps = r.steps.length;
  out.toolCalls = r.steps.flatMap(s => s.toolCalls.map(c => ({ name: c.toolName, input: c.input })));
  out.toolResults = r.steps.flatMap(s => s.toolResults.map(t => t.output));
} else if (scenario === 'responses-tools') {
  const r = await generateText({ model: openai.responses('fake/fake-model'), tools, stopWhen: stepCountIs(4),
    maxRetries: 0, prompt: 'Weather in Paris?', providerOptions: { openai: { store: false } } });
  out.text = r.text;
  out.steps = r.steps.length;
} else if (scenario === 'stream-tools') {
  const r = streamText({ model: compatible.chatModel('fake/fake-model'), tools, stopWhen: stepCountIs(4),
    maxRetries: 0, prompt: 'Weather in Paris?' });
  let text = '';
  for await (const t of r.textStream) text += t;
  out.text = text;
  out.steps = (await r.steps).length;
} else if (scenario === 'generate-object') {
  const r = await generateObject({ model: compatible.chatModel('fake/fake-model'), maxRetries: 0,
    schema: z.object({ name: z.string(), born: z.number().int() }), schemaName: 'person',
    prompt: 'Who wrote the first program?' });
  out.object = r.object;
} else if (scenario === 'image') {
  const r = await generateText({ model: compatible.chatModel('fake/fake-model'), maxRetries: 0,
    messages: [{ role: 'user', content: [{ type: 'text', text: 'What is this?' },
      { type: 'image', image: new URL('data:image/png;base64,iVBORw0KGgo=') }] }] });
  out.text = r.text;
} else {
  throw new Error('unknown scenario ' + scenario);
}
console.log(JSON.stringify(out));

// Real npm GraphQL clients against the gateway: graphql-request (HTTP) for queries, mutations and an error, and
// graphql-ws (graphql-transport-ws over the ws package) for a subscription. Run by GraphqlNpmClientTest from a copy
// inside openclaw-it/target/npm so that the packages installed there resolve.
// Usage: node graphql_clients.mjs BASE_URL API_KEY
import { GraphQLClient, ClientError, gql } from 'graphql-request';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { getIntrospectionQuery, buildClientSchema } from 'graphql';

const [base, key] = process.argv.slice(2);
const fail = (msg) => { console.log('FAIL ' + msg); process.exit(1); };
const client = new GraphQLClient(base + '/graphql', { headers: { Authorization: 'Bearer ' + key } });

// the introspection GraphiQL sends must fit the depth and complexity limits
const schema = buildClientSchema(await client.request(getIntrospectionQuery({ descriptions: true,
  inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true, directiveIsRepeatable: true })));
if (!schema.getSubscriptionType() || !schema.getType('ConversationConnection')) fail('introspection');
console.log('ok   introspection (' + Object.keys(schema.getTypeMap()).length + ' types)');

const created = await client.request(gql`mutation($title: String) {
  createConversation(input: {title: $title}) { id title } }`, { title: 'from graphql-request' });
const id = created.createConversation.id;
if (created.createConversation.title !== 'from graphql-request') fail('createConversation: ' + JSON.stringify(created));
console.log('ok   mutation createConversation ' + id);

const sent = await client.request(gql`mutation($id: ID!) {
  sendMessage(conversationId: $id, content: "ping from node") { message { role content } usage { totalTokens } } }`,
  { id });
if (sent.sendMessage.message.role !== 'assistant' || !sent.sendMessage.message.content) fail('sendMessage: ' + JSON.stringify(sent));
console.log('ok   mutation sendMessage');

const read = await client.request(gql`query($id: ID!) { conversation(id: $id) {
  messageCount messages(first: 10) { totalCount nodes { role content } } } }`, { id });
const roles = read.conversation.messages.nodes.map((m) => m.role).join(',');
if (roles !== 'user,assistant' || read.conversation.messages.nodes[0].content !== 'ping from node') fail('query: ' + JSON.stringify(read));
console.log('ok   query conversation.messages');

try {
  await client.request('{ conversations(first: 1) { nodes { id }');
  fail('malformed query was accepted');
} catch (e) {
  if (!(e instanceof ClientError) || e.response.errors?.[0]?.extensions?.code !== 'INVALID_REQUEST') fail('malformed: ' + e);
  console.log('ok   malformed query -> ' + e.response.status + ' ' + e.response.errors[0].extensions.code);
}

const ws = createClient({
  url: base.replace(/^http/, 'ws') + '/graphql',
  webSocketImpl: WebSocket,
  connectionParams: { Authorization: 'Bearer ' + key },
  retryAttempts: 0,
});
let text = '';
let done = null;
const events = ws.iterate({
  query: 'subscription($id: ID!) { messageStream(conversationId: $id, content: "stream to node") { type content message { content } } }',
  variables: { id },
});
for await (const result of events) {
  if (result.errors) fail('subscription errors: ' + JSON.stringify(result.errors));
  const ev = result.data.messageStream;
  if (ev.type === 'delta') text += ev.content;
  if (ev.type === 'done') done = ev.message.content;
}
await ws.dispose();
if (!done || text !== done) fail('subscription text ' + JSON.stringify(text) + ' vs done ' + JSON.stringify(done));
console.log('ok   subscription messageStream over graphql-ws (' + text.length + ' chars)');
console.log('ok graphql clients');

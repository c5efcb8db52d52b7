const { OpenClawClient } = require('openclaw-sdk');
const client = new OpenClawClient({
baseURL: 'http://localhost:3000',
apiKey: 'oc_api_sk_xxx'
});
// 流式响应
const stream = await client.chat.stream({
sessionId: 'user_123',
message: '讲个故事'
});
for await (const chunk of stream) {
process.stdout.write(chunk.content);
}

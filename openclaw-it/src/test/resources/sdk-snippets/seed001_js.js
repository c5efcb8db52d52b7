const OpenClaw = require('openclaw-sdk');

const client = new OpenClaw({
  baseUrl: 'http://localhost:18789',
  token: 'YOUR_TOKEN'
});

// 发送消息
const response = await client.message.send({
  text: '你好',
  session: 'default'
});

console.log(response.text);

// 流式响应
const stream = await client.message.stream({
  text: '写一首诗'
});

for await (const chunk of stream) {
  process.stdout.write(chunk);
}

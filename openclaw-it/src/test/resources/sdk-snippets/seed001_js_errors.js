// seed 001's error-handling example, with a client whose token is wrong (the example itself shows no client)
const OpenClaw = require('openclaw-sdk');
const client = new OpenClaw({ baseUrl: 'http://localhost:18789', token: 'NOT_THE_TOKEN' });

try {
  const response = await client.message.send({ text: '你好' });
} catch (error) {
  if (error.status === 401) {
    console.error('认证失败,请检查 Token');
  } else if (error.status === 429) {
    console.error('请求过于频繁');
  } else {
    console.error('未知错误:', error);
  }
}

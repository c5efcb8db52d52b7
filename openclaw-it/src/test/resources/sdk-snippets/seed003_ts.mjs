import { OpenClaw } from '@openclaw/sdk';
const client = new OpenClaw({ apiKey: 'your-api-key' });
// 创建 Agent
const agent = await client.agents.create({
name: '助手',
model: 'gpt-4',
skills: ['web-search']
});
// 流式对话
const stream = await client.conversations.stream({
agentId: agent.id,
message: '你好'
});
for await (const chunk of stream) {
process.stdout.write(chunk.content);
}

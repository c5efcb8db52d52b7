from openclaw import Client
client = Client(api_key="your-api-key")
# 创建对话
conversation = client.conversations.create(
    agent_id="agent-123"
)
# 发送消息
response = client.messages.send(
    conversation_id=conversation.id,
    content="你好,请帮我分析数据",
    stream=True
)
for chunk in response:
    print(chunk.content, end="")

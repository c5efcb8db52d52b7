from openclaw import OpenClawClient
client = OpenClawClient(
    base_url="http://localhost:3000",
    api_key="oc_api_sk_xxx"
)
# 发送消息
response = client.chat.send(
    session_id="user_123",
    message="帮我总结一下"
)
print(response.content)
# 创建子Agent
sub_agent = client.agents.spawn(
    task="分析数据",
    model="claude-3-5-sonnet"
)
result = sub_agent.wait_for_completion()

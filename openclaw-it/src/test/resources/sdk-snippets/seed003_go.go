package main
import (
"context"
"fmt"
"github.com/openclaw/go-sdk/openclaw"
)
func main() {
client := openclaw.NewClient("your-api-key")
conv, _ := client.Conversations.Create(context.Background(), &openclaw.ConversationRequest{
AgentID: "agent-123",
})
resp, _ := client.Messages.Send(context.Background(), conv.ID, &openclaw.MessageRequest{
Content: "你好",
})
fmt.Println(resp.Content)
}

package main
import (
"context"
"fmt"
"github.com/openclaw/go-sdk"
)
func main() {
client := openclaw.NewClient("http://localhost:3000", "oc_api_sk_xxx")
resp, err := client.Chat.Send(context.Background(), openclaw.ChatRequest{
SessionID: "user_123",
Message: "Hello",
})
_ = err // repaired: the seed declares err and never uses it, which Go refuses to compile
fmt.Println(resp.Content)
}

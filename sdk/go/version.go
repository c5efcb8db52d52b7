// Package openclaw is the Go client of the OpenClaw gateway's REST APIs (seeds 000–004): gateway v1 chat and
// messages, v2 conversations, agents and sub-agents, memory, skills, tools, tasks, cron jobs, webhooks, batch and
// API keys. Standard library only.
//
//	client := openclaw.NewClient("http://localhost:18789", "oc_api_sk_xxx")
//	resp, err := client.Chat.Send(ctx, openclaw.ChatRequest{SessionID: "user_123", Message: "Hello"})
//
// Seed 003's shape, NewClient(apiKey) with Conversations and Messages, is in the subpackage
// github.com/openclaw/go-sdk/openclaw.
package openclaw

// Version is the SDK's version: the gateway release it was built with.
const Version = "2026.11.0"

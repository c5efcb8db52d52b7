// Package openclaw is seed 003's import path, github.com/openclaw/go-sdk/openclaw: NewClient(apiKey) with the base
// URL from $OPENCLAW_BASE_URL (else http://localhost:18789). Everything else is the root package's.
//
//	client := openclaw.NewClient("your-api-key")
//	conv, _ := client.Conversations.Create(ctx, &openclaw.ConversationRequest{AgentID: "agent-123"})
//	resp, _ := client.Messages.Send(ctx, conv.ID, &openclaw.MessageRequest{Content: "你好"})
package openclaw

import (
	root "github.com/openclaw/go-sdk"
)

// The root package's types, under this package's name.
type (
	Client              = root.Client
	Option              = root.Option
	Error               = root.Error
	ChatRequest         = root.ChatRequest
	ChatResponse        = root.ChatResponse
	ChatChunk           = root.ChatChunk
	MessageRequest      = root.MessageRequest
	MessageReply        = root.MessageReply
	Message             = root.Message
	ConversationRequest = root.ConversationRequest
	Conversation        = root.Conversation
	Session             = root.Session
	AgentRequest        = root.AgentRequest
	Agent               = root.Agent
	SpawnRequest        = root.SpawnRequest
	SpawnedAgent        = root.SpawnedAgent
	MemorySearch        = root.MemorySearch
	Memory              = root.Memory
	NewMemory           = root.NewMemory
	TaskRequest         = root.TaskRequest
	Task                = root.Task
	CronJob             = root.CronJob
	Webhook             = root.Webhook
	WebhookEvent        = root.WebhookEvent
	BatchOperation      = root.BatchOperation
	BatchResult         = root.BatchResult
	APIKeyRequest       = root.APIKeyRequest
	APIKey              = root.APIKey
	ListOptions         = root.ListOptions
	Usage               = root.Usage
)

// The root package's options and helpers.
var (
	WithHTTPClient  = root.WithHTTPClient
	WithTimeout     = root.WithTimeout
	WithMaxRetries  = root.WithMaxRetries
	WithBackoff     = root.WithBackoff
	WithToken       = root.WithToken
	Verify          = root.Verify
	VerifySignature = root.VerifySignature
	VerifyStandard  = root.VerifyStandard
	IsNotFound      = root.IsNotFound
	IsUnauthorized  = root.IsUnauthorized
	IsRateLimited   = root.IsRateLimited
)

// Version is the SDK's version.
const Version = root.Version

// NewClient returns a client with an API key (empty: $OPENCLAW_API_KEY) for the gateway at $OPENCLAW_BASE_URL
// (else http://localhost:18789).
func NewClient(apiKey string, opts ...Option) *Client {
	return root.NewClient("", apiKey, opts...)
}

// NewClientWithBaseURL is NewClient for an explicit gateway address.
func NewClientWithBaseURL(baseURL, apiKey string, opts ...Option) *Client {
	return root.NewClient(baseURL, apiKey, opts...)
}

package openclaw

import "encoding/json"

// Usage is a turn's token usage (whichever dialect's names the route uses).
type Usage struct {
	InputTokens       int `json:"inputTokens,omitempty"`
	OutputTokens      int `json:"outputTokens,omitempty"`
	PromptTokens      int `json:"promptTokens,omitempty"`
	CompletionTokens  int `json:"completionTokens,omitempty"`
	TotalTokens       int `json:"totalTokens,omitempty"`
	InputTokensSnake  int `json:"input_tokens,omitempty"`
	OutputTokensSnake int `json:"output_tokens,omitempty"`
}

// ChatRequest is seed 002's POST /api/v1/chat.
type ChatRequest struct {
	SessionID   string         `json:"session_id,omitempty"`
	Message     string         `json:"message"`
	AgentID     string         `json:"agent_id,omitempty"`
	Model       string         `json:"-"`
	Temperature *float64       `json:"-"`
	MaxTokens   int            `json:"-"`
	Context     map[string]any `json:"context,omitempty"`
	Stream      bool           `json:"stream,omitempty"`
}

// ChatResponse is seed 002's reply: id, content, model, usage, timestamp.
type ChatResponse struct {
	ID        string `json:"id"`
	Content   string `json:"content"`
	Model     string `json:"model"`
	Usage     Usage  `json:"usage"`
	Timestamp string `json:"timestamp"`
	SessionID string `json:"session_id"`
}

// ChatChunk is one piece of a streamed reply.
type ChatChunk struct {
	Type    string `json:"type,omitempty"`
	Content string `json:"content"`
}

// MessageRequest is a message to send: seed 001 (Text, Session) or seed 003 (Content, with Stream for SSE).
type MessageRequest struct {
	Text        string           `json:"text,omitempty"`
	Session     string           `json:"session,omitempty"`
	Content     string           `json:"content,omitempty"`
	Attachments []map[string]any `json:"attachments,omitempty"`
	Model       string           `json:"model,omitempty"`
	AgentID     string           `json:"agentId,omitempty"`
	Temperature *float64         `json:"temperature,omitempty"`
	MaxTokens   int              `json:"maxTokens,omitempty"`
	Stream      bool             `json:"stream,omitempty"`
}

// MessageReply is seed 001's reply to POST /api/v1/message.
type MessageReply struct {
	MessageID string `json:"messageId"`
	Text      string `json:"text"`
	SessionID string `json:"sessionId"`
	Model     string `json:"model"`
	Usage     Usage  `json:"usage"`
	Offline   bool   `json:"offline,omitempty"`
}

// Message is a stored message (seed 003); a reply also has Model and Usage.
type Message struct {
	ID             string `json:"id"`
	ConversationID string `json:"conversationId,omitempty"`
	SessionID      string `json:"sessionId,omitempty"`
	Role           string `json:"role"`
	Content        string `json:"content"`
	Type           string `json:"type,omitempty"`
	CreatedAt      string `json:"createdAt"`
	Model          string `json:"model,omitempty"`
	Usage          *Usage `json:"usage,omitempty"`
}

// ConversationRequest creates a seed 003 conversation.
type ConversationRequest struct {
	ID       string         `json:"id,omitempty"`
	AgentID  string         `json:"agentId,omitempty"`
	Title    string         `json:"title,omitempty"`
	Context  map[string]any `json:"context,omitempty"`
	Settings map[string]any `json:"settings,omitempty"`
}

// Conversation is a seed 003 conversation.
type Conversation struct {
	ID           string         `json:"id"`
	AgentID      string         `json:"agentId"`
	Title        string         `json:"title"`
	Status       string         `json:"status"`
	Context      map[string]any `json:"context"`
	Settings     map[string]any `json:"settings"`
	MessageCount int            `json:"messageCount"`
	CreatedAt    string         `json:"createdAt"`
	UpdatedAt    string         `json:"updatedAt"`
	Messages     []Message      `json:"messages,omitempty"`
}

// Session is a gateway v1 session.
type Session struct {
	ID           string `json:"id"`
	SessionID    string `json:"sessionId,omitempty"`
	Label        string `json:"label"`
	Model        string `json:"model,omitempty"`
	AgentID      string `json:"agentId,omitempty"`
	MessageCount int    `json:"messageCount"`
	CreatedAt    string `json:"createdAt"`
}

// AgentRequest creates or changes a seed 003 agent. Model is a name ("gpt-4") or {provider, name, settings}.
type AgentRequest struct {
	ID           string         `json:"id,omitempty"`
	Name         string         `json:"name,omitempty"`
	Description  string         `json:"description,omitempty"`
	Model        any            `json:"model,omitempty"`
	SystemPrompt string         `json:"systemPrompt,omitempty"`
	Skills       []any          `json:"skills,omitempty"`
	Settings     map[string]any `json:"settings,omitempty"`
}

// Agent is seed 003's "Agent 配置".
type Agent struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Description  string `json:"description"`
	SystemPrompt string `json:"systemPrompt"`
	Model        struct {
		Provider string         `json:"provider"`
		Name     string         `json:"name"`
		Settings map[string]any `json:"settings"`
	} `json:"model"`
	Skills []struct {
		ID      string         `json:"id"`
		Enabled bool           `json:"enabled"`
		Version string         `json:"version"`
		Config  map[string]any `json:"config"`
	} `json:"skills"`
	Memory struct {
		Enabled   bool   `json:"enabled"`
		Type      string `json:"type"`
		Retention string `json:"retention"`
	} `json:"memory"`
	CreatedAt string `json:"createdAt"`
	UpdatedAt string `json:"updatedAt"`
}

// SpawnRequest starts a seed 002 sub-agent.
type SpawnRequest struct {
	Task            string   `json:"task"`
	Model           string   `json:"model,omitempty"`
	Timeout         int      `json:"timeout,omitempty"`
	Skills          []string `json:"skills,omitempty"`
	ParentSessionID string   `json:"parentSessionId,omitempty"`
}

// SpawnedAgent is a sub-agent's state: status running, completed, failed or timeout.
type SpawnedAgent struct {
	ID          string   `json:"id"`
	Status      string   `json:"status"`
	Task        string   `json:"task"`
	Model       string   `json:"model"`
	Skills      []string `json:"skills"`
	SessionID   string   `json:"sessionId"`
	Result      string   `json:"result"`
	Error       string   `json:"error"`
	CreatedAt   string   `json:"createdAt"`
	CompletedAt string   `json:"completedAt"`
}

// Done reports whether the sub-agent has finished.
func (a *SpawnedAgent) Done() bool {
	return a.Status != "running" && a.Status != "pending" && a.Status != ""
}

// MemorySearch is a seed 001 memory search.
type MemorySearch struct {
	Query    string
	Limit    int
	MinScore float64
	Tags     []string
	Type     string
	AgentID  string
}

// Memory is a stored memory or a search hit (scores set on hits).
type Memory struct {
	ID           string   `json:"id"`
	MemoryID     string   `json:"memoryId,omitempty"`
	Content      string   `json:"content"`
	Score        float64  `json:"score,omitempty"`
	KeywordScore float64  `json:"keywordScore,omitempty"`
	VectorScore  float64  `json:"vectorScore,omitempty"`
	Source       string   `json:"source,omitempty"`
	Tags         []string `json:"tags,omitempty"`
	Type         string   `json:"type,omitempty"`
	CreatedAt    string   `json:"createdAt,omitempty"`
}

// NewMemory is a memory to store.
type NewMemory struct {
	Content   string   `json:"content"`
	Tags      []string `json:"tags,omitempty"`
	Type      string   `json:"type,omitempty"`
	Retention string   `json:"retention,omitempty"`
	AgentID   string   `json:"agentId,omitempty"`
	UserID    string   `json:"userId,omitempty"`
	SessionID string   `json:"sessionId,omitempty"`
}

// TaskRequest creates a seed 003 task.
type TaskRequest struct {
	Type     string         `json:"type"`
	Name     string         `json:"name,omitempty"`
	Input    map[string]any `json:"input,omitempty"`
	Priority int            `json:"priority,omitempty"`
	Timeout  int            `json:"timeout,omitempty"`
	Callback map[string]any `json:"callback,omitempty"`
}

// Task is a background task: status pending, running, completed, failed or cancelled; Progress 0–100.
type Task struct {
	ID          string          `json:"id"`
	Name        string          `json:"name"`
	Type        string          `json:"type"`
	Status      string          `json:"status"`
	Priority    int             `json:"priority"`
	Progress    int             `json:"progress"`
	Result      json.RawMessage `json:"result"`
	Error       string          `json:"error"`
	CreatedAt   string          `json:"createdAt"`
	UpdatedAt   string          `json:"updatedAt"`
	CompletedAt string          `json:"completedAt"`
}

// Done reports whether the task has finished.
func (t *Task) Done() bool {
	return t.Status == "completed" || t.Status == "failed" || t.Status == "cancelled"
}

// CronJob is a seed 004 cron job. Schedule: {kind: every, everyMs} | {kind: at, at} | {kind: cron, expr, tz};
// Payload: {kind: systemEvent, text} | {kind: agentTurn, message, agentId}.
type CronJob struct {
	ID            string         `json:"id,omitempty"`
	Name          string         `json:"name,omitempty"`
	Schedule      map[string]any `json:"schedule,omitempty"`
	Payload       map[string]any `json:"payload,omitempty"`
	SessionTarget string         `json:"sessionTarget,omitempty"`
	Enabled       *bool          `json:"enabled,omitempty"`
	NextRun       string         `json:"nextRun,omitempty"`
	CreatedAt     string         `json:"createdAt,omitempty"`
}

// Webhook is a webhook endpoint; Secret is shown only when it is created.
type Webhook struct {
	ID        string   `json:"id,omitempty"`
	URL       string   `json:"url"`
	Events    []string `json:"events"`
	Secret    string   `json:"secret,omitempty"`
	Enabled   bool     `json:"enabled,omitempty"`
	CreatedAt string   `json:"createdAt,omitempty"`
}

// BatchOperation is one operation of POST /v2/batch.
type BatchOperation struct {
	Method string `json:"method"`
	Path   string `json:"path"`
	Body   any    `json:"body,omitempty"`
}

// BatchResult is the answer of POST /v2/batch.
type BatchResult struct {
	Results []struct {
		Index  int             `json:"index"`
		Method string          `json:"method"`
		Path   string          `json:"path"`
		Status int             `json:"status"`
		Body   json.RawMessage `json:"body"`
	} `json:"results"`
	Succeeded int `json:"succeeded"`
	Failed    int `json:"failed"`
}

// APIKeyRequest creates an API key (admin scope).
type APIKeyRequest struct {
	Name    string         `json:"name"`
	Plan    string         `json:"plan,omitempty"`
	Scopes  []string       `json:"scopes,omitempty"`
	Expires string         `json:"expires,omitempty"`
	Limits  map[string]int `json:"limits,omitempty"`
}

// APIKey is an API key's metadata; Key (the secret) is set only in the answer that created it.
type APIKey struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Prefix    string   `json:"prefix"`
	Key       string   `json:"key,omitempty"`
	Scopes    []string `json:"scopes"`
	Plan      string   `json:"plan"`
	Status    string   `json:"status"`
	CreatedAt string   `json:"createdAt"`
	ExpiresAt string   `json:"expiresAt"`
}

// ListOptions pages a list: Limit (1–200) and Offset.
type ListOptions struct {
	Limit  int
	Offset int
}

// Page is one page of a list: Items plus Total and HasMore; Next fetches the following page.
type Page[T any] struct {
	Items   []T
	Total   int
	HasMore bool
	Limit   int
	Offset  int
	next    func(offset int) (*Page[T], error)
}

// Next returns the following page, or nil after the last one.
func (p *Page[T]) Next() (*Page[T], error) {
	if !p.HasMore || p.next == nil || len(p.Items) == 0 {
		return nil, nil
	}
	return p.next(p.Offset + len(p.Items))
}

// All collects every item of this page and the following ones.
func (p *Page[T]) All() ([]T, error) {
	var out []T
	for page := p; page != nil; {
		out = append(out, page.Items...)
		var err error
		if page, err = page.Next(); err != nil {
			return out, err
		}
	}
	return out, nil
}

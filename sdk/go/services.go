package openclaw

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
)

func esc(s string) string { return url.PathEscape(s) }

func listQuery(o *ListOptions, extra url.Values) url.Values {
	q := url.Values{}
	for k, v := range extra {
		q[k] = v
	}
	if o != nil {
		if o.Limit > 0 {
			q.Set("limit", strconv.Itoa(o.Limit))
		}
		if o.Offset > 0 {
			q.Set("offset", strconv.Itoa(o.Offset))
		}
	}
	return q
}

// list fetches one page of path, whose items are under key.
func list[T any](ctx context.Context, c *Client, path, key string, o *ListOptions, extra url.Values) (*Page[T], error) {
	var raw map[string]json.RawMessage
	if err := c.do(ctx, "GET", path, listQuery(o, extra), nil, &raw); err != nil {
		return nil, err
	}
	page := &Page[T]{}
	if o != nil {
		page.Offset, page.Limit = o.Offset, o.Limit
	}
	if err := json.Unmarshal(raw[key], &page.Items); err != nil && len(raw[key]) > 0 {
		return nil, fmt.Errorf("openclaw: decoding %s: %w", key, err)
	}
	var pag struct {
		Total   *int  `json:"total"`
		HasMore *bool `json:"hasMore"`
		Limit   int   `json:"limit"`
	}
	if len(raw["pagination"]) > 0 {
		_ = json.Unmarshal(raw["pagination"], &pag)
	}
	if pag.Limit > 0 {
		page.Limit = pag.Limit
	}
	if pag.Total != nil {
		page.Total = *pag.Total
	}
	if pag.HasMore != nil {
		page.HasMore = *pag.HasMore
	} else if pag.Total != nil {
		page.HasMore = page.Offset+len(page.Items) < page.Total
	}
	limit := page.Limit
	page.next = func(offset int) (*Page[T], error) {
		return list[T](ctx, c, path, key, &ListOptions{Limit: limit, Offset: offset}, extra)
	}
	return page, nil
}

// MessageService is seed 001's POST /api/v1/message and /api/v1/message/stream.
type MessageService struct{ c *Client }

// Send sends req.Text (in req.Session, default "default") and returns the reply.
func (s *MessageService) Send(ctx context.Context, req MessageRequest) (*MessageReply, error) {
	var out MessageReply
	return &out, s.c.do(ctx, "POST", "/api/v1/message", nil, req, &out)
}

// Stream sends req.Text and streams the reply's text pieces.
func (s *MessageService) Stream(ctx context.Context, req MessageRequest) (*Stream[string], error) {
	resp, cancel, err := s.c.stream(ctx, "POST", "/api/v1/message/stream", nil, req)
	if err != nil {
		return nil, err
	}
	return newStream(resp, cancel, func(ev Event) (string, bool, error) {
		if err := errorEvent(ev.Data); err != nil {
			return "", false, err
		}
		var p struct {
			Chunk *string `json:"chunk"`
		}
		if json.Unmarshal([]byte(ev.Data), &p) != nil || p.Chunk == nil {
			return "", false, nil
		}
		return *p.Chunk, true, nil
	}), nil
}

// ChatService is seed 002's POST /api/v1/chat.
type ChatService struct{ c *Client }

func chatBody(req ChatRequest) ChatRequest {
	ctx := map[string]any{}
	for k, v := range req.Context {
		ctx[k] = v
	}
	if req.Model != "" {
		ctx["model"] = req.Model
	}
	if req.Temperature != nil {
		ctx["temperature"] = *req.Temperature
	}
	if req.MaxTokens > 0 {
		ctx["max_tokens"] = req.MaxTokens
	}
	if len(ctx) > 0 {
		req.Context = ctx
	}
	return req
}

// Send sends req.Message in session req.SessionID and returns the reply (Content).
func (s *ChatService) Send(ctx context.Context, req ChatRequest) (*ChatResponse, error) {
	var out ChatResponse
	req.Stream = false
	return &out, s.c.do(ctx, "POST", "/api/v1/chat", nil, chatBody(req), &out)
}

// Stream sends req.Message and streams the reply as chunks (Content).
func (s *ChatService) Stream(ctx context.Context, req ChatRequest) (*Stream[ChatChunk], error) {
	req.Stream = true
	resp, cancel, err := s.c.stream(ctx, "POST", "/api/v1/chat", nil, chatBody(req))
	if err != nil {
		return nil, err
	}
	return newStream(resp, cancel, deltaChunk), nil
}

func deltaChunk(ev Event) (ChatChunk, bool, error) {
	if err := errorEvent(ev.Data); err != nil {
		return ChatChunk{}, false, err
	}
	var p struct {
		Type    string  `json:"type"`
		Content *string `json:"content"`
	}
	if json.Unmarshal([]byte(ev.Data), &p) != nil || p.Content == nil || (p.Type != "" && p.Type != "delta") {
		return ChatChunk{}, false, nil
	}
	return ChatChunk{Type: p.Type, Content: *p.Content}, true, nil
}

// SessionService is gateway v1's /api/v1/sessions.
type SessionService struct{ c *Client }

// List returns one page of sessions.
func (s *SessionService) List(ctx context.Context, o *ListOptions) (*Page[Session], error) {
	return list[Session](ctx, s.c, "/api/v1/sessions", "sessions", o, nil)
}

// Create creates a session (label, model, agentId).
func (s *SessionService) Create(ctx context.Context, label, model string) (*Session, error) {
	var out Session
	body := map[string]any{}
	if label != "" {
		body["label"] = label
	}
	if model != "" {
		body["model"] = model
	}
	return &out, s.c.do(ctx, "POST", "/api/v1/sessions", nil, body, &out)
}

// Get returns a session.
func (s *SessionService) Get(ctx context.Context, id string) (*Session, error) {
	var out Session
	return &out, s.c.do(ctx, "GET", "/api/v1/sessions/"+esc(id), nil, nil, &out)
}

// Delete deletes a session.
func (s *SessionService) Delete(ctx context.Context, id string) error {
	return s.c.do(ctx, "DELETE", "/api/v1/sessions/"+esc(id), nil, nil, nil)
}

// Messages returns one page of a session's messages.
func (s *SessionService) Messages(ctx context.Context, id string, o *ListOptions) (*Page[Message], error) {
	return list[Message](ctx, s.c, "/api/v1/sessions/"+esc(id)+"/messages", "messages", o, nil)
}

// ConversationService is seed 003's /v2/conversations.
type ConversationService struct{ c *Client }

// Create creates a conversation.
func (s *ConversationService) Create(ctx context.Context, req *ConversationRequest) (*Conversation, error) {
	if req == nil {
		req = &ConversationRequest{}
	}
	var out Conversation
	return &out, s.c.do(ctx, "POST", "/v2/conversations", nil, req, &out)
}

// List returns one page of conversations.
func (s *ConversationService) List(ctx context.Context, o *ListOptions) (*Page[Conversation], error) {
	return list[Conversation](ctx, s.c, "/v2/conversations", "conversations", o, nil)
}

// Get returns a conversation with its latest messages.
func (s *ConversationService) Get(ctx context.Context, id string) (*Conversation, error) {
	var out Conversation
	return &out, s.c.do(ctx, "GET", "/v2/conversations/"+esc(id), nil, nil, &out)
}

// Delete deletes a conversation.
func (s *ConversationService) Delete(ctx context.Context, id string) error {
	return s.c.do(ctx, "DELETE", "/v2/conversations/"+esc(id), nil, nil, nil)
}

// MessagesService is seed 003's /v2/conversations/{id}/messages.
type MessagesService struct{ c *Client }

// Send sends a message and returns the stored reply.
func (s *MessagesService) Send(ctx context.Context, conversationID string, req *MessageRequest) (*Message, error) {
	body := *req
	body.Stream = false
	var out Message
	return &out, s.c.do(ctx, "POST", "/v2/conversations/"+esc(conversationID)+"/messages", nil, body, &out)
}

// Stream sends a message and streams the reply's delta chunks.
func (s *MessagesService) Stream(ctx context.Context, conversationID string, req *MessageRequest) (*Stream[ChatChunk],
	error) {
	body := *req
	body.Stream = true
	resp, cancel, err := s.c.stream(ctx, "POST", "/v2/conversations/"+esc(conversationID)+"/messages", nil, body)
	if err != nil {
		return nil, err
	}
	return newStream(resp, cancel, deltaChunk), nil
}

// List returns one page of a conversation's messages.
func (s *MessagesService) List(ctx context.Context, conversationID string, o *ListOptions) (*Page[Message], error) {
	return list[Message](ctx, s.c, "/v2/conversations/"+esc(conversationID)+"/messages", "messages", o, nil)
}

// AgentService is seed 003's /v2/agents and seed 002's sub-agents.
type AgentService struct{ c *Client }

// Create creates an agent.
func (s *AgentService) Create(ctx context.Context, req *AgentRequest) (*Agent, error) {
	var out Agent
	return &out, s.c.do(ctx, "POST", "/v2/agents", nil, req, &out)
}

// List returns one page of agents.
func (s *AgentService) List(ctx context.Context, o *ListOptions) (*Page[Agent], error) {
	return list[Agent](ctx, s.c, "/v2/agents", "agents", o, nil)
}

// Get returns an agent.
func (s *AgentService) Get(ctx context.Context, id string) (*Agent, error) {
	var out Agent
	return &out, s.c.do(ctx, "GET", "/v2/agents/"+esc(id), nil, nil, &out)
}

// Update changes an agent's given fields.
func (s *AgentService) Update(ctx context.Context, id string, req *AgentRequest) (*Agent, error) {
	var out Agent
	return &out, s.c.do(ctx, "PATCH", "/v2/agents/"+esc(id), nil, req, &out)
}

// Delete deletes an agent.
func (s *AgentService) Delete(ctx context.Context, id string) error {
	return s.c.do(ctx, "DELETE", "/v2/agents/"+esc(id), nil, nil, nil)
}

// InstallSkill installs or enables a skill on an agent.
func (s *AgentService) InstallSkill(ctx context.Context, id, skillID, version string, config map[string]any) error {
	body := map[string]any{"skillId": skillID}
	if version != "" {
		body["version"] = version
	}
	if config != nil {
		body["config"] = config
	}
	return s.c.do(ctx, "POST", "/v2/agents/"+esc(id)+"/skills", nil, body, nil)
}

// Spawn starts a sub-agent and returns at once (status running).
func (s *AgentService) Spawn(ctx context.Context, req SpawnRequest) (*SpawnedAgent, error) {
	var out SpawnedAgent
	return &out, s.c.do(ctx, "POST", "/api/v1/agents/spawn", nil, req, &out)
}

// GetSpawned returns a sub-agent's state, waiting on the gateway up to wait (at most 300 s) for it to finish.
func (s *AgentService) GetSpawned(ctx context.Context, id string, wait time.Duration) (*SpawnedAgent, error) {
	q := url.Values{}
	if wait > 0 {
		q.Set("wait", strconv.Itoa(int(wait.Seconds())))
	}
	var out SpawnedAgent
	return &out, s.c.do(ctx, "GET", "/api/v1/agents/spawn/"+esc(id), q, nil, &out)
}

// WaitForCompletion blocks until the sub-agent finishes (or ctx ends); a failed or timed-out sub-agent is an
// *Error with code AGENT_FAILED.
func (s *AgentService) WaitForCompletion(ctx context.Context, id string) (*SpawnedAgent, error) {
	for {
		a, err := s.GetSpawned(ctx, id, 30*time.Second)
		if err != nil {
			return nil, err
		}
		if a.Done() {
			if a.Status == "failed" || a.Status == "timeout" {
				return a, &Error{Code: "AGENT_FAILED", Message: "sub-agent " + id + " " + a.Status + ": " + a.Error,
					Details: a.Error}
			}
			return a, nil
		}
	}
}

// MemoryService is seed 001's /api/v1/memory and seed 003's /v2/memories.
type MemoryService struct{ c *Client }

// Search returns the best matches, best first.
func (s *MemoryService) Search(ctx context.Context, req MemorySearch) ([]Memory, error) {
	q := url.Values{"query": {req.Query}}
	if req.Limit > 0 {
		q.Set("limit", strconv.Itoa(req.Limit))
	}
	if req.MinScore > 0 {
		q.Set("minScore", strconv.FormatFloat(req.MinScore, 'f', -1, 64))
	}
	if len(req.Tags) > 0 {
		q.Set("tags", strings.Join(req.Tags, ","))
	}
	if req.Type != "" {
		q.Set("type", req.Type)
	}
	if req.AgentID != "" {
		q.Set("agentId", req.AgentID)
	}
	var out struct {
		Results []Memory `json:"results"`
	}
	return out.Results, s.c.do(ctx, "GET", "/api/v1/memory/search", q, nil, &out)
}

// Add stores a memory; the result has MemoryID and CreatedAt.
func (s *MemoryService) Add(ctx context.Context, m NewMemory) (*Memory, error) {
	var out Memory
	return &out, s.c.do(ctx, "POST", "/api/v1/memory", nil, m, &out)
}

// Get returns one memory.
func (s *MemoryService) Get(ctx context.Context, id string) (*Memory, error) {
	var out Memory
	return &out, s.c.do(ctx, "GET", "/api/v1/memory/"+esc(id), nil, nil, &out)
}

// Delete deletes a memory.
func (s *MemoryService) Delete(ctx context.Context, id string) error {
	return s.c.do(ctx, "DELETE", "/api/v1/memory/"+esc(id), nil, nil, nil)
}

// List returns one page of stored memories (/v2/memories).
func (s *MemoryService) List(ctx context.Context, o *ListOptions) (*Page[Memory], error) {
	return list[Memory](ctx, s.c, "/v2/memories", "memories", o, nil)
}

// SkillService is seed 001's /api/v1/skills and seed 003's /v2/skills.
type SkillService struct{ c *Client }

// List returns the skills (name, description, enabled, version).
func (s *SkillService) List(ctx context.Context) ([]map[string]any, error) {
	var out struct {
		Skills []map[string]any `json:"skills"`
	}
	return out.Skills, s.c.do(ctx, "GET", "/api/v1/skills", nil, nil, &out)
}

// Execute runs a skill; the result has "result" and "executionTime" (seconds).
func (s *SkillService) Execute(ctx context.Context, name string, args []any, session string) (map[string]any, error) {
	body := map[string]any{"args": args}
	if session != "" {
		body["session"] = session
	}
	var out map[string]any
	return out, s.c.do(ctx, "POST", "/api/v1/skills/"+esc(name)+"/execute", nil, body, &out)
}

// ToolService is seed 000's /v1/tools.
type ToolService struct{ c *Client }

// List returns the tools (name, description, input_schema, …).
func (s *ToolService) List(ctx context.Context) ([]map[string]any, error) {
	var out []map[string]any
	return out, s.c.do(ctx, "GET", "/v1/tools", nil, nil, &out)
}

// Execute runs a tool; the result has "result" and "metadata".
func (s *ToolService) Execute(ctx context.Context, name string, parameters map[string]any) (map[string]any, error) {
	if parameters == nil {
		parameters = map[string]any{}
	}
	var out map[string]any
	return out, s.c.do(ctx, "POST", "/v1/tools/"+esc(name)+"/execute", nil, map[string]any{"parameters": parameters},
		&out)
}

// TaskService is seed 003's /v2/tasks.
type TaskService struct{ c *Client }

// Create queues a task.
func (s *TaskService) Create(ctx context.Context, req TaskRequest) (*Task, error) {
	var out Task
	return &out, s.c.do(ctx, "POST", "/v2/tasks", nil, req, &out)
}

// Get returns a task (Status, Progress, Result).
func (s *TaskService) Get(ctx context.Context, id string) (*Task, error) {
	var out Task
	return &out, s.c.do(ctx, "GET", "/v2/tasks/"+esc(id), nil, nil, &out)
}

// Cancel cancels a task.
func (s *TaskService) Cancel(ctx context.Context, id string) (*Task, error) {
	var out Task
	return &out, s.c.do(ctx, "DELETE", "/v2/tasks/"+esc(id), nil, nil, &out)
}

// List returns one page of tasks (status "" for all).
func (s *TaskService) List(ctx context.Context, status string, o *ListOptions) (*Page[Task], error) {
	extra := url.Values{}
	if status != "" {
		extra.Set("status", status)
	}
	return list[Task](ctx, s.c, "/v2/tasks", "tasks", o, extra)
}

// Events streams the task after each status/progress change until it finishes.
func (s *TaskService) Events(ctx context.Context, id string) (*Stream[Task], error) {
	resp, cancel, err := s.c.stream(ctx, "GET", "/v2/tasks/"+esc(id)+"/events", nil, nil)
	if err != nil {
		return nil, err
	}
	return newStream(resp, cancel, func(ev Event) (Task, bool, error) {
		var t Task
		if json.Unmarshal([]byte(ev.Data), &t) != nil || t.ID == "" {
			return t, false, nil
		}
		return t, true, nil
	}), nil
}

// Wait blocks until the task finishes (or ctx ends), calling onProgress (may be nil) on each change.
func (s *TaskService) Wait(ctx context.Context, id string, onProgress func(*Task)) (*Task, error) {
	for {
		st, err := s.Events(ctx, id)
		if err != nil {
			return nil, err
		}
		for st.Next() {
			t := st.Current()
			if onProgress != nil {
				onProgress(&t)
			}
			if t.Done() {
				st.Close()
				return &t, nil
			}
		}
		t, err := s.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		if t.Done() {
			return t, nil
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// CronService is seed 004's /api/v1/cron/jobs.
type CronService struct{ c *Client }

// List returns the cron jobs.
func (s *CronService) List(ctx context.Context) ([]CronJob, error) {
	var out struct {
		Jobs []CronJob `json:"jobs"`
	}
	return out.Jobs, s.c.do(ctx, "GET", "/api/v1/cron/jobs", nil, nil, &out)
}

// Create creates a job.
func (s *CronService) Create(ctx context.Context, job CronJob) (*CronJob, error) {
	var out CronJob
	return &out, s.c.do(ctx, "POST", "/api/v1/cron/jobs", nil, job, &out)
}

// Get returns a job.
func (s *CronService) Get(ctx context.Context, id string) (*CronJob, error) {
	var out CronJob
	return &out, s.c.do(ctx, "GET", "/api/v1/cron/jobs/"+esc(id), nil, nil, &out)
}

// Update changes a job's given fields.
func (s *CronService) Update(ctx context.Context, id string, job CronJob) (*CronJob, error) {
	var out CronJob
	return &out, s.c.do(ctx, "PATCH", "/api/v1/cron/jobs/"+esc(id), nil, job, &out)
}

// Delete deletes a job.
func (s *CronService) Delete(ctx context.Context, id string) error {
	return s.c.do(ctx, "DELETE", "/api/v1/cron/jobs/"+esc(id), nil, nil, nil)
}

// Run fires a job now and returns the run.
func (s *CronService) Run(ctx context.Context, id string) (map[string]any, error) {
	var out map[string]any
	return out, s.c.do(ctx, "POST", "/api/v1/cron/jobs/"+esc(id)+"/run", nil, map[string]any{}, &out)
}

// Runs returns one page of a job's runs.
func (s *CronService) Runs(ctx context.Context, id string, o *ListOptions) (*Page[map[string]any], error) {
	return list[map[string]any](ctx, s.c, "/api/v1/cron/jobs/"+esc(id)+"/runs", "runs", o, nil)
}

// WebhookService is seed 003's /v2/webhooks. To check deliveries you receive, see Verify.
type WebhookService struct{ c *Client }

// Create registers an endpoint; the answer's Secret is shown only here.
func (s *WebhookService) Create(ctx context.Context, w Webhook) (*Webhook, error) {
	var out Webhook
	return &out, s.c.do(ctx, "POST", "/v2/webhooks", nil, w, &out)
}

// List returns the endpoints.
func (s *WebhookService) List(ctx context.Context) ([]Webhook, error) {
	var out struct {
		Webhooks []Webhook `json:"webhooks"`
	}
	return out.Webhooks, s.c.do(ctx, "GET", "/v2/webhooks", nil, nil, &out)
}

// Delete removes an endpoint.
func (s *WebhookService) Delete(ctx context.Context, id string) error {
	return s.c.do(ctx, "DELETE", "/v2/webhooks/"+esc(id), nil, nil, nil)
}

// Deliveries returns one page of an endpoint's delivery log.
func (s *WebhookService) Deliveries(ctx context.Context, id string, o *ListOptions) (*Page[map[string]any], error) {
	return list[map[string]any](ctx, s.c, "/v2/webhooks/"+esc(id)+"/deliveries", "deliveries", o, nil)
}

// BatchService is seed 003's POST /v2/batch.
type BatchService struct{ c *Client }

// Run runs the operations (paths without a version prefix are under /v2).
func (s *BatchService) Run(ctx context.Context, ops []BatchOperation) (*BatchResult, error) {
	var out BatchResult
	return &out, s.c.do(ctx, "POST", "/v2/batch", nil, map[string]any{"operations": ops}, &out)
}

// KeyService is /api/v1/keys (admin scope).
type KeyService struct{ c *Client }

// Create creates a key; the answer's Key is the secret, shown only here.
func (s *KeyService) Create(ctx context.Context, req APIKeyRequest) (*APIKey, error) {
	var out APIKey
	return &out, s.c.do(ctx, "POST", "/api/v1/keys", nil, req, &out)
}

// List returns the keys.
func (s *KeyService) List(ctx context.Context) ([]APIKey, error) {
	var out struct {
		Keys []APIKey `json:"keys"`
	}
	return out.Keys, s.c.do(ctx, "GET", "/api/v1/keys", nil, nil, &out)
}

// Revoke revokes a key by id or name.
func (s *KeyService) Revoke(ctx context.Context, idOrName string) error {
	return s.c.do(ctx, "DELETE", "/api/v1/keys/"+esc(idOrName), nil, nil, nil)
}

// Status returns GET /api/v1/status.
func (c *Client) Status(ctx context.Context) (map[string]any, error) {
	var out map[string]any
	return out, c.do(ctx, "GET", "/api/v1/status", nil, nil, &out)
}

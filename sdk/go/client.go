package openclaw

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"
)

// DefaultBaseURL is used when neither the argument nor OPENCLAW_BASE_URL names a gateway.
const DefaultBaseURL = "http://localhost:18789"

// Client talks to one gateway. It is safe for concurrent use.
type Client struct {
	baseURL      string
	credential   string
	httpClient   *http.Client
	timeout      time.Duration
	maxRetries   int
	backoff      time.Duration
	maxRetryWait time.Duration

	Message       *MessageService
	Chat          *ChatService
	Sessions      *SessionService
	Conversations *ConversationService
	Messages      *MessagesService
	Agents        *AgentService
	Memory        *MemoryService
	Skills        *SkillService
	Tools         *ToolService
	Tasks         *TaskService
	Cron          *CronService
	Webhooks      *WebhookService
	Batch         *BatchService
	Keys          *KeyService
}

// Option changes a client's settings.
type Option func(*Client)

// WithHTTPClient sets the HTTP client (default: a new one without an overall timeout; see WithTimeout).
func WithHTTPClient(h *http.Client) Option { return func(c *Client) { c.httpClient = h } }

// WithTimeout sets the time limit of one request (streams: until the response starts). Default 60 s.
func WithTimeout(d time.Duration) Option { return func(c *Client) { c.timeout = d } }

// WithMaxRetries sets how often 408/429/5xx and connection failures are retried (default 2).
func WithMaxRetries(n int) Option { return func(c *Client) { c.maxRetries = n } }

// WithBackoff sets the first retry's wait (doubling, with jitter; default 500 ms) and the longest Retry-After that
// is waited for (default 30 s; a longer one returns the 429 at once).
func WithBackoff(first, maxRetryWait time.Duration) Option {
	return func(c *Client) { c.backoff, c.maxRetryWait = first, maxRetryWait }
}

// WithToken sets the gateway token as the credential (instead of an API key).
func WithToken(token string) Option { return func(c *Client) { c.credential = token } }

// NewClient returns a client for the gateway at baseURL (empty: $OPENCLAW_BASE_URL, else DefaultBaseURL) with an
// API key or gateway token (empty: $OPENCLAW_API_KEY), sent as "Authorization: Bearer".
func NewClient(baseURL, apiKey string, opts ...Option) *Client {
	if baseURL == "" {
		baseURL = os.Getenv("OPENCLAW_BASE_URL")
	}
	if baseURL == "" {
		baseURL = DefaultBaseURL
	}
	baseURL = strings.TrimRight(baseURL, "/")
	for _, suffix := range []string{"/api/v1", "/v2", "/v1"} {
		if strings.HasSuffix(baseURL, suffix) {
			baseURL = strings.TrimSuffix(baseURL, suffix)
			break
		}
	}
	if apiKey == "" {
		apiKey = os.Getenv("OPENCLAW_API_KEY")
	}
	if apiKey == "" {
		apiKey = os.Getenv("OPENCLAW_TOKEN")
	}
	c := &Client{baseURL: baseURL, credential: apiKey, httpClient: &http.Client{}, timeout: 60 * time.Second,
		maxRetries: 2, backoff: 500 * time.Millisecond, maxRetryWait: 30 * time.Second}
	for _, o := range opts {
		o(c)
	}
	c.Message = &MessageService{c}
	c.Chat = &ChatService{c}
	c.Sessions = &SessionService{c}
	c.Conversations = &ConversationService{c}
	c.Messages = &MessagesService{c}
	c.Agents = &AgentService{c}
	c.Memory = &MemoryService{c}
	c.Skills = &SkillService{c}
	c.Tools = &ToolService{c}
	c.Tasks = &TaskService{c}
	c.Cron = &CronService{c}
	c.Webhooks = &WebhookService{c}
	c.Batch = &BatchService{c}
	c.Keys = &KeyService{c}
	return c
}

// BaseURL is the gateway's address.
func (c *Client) BaseURL() string { return c.baseURL }

func (c *Client) url(path string, query url.Values) string {
	u := c.baseURL + path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	return u
}

func retryable(status int) bool {
	switch status {
	case 408, 429, 500, 502, 503, 504:
		return true
	}
	return false
}

func (c *Client) retryWait(attempt int, status int, retryAfter float64, hasRetryAfter bool) (time.Duration, bool) {
	if attempt >= c.maxRetries || (status != 0 && !retryable(status)) {
		return 0, false
	}
	if hasRetryAfter {
		d := time.Duration(retryAfter * float64(time.Second))
		if d > c.maxRetryWait {
			return 0, false
		}
		return d, true
	}
	d := c.backoff << uint(attempt)
	d = time.Duration(float64(d) * (0.5 + rand.Float64()/2))
	if d > c.maxRetryWait {
		d = c.maxRetryWait
	}
	return d, true
}

// open sends a request, retrying; the caller closes the body. cancel ends the per-request timeout.
func (c *Client) open(ctx context.Context, method, path string, query url.Values, body any, accept string,
	stream bool) (*http.Response, context.CancelFunc, error) {
	var payload []byte
	if body != nil {
		var err error
		if payload, err = json.Marshal(body); err != nil {
			return nil, nil, fmt.Errorf("openclaw: encoding the request: %w", err)
		}
	}
	for attempt := 0; ; attempt++ {
		rctx, cancel := ctx, context.CancelFunc(func() {})
		var timer *time.Timer
		if c.timeout > 0 {
			if stream {
				rctx, cancel = context.WithCancel(ctx)
				timer = time.AfterFunc(c.timeout, cancel)
			} else {
				rctx, cancel = context.WithTimeout(ctx, c.timeout)
			}
		}
		var rd io.Reader
		if payload != nil {
			rd = bytes.NewReader(payload)
		}
		req, err := http.NewRequestWithContext(rctx, method, c.url(path, query), rd)
		if err != nil {
			cancel()
			return nil, nil, err
		}
		req.Header.Set("Accept", accept)
		req.Header.Set("User-Agent", "openclaw-go/"+Version)
		if payload != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		if c.credential != "" {
			req.Header.Set("Authorization", "Bearer "+c.credential)
		}
		resp, err := c.httpClient.Do(req)
		if timer != nil {
			timer.Stop()
		}
		var wait time.Duration
		var again bool
		if err != nil {
			cancel()
			if ctx.Err() != nil {
				return nil, nil, ctx.Err()
			}
			var ne net.Error
			timedOut := errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) ||
				errors.Is(err, context.Canceled)
			if timedOut && method != http.MethodGet {
				return nil, nil, fmt.Errorf("openclaw: %s %s timed out after %s: %w", method, path, c.timeout, err)
			}
			if wait, again = c.retryWait(attempt, 0, 0, false); !again {
				return nil, nil, fmt.Errorf("openclaw: cannot reach %s: %w", c.baseURL, err)
			}
		} else if resp.StatusCode >= 300 {
			raw, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			cancel()
			apiErr := errorFrom(resp.StatusCode, raw, resp.Header)
			hasRA := resp.Header.Get("Retry-After") != "" || apiErr.RetryAfter > 0
			if wait, again = c.retryWait(attempt, resp.StatusCode, apiErr.RetryAfter, hasRA); !again {
				return nil, nil, apiErr
			}
		} else {
			return resp, cancel, nil
		}
		select {
		case <-ctx.Done():
			return nil, nil, ctx.Err()
		case <-time.After(wait):
		}
	}
}

// do sends one JSON request and decodes the answer (the gateway v1 envelope unwrapped) into out (may be nil).
func (c *Client) do(ctx context.Context, method, path string, query url.Values, body, out any) error {
	resp, cancel, err := c.open(ctx, method, path, query, body, "application/json", false)
	if err != nil {
		return err
	}
	defer cancel()
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("openclaw: reading the response: %w", err)
	}
	if out == nil || len(raw) == 0 {
		return nil
	}
	return decode(raw, out)
}

func decode(raw []byte, out any) error {
	var env struct {
		Success *bool           `json:"success"`
		Data    json.RawMessage `json:"data"`
	}
	if len(raw) > 0 && raw[0] == '{' && json.Unmarshal(raw, &env) == nil && env.Success != nil && len(env.Data) > 0 {
		raw = env.Data
	}
	if err := json.Unmarshal(raw, out); err != nil {
		return fmt.Errorf("openclaw: decoding the response: %w", err)
	}
	return nil
}

// Do sends any request (body is JSON-encoded unless nil) and decodes the answer into out; the gateway v1 envelope
// {success, data} is unwrapped.
func (c *Client) Do(ctx context.Context, method, path string, query url.Values, body, out any) error {
	return c.do(ctx, method, path, query, body, out)
}

// Event is one Server-Sent Event.
type Event struct {
	Name string
	Data string
	ID   string
}

// Stream iterates over a streamed response: for stream.Next() { use(stream.Current()) }; then check stream.Err().
type Stream[T any] struct {
	body    io.ReadCloser
	cancel  context.CancelFunc
	scanner *bufio.Scanner
	pick    func(Event) (T, bool, error)
	current T
	err     error
	done    bool
}

func newStream[T any](resp *http.Response, cancel context.CancelFunc, pick func(Event) (T, bool, error)) *Stream[T] {
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 64*1024), 8*1024*1024)
	return &Stream[T]{body: resp.Body, cancel: cancel, scanner: sc, pick: pick}
}

func (s *Stream[T]) nextEvent() (Event, bool) {
	var ev Event
	var data []string
	for s.scanner.Scan() {
		line := strings.TrimRight(s.scanner.Text(), "\r")
		if line == "" {
			if len(data) > 0 {
				ev.Data = strings.Join(data, "\n")
				return ev, true
			}
			continue
		}
		if strings.HasPrefix(line, ":") {
			continue
		}
		field, value, _ := strings.Cut(line, ":")
		value = strings.TrimPrefix(value, " ")
		switch field {
		case "data":
			data = append(data, value)
		case "event":
			ev.Name = value
		case "id":
			ev.ID = value
		}
	}
	if err := s.scanner.Err(); err != nil {
		s.err = err
	}
	if len(data) > 0 {
		ev.Data = strings.Join(data, "\n")
		return ev, true
	}
	return ev, false
}

// Next advances to the next item; false at the end of the stream or on an error (see Err).
func (s *Stream[T]) Next() bool {
	for !s.done {
		ev, ok := s.nextEvent()
		if !ok || strings.TrimSpace(ev.Data) == "[DONE]" {
			s.Close()
			return false
		}
		item, use, err := s.pick(ev)
		if err != nil {
			s.err = err
			s.Close()
			return false
		}
		if use {
			s.current = item
			return true
		}
	}
	return false
}

// Current is the item Next moved to.
func (s *Stream[T]) Current() T { return s.current }

// Err is the error that ended the stream early (an error event from the gateway is an *Error), or nil.
func (s *Stream[T]) Err() error { return s.err }

// Close ends the stream and releases the connection; safe to call more than once.
func (s *Stream[T]) Close() error {
	if s.done {
		return nil
	}
	s.done = true
	err := s.body.Close()
	if s.cancel != nil {
		s.cancel()
	}
	return err
}

// Chan delivers the remaining items on a channel (closed at the end); check Err afterwards.
func (s *Stream[T]) Chan() <-chan T {
	ch := make(chan T)
	go func() {
		defer close(ch)
		for s.Next() {
			ch <- s.Current()
		}
	}()
	return ch
}

func (c *Client) stream(ctx context.Context, method, path string, query url.Values, body any) (*http.Response,
	context.CancelFunc, error) {
	return c.open(ctx, method, path, query, body, "text/event-stream", true)
}

// errorEvent returns the *Error an event carries ({"error": {...}} or {"type": "error", ...}), else nil.
func errorEvent(data string) error {
	var probe struct {
		Type  string          `json:"type"`
		Error json.RawMessage `json:"error"`
	}
	if json.Unmarshal([]byte(data), &probe) != nil {
		return nil
	}
	if len(probe.Error) > 0 && string(probe.Error) != "null" || probe.Type == "error" {
		e := errorFrom(0, []byte(data), nil)
		e.Status = 0
		return e
	}
	return nil
}

package openclaw

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

type answer struct {
	status  int
	body    string
	headers map[string]string
}

type stub struct {
	*httptest.Server
	mu       sync.Mutex
	script   []answer
	requests []*http.Request
	bodies   []string
}

func newStub(t *testing.T) *stub {
	s := &stub{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.requests = append(s.requests, r)
		s.bodies = append(s.bodies, string(b))
		a := answer{status: 200, body: "{}"}
		if len(s.script) > 0 {
			a, s.script = s.script[0], s.script[1:]
		}
		s.mu.Unlock()
		w.Header().Set("X-Request-ID", "req_stub")
		if strings.HasPrefix(a.body, "data:") {
			w.Header().Set("Content-Type", "text/event-stream")
		} else {
			w.Header().Set("Content-Type", "application/json")
		}
		for k, v := range a.headers {
			w.Header().Set(k, v)
		}
		w.WriteHeader(a.status)
		io.WriteString(w, a.body)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *stub) add(status int, body string, headers map[string]string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.script = append(s.script, answer{status, body, headers})
}

func (s *stub) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests)
}

const errBody = `{"error":{"code":"%s","message":"m","details":"Try again in 42 seconds","retryAfter":%d}}`

func errJSON(code string, retryAfter int) string {
	return strings.Replace(strings.Replace(errBody, "%s", code, 1), "%d", itoa(retryAfter), 1)
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestSeed002ShapeSendsChat(t *testing.T) {
	s := newStub(t)
	s.add(200, `{"success":true,"data":{"id":"msg_1","content":"hi","model":"fake/gpt-4"},"id":"msg_1"}`, nil)
	c := NewClient(s.URL, "oc_api_sk_x")
	resp, err := c.Chat.Send(context.Background(), ChatRequest{SessionID: "user_123", Message: "Hello",
		Model: "gpt-4"})
	if err != nil || resp.Content != "hi" {
		t.Fatalf("got %+v, %v", resp, err)
	}
	if got := s.requests[0].Header.Get("Authorization"); got != "Bearer oc_api_sk_x" {
		t.Fatalf("auth header %q", got)
	}
	var body map[string]any
	json.Unmarshal([]byte(s.bodies[0]), &body)
	if body["session_id"] != "user_123" || body["message"] != "Hello" ||
		body["context"].(map[string]any)["model"] != "gpt-4" {
		t.Fatalf("body %s", s.bodies[0])
	}
}

func TestErrorsCarryStatusCodeRequestIDAndRetryAfter(t *testing.T) {
	s := newStub(t)
	c := NewClient(s.URL, "k", WithBackoff(time.Millisecond, 5*time.Second))
	s.add(401, errJSON("UNAUTHORIZED", 0), nil)
	_, err := c.Status(context.Background())
	if !IsUnauthorized(err) || err.(*Error).Code != "UNAUTHORIZED" || err.(*Error).RequestID != "req_stub" {
		t.Fatalf("401: %v", err)
	}
	s.add(404, errJSON("NOT_FOUND", 0), nil)
	if _, err := c.Conversations.Get(context.Background(), "x"); !IsNotFound(err) {
		t.Fatalf("404: %v", err)
	}
	s.add(429, errJSON("RATE_LIMIT_EXCEEDED", 42), map[string]string{"Retry-After": "42"})
	_, err = c.Sessions.List(context.Background(), nil)
	e, ok := err.(*Error)
	if !ok || !IsRateLimited(err) || e.RetryAfter != 42 || e.Details != "Try again in 42 seconds" {
		t.Fatalf("429: %#v", err)
	}
	if s.count() != 3 {
		t.Fatalf("a Retry-After beyond the limit must not be waited for: %d requests", s.count())
	}
}

func TestRetriesOf429And5xx(t *testing.T) {
	s := newStub(t)
	c := NewClient(s.URL, "k", WithBackoff(time.Millisecond, time.Second))
	s.add(429, errJSON("RATE_LIMIT_EXCEEDED", 0), map[string]string{"Retry-After": "0"})
	s.add(503, errJSON("UNAVAILABLE", 0), nil)
	s.add(200, `{"success":true,"data":{"sessions":[{"id":"s1"}]}}`, nil)
	page, err := c.Sessions.List(context.Background(), nil)
	if err != nil || len(page.Items) != 1 || s.count() != 3 {
		t.Fatalf("got %+v %v after %d requests", page, err, s.count())
	}
	for i := 0; i < 3; i++ {
		s.add(502, errJSON("UPSTREAM_ERROR", 0), nil)
	}
	if _, err := c.Chat.Send(context.Background(), ChatRequest{Message: "x"}); err == nil ||
		err.(*Error).Status != 502 || s.count() != 6 {
		t.Fatalf("gave up wrongly: %v after %d", err, s.count())
	}
	s.add(400, errJSON("INVALID_REQUEST", 0), nil)
	if _, err := c.Message.Send(context.Background(), MessageRequest{}); err == nil || s.count() != 7 {
		t.Fatalf("400 must not be retried: %v %d", err, s.count())
	}
}

func TestStreams(t *testing.T) {
	s := newStub(t)
	c := NewClient(s.URL, "k")
	s.add(200, "data: {\"chunk\": \"春\"}\n\n: keep-alive\n\ndata: {\"chunk\": \"眠\"}\n\ndata: [DONE]\n\n", nil)
	st, err := c.Message.Stream(context.Background(), MessageRequest{Text: "x"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for st.Next() {
		got = append(got, st.Current())
	}
	if st.Err() != nil || strings.Join(got, "|") != "春|眠" {
		t.Fatalf("%v %v", got, st.Err())
	}
	s.add(200, "data: {\"type\":\"delta\",\"content\":\"a\"}\n\ndata: {\"type\":\"tool_call\",\"toolCall\":{}}\n\n"+
		"data: {\"type\":\"delta\",\"content\":\"b\"}\n\ndata: {\"type\":\"done\",\"message\":{}}\n\ndata: [DONE]\n\n", nil)
	ms, err := c.Messages.Stream(context.Background(), "c1", &MessageRequest{Content: "x"})
	if err != nil {
		t.Fatal(err)
	}
	var text string
	for ch := range ms.Chan() {
		text += ch.Content
	}
	if text != "ab" {
		t.Fatalf("v2 stream %q", text)
	}
	s.add(200, "data: {\"content\":\"par\"}\n\ndata: {\"error\":{\"code\":\"UPSTREAM_ERROR\",\"message\":\"boom\"}}\n\n", nil)
	cs, _ := c.Chat.Stream(context.Background(), ChatRequest{Message: "x"})
	var n int
	for cs.Next() {
		n++
	}
	if e, ok := cs.Err().(*Error); n != 1 || !ok || e.Code != "UPSTREAM_ERROR" {
		t.Fatalf("error event: %d %v", n, cs.Err())
	}
}

func TestPagination(t *testing.T) {
	s := newStub(t)
	c := NewClient(s.URL, "k")
	s.add(200, `{"conversations":[{"id":"c1"},{"id":"c2"}],"pagination":{"total":3,"limit":2,"hasMore":true}}`, nil)
	s.add(200, `{"conversations":[{"id":"c3"}],"pagination":{"total":3,"limit":2,"hasMore":false}}`, nil)
	page, err := c.Conversations.List(context.Background(), &ListOptions{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	all, err := page.All()
	if err != nil || len(all) != 3 || all[2].ID != "c3" || !strings.Contains(s.requests[1].URL.RawQuery, "offset=2") {
		t.Fatalf("%+v %v", all, err)
	}
}

func TestTimeout(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		for {
			conn, err := l.Accept()
			if err != nil {
				return
			}
			defer conn.Close()
		}
	}()
	c := NewClient("http://"+l.Addr().String(), "k", WithTimeout(200*time.Millisecond), WithMaxRetries(0))
	start := time.Now()
	if _, err := c.Message.Send(context.Background(), MessageRequest{Text: "x"}); err == nil ||
		!strings.Contains(err.Error(), "timed out") {
		t.Fatalf("want a timeout, got %v after %s", err, time.Since(start))
	}
}

func TestSubpackageShapeAndEnv(t *testing.T) {
	s := newStub(t)
	t.Setenv("OPENCLAW_BASE_URL", s.URL)
	c := NewClient("", "key")
	if c.BaseURL() != s.URL {
		t.Fatalf("base %s", c.BaseURL())
	}
}

func TestWebhookVerifiers(t *testing.T) {
	body := []byte(`{"event":"message.received","timestamp":"2026-04-17T01:20:00Z","data":{}}`)
	if !VerifySignature(body, SignBody(body, "k"), "k") || VerifySignature(body, SignBody(body, "k"), "x") {
		t.Fatal("X-OpenClaw-Signature")
	}
	h := http.Header{}
	h.Set("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek")
	h.Set("webhook-timestamp", "1614265330")
	h.Set("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
	secret := "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	ref := []byte(`{"test": 2432232314}`)
	if !VerifyStandard(ref, h, secret, time.Minute, time.Unix(1614265330, 0)) {
		t.Fatal("the Standard Webhooks reference vector does not verify")
	}
	if VerifyStandard(ref, h, secret, time.Minute, time.Unix(1614265330+3600, 0)) {
		t.Fatal("an old timestamp verified")
	}
	if VerifyStandard([]byte(`{"test": 2432232315}`), h, secret, 0, time.Now()) {
		t.Fatal("a changed body verified")
	}
}

package openclaw

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"
)

// Live tests run against a real gateway when OPENCLAW_TEST_BASE_URL and OPENCLAW_TEST_TOKEN are set (openclaw-it's
// SdkUnitTestsTest does that).
func live(t *testing.T) *Client {
	base, token := os.Getenv("OPENCLAW_TEST_BASE_URL"), os.Getenv("OPENCLAW_TEST_TOKEN")
	if base == "" || token == "" {
		t.Skip("OPENCLAW_TEST_BASE_URL / OPENCLAW_TEST_TOKEN not set (no live gateway)")
	}
	return NewClient(base, token)
}

func TestLiveChatAndStreams(t *testing.T) {
	c := live(t)
	ctx := context.Background()
	r, err := c.Chat.Send(ctx, ChatRequest{SessionID: "go-live", Message: "ping", Model: "gpt-4"})
	if err != nil || !strings.Contains(r.Content, "ping") {
		t.Fatalf("%+v %v", r, err)
	}
	st, err := c.Message.Stream(ctx, MessageRequest{Text: "流式", Session: "go-live"})
	if err != nil {
		t.Fatal(err)
	}
	var text string
	for st.Next() {
		text += st.Current()
	}
	if st.Err() != nil || !strings.Contains(text, "流式") {
		t.Fatalf("%q %v", text, st.Err())
	}
	conv, err := c.Conversations.Create(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := c.Messages.Stream(ctx, conv.ID, &MessageRequest{Content: "v2 stream"})
	if err != nil {
		t.Fatal(err)
	}
	text = ""
	for ms.Next() {
		text += ms.Current().Content
	}
	if !strings.Contains(text, "v2 stream") {
		t.Fatalf("v2 %q %v", text, ms.Err())
	}
}

func TestLiveErrors(t *testing.T) {
	c := live(t)
	ctx := context.Background()
	if _, err := NewClient(c.BaseURL(), "wrong").Status(ctx); !IsUnauthorized(err) || err.(*Error).RequestID == "" {
		t.Fatalf("401: %v", err)
	}
	if _, err := c.Conversations.Get(ctx, "conv-nope"); !IsNotFound(err) {
		t.Fatalf("404: %v", err)
	}
	key, err := c.Keys.Create(ctx, APIKeyRequest{Name: fmt.Sprintf("go-limited-%d", time.Now().UnixNano()),
		Limits: map[string]int{"requests_per_minute": 1, "burst": 1}})
	if err != nil {
		t.Fatal(err)
	}
	limited := NewClient(c.BaseURL(), key.Key, WithBackoff(100*time.Millisecond, 5*time.Second))
	if _, err := limited.Sessions.List(ctx, nil); err != nil {
		t.Fatal(err)
	}
	_, err = limited.Sessions.List(ctx, nil)
	if e, ok := err.(*Error); !ok || e.Status != 429 || e.Code != "RATE_LIMIT_EXCEEDED" || e.RetryAfter <= 0 {
		t.Fatalf("429: %#v", err)
	}
}

func TestLivePagination(t *testing.T) {
	c := live(t)
	ctx := context.Background()
	want := map[string]bool{}
	for i := 0; i < 3; i++ {
		conv, err := c.Conversations.Create(ctx, &ConversationRequest{Title: fmt.Sprint("page ", i)})
		if err != nil {
			t.Fatal(err)
		}
		want[conv.ID] = true
	}
	page, err := c.Conversations.List(ctx, &ListOptions{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	all, err := page.All()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, conv := range all {
		if seen[conv.ID] {
			t.Fatalf("duplicate %s", conv.ID)
		}
		seen[conv.ID] = true
		delete(want, conv.ID)
	}
	if len(want) > 0 {
		t.Fatalf("missing %v", want)
	}
}

func TestLiveWebhookVerifier(t *testing.T) {
	c := live(t)
	ctx := context.Background()
	type delivery struct {
		body []byte
		h    http.Header
	}
	got := make(chan delivery, 10)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got <- delivery{b, r.Header.Clone()}
		w.WriteHeader(204)
	})}
	go srv.Serve(l)
	defer srv.Close()
	secret := "go-webhook-secret"
	hook, err := c.Webhooks.Create(ctx, Webhook{URL: "http://" + l.Addr().String() + "/hook",
		Events: []string{"message.received"}, Secret: secret})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Webhooks.Delete(ctx, hook.ID)
	if _, err := c.Message.Send(ctx, MessageRequest{Text: "webhook please", Session: "go-hook"}); err != nil {
		t.Fatal(err)
	}
	select {
	case d := <-got:
		ev, err := Verify(d.body, d.h, secret)
		if err != nil || ev.Event != "message.received" {
			t.Fatalf("%v %v", ev, err)
		}
		if !VerifySignature(d.body, d.h.Get("X-OpenClaw-Signature"), secret) ||
			!VerifyStandard(d.body, d.h, secret, time.Minute, time.Now()) {
			t.Fatal("a signature of the gateway's delivery does not verify")
		}
		if _, err := Verify(d.body, d.h, "not-the-secret"); err != ErrWebhookSignature {
			t.Fatalf("wrong secret: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("no delivery within 30 s")
	}
}

func TestLiveTasksCronBatchSpawn(t *testing.T) {
	c := live(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	task, err := c.Tasks.Create(ctx, TaskRequest{Type: "agent", Input: map[string]any{"message": "task hi"}})
	if err != nil {
		t.Fatal(err)
	}
	last := -1
	done, err := c.Tasks.Wait(ctx, task.ID, func(t *Task) { last = t.Progress })
	if err != nil || done.Status != "completed" || last != 100 {
		t.Fatalf("%+v %v last progress %d", done, err, last)
	}
	job, err := c.Cron.Create(ctx, CronJob{Name: "go-job", Schedule: map[string]any{"kind": "every",
		"everyMs": 3600000}, Payload: map[string]any{"kind": "systemEvent", "text": "tick"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Cron.Delete(ctx, job.ID); err != nil {
		t.Fatal(err)
	}
	b, err := c.Batch.Run(ctx, []BatchOperation{{Method: "GET", Path: "/conversations"},
		{Method: "GET", Path: "/conversations/nope"}})
	if err != nil || b.Succeeded != 1 || b.Failed != 1 {
		t.Fatalf("%+v %v", b, err)
	}
	a, err := c.Agents.Spawn(ctx, SpawnRequest{Task: "sub task", Model: "claude-3-5-sonnet"})
	if err != nil {
		t.Fatal(err)
	}
	if a, err = c.Agents.WaitForCompletion(ctx, a.ID); err != nil || a.Status != "completed" {
		t.Fatalf("%+v %v", a, err)
	}
}

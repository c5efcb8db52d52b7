package openclaw

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// DefaultWebhookTolerance is how far webhook-timestamp may be from now.
const DefaultWebhookTolerance = 5 * time.Minute

// ErrWebhookSignature is returned by Verify when no signature matches (or the timestamp is too old).
var ErrWebhookSignature = errors.New("openclaw: webhook signature does not match")

// WebhookEvent is a delivery's body: {"event", "timestamp", "data"}.
type WebhookEvent struct {
	Event     string          `json:"event"`
	Timestamp string          `json:"timestamp"`
	Data      json.RawMessage `json:"data"`
}

// SignBody returns the X-OpenClaw-Signature of a raw body: "sha256=" + hex HMAC-SHA256 keyed with the secret.
func SignBody(body []byte, secret string) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// VerifySignature reports whether signature (the X-OpenClaw-Signature header) matches body.
func VerifySignature(body []byte, signature, secret string) bool {
	return hmac.Equal([]byte(SignBody(body, secret)), []byte(strings.TrimSpace(signature)))
}

// StandardKey is the Standard Webhooks HMAC key, as the gateway signs: the base64-decoded text after an optional
// "whsec_" prefix when that is valid, non-empty base64 (padding optional); else the secret's bytes.
func StandardKey(secret string) []byte {
	text := strings.TrimPrefix(secret, "whsec_")
	enc := base64.RawStdEncoding
	if strings.Contains(text, "=") {
		enc = base64.StdEncoding
	}
	if k, err := enc.DecodeString(text); err == nil && len(k) > 0 {
		return k
	}
	return []byte(secret)
}

// SignStandard returns the Standard Webhooks signature "v1,<base64 HMAC-SHA256 of id.timestamp.body>".
func SignStandard(body []byte, secret, id string, timestamp int64) string {
	m := hmac.New(sha256.New, StandardKey(secret))
	m.Write([]byte(id + "." + strconv.FormatInt(timestamp, 10) + "."))
	m.Write(body)
	return "v1," + base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// VerifyStandard reports whether the Standard Webhooks headers (webhook-id, webhook-timestamp, webhook-signature)
// sign body, with the timestamp within tolerance of now (tolerance 0: not checked).
func VerifyStandard(body []byte, h http.Header, secret string, tolerance time.Duration, now time.Time) bool {
	id, ts, sigs := h.Get("webhook-id"), h.Get("webhook-timestamp"), h.Get("webhook-signature")
	if id == "" || ts == "" || sigs == "" {
		return false
	}
	t, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return false
	}
	if tolerance > 0 && math.Abs(float64(now.Unix()-t)) > tolerance.Seconds() {
		return false
	}
	want := SignStandard(body, secret, id, t)
	for _, s := range strings.Fields(sigs) {
		if strings.HasPrefix(s, "v1,") && hmac.Equal([]byte(s), []byte(want)) {
			return true
		}
	}
	return false
}

// Verify checks a delivery — Standard Webhooks when its headers are present, else X-OpenClaw-Signature — and
// returns its parsed body, or ErrWebhookSignature.
func Verify(body []byte, h http.Header, secret string) (*WebhookEvent, error) {
	var ok bool
	if h.Get("webhook-signature") != "" {
		ok = VerifyStandard(body, h, secret, DefaultWebhookTolerance, time.Now())
	} else {
		ok = VerifySignature(body, h.Get("X-OpenClaw-Signature"), secret)
	}
	if !ok {
		return nil, ErrWebhookSignature
	}
	var ev WebhookEvent
	if err := json.Unmarshal(body, &ev); err != nil {
		return nil, err
	}
	return &ev, nil
}

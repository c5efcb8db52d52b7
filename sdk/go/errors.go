package openclaw

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
)

// Error is an error answered by the gateway (any dialect's {"error": {...}} envelope).
type Error struct {
	// Status is the HTTP status (0 for an error event inside a stream).
	Status int
	// Code is the gateway's code, e.g. UNAUTHORIZED, NOT_FOUND, RATE_LIMIT_EXCEEDED, UPSTREAM_ERROR.
	Code string
	// Message is the gateway's message (it names the field for INVALID_REQUEST).
	Message string
	// Details is the extra detail, e.g. "Try again in 12 seconds" or the provider's message.
	Details any
	// RequestID is the X-Request-ID response header.
	RequestID string
	// RetryAfter is the number of seconds to wait (429), or 0.
	RetryAfter float64
	// Body is the raw response body.
	Body []byte
}

func (e *Error) Error() string {
	s := fmt.Sprintf("openclaw: %s", e.Message)
	if e.Status != 0 {
		s += fmt.Sprintf(" (status %d", e.Status)
		if e.Code != "" {
			s += ", " + e.Code
		}
		if e.RequestID != "" {
			s += ", request " + e.RequestID
		}
		s += ")"
	} else if e.Code != "" {
		s += " (" + e.Code + ")"
	}
	return s
}

// IsNotFound reports whether err is a 404 from the gateway.
func IsNotFound(err error) bool { return statusOf(err) == http.StatusNotFound }

// IsUnauthorized reports whether err is a 401 from the gateway.
func IsUnauthorized(err error) bool { return statusOf(err) == http.StatusUnauthorized }

// IsRateLimited reports whether err is a 429 from the gateway.
func IsRateLimited(err error) bool { return statusOf(err) == http.StatusTooManyRequests }

func statusOf(err error) int {
	if e, ok := err.(*Error); ok {
		return e.Status
	}
	return 0
}

type errorEnvelope struct {
	Error json.RawMessage `json:"error"`
}

type errorBody struct {
	Code       string   `json:"code"`
	Message    string   `json:"message"`
	Details    any      `json:"details"`
	RetryAfter *float64 `json:"retryAfter"`
}

func errorFrom(status int, body []byte, h http.Header) *Error {
	e := &Error{Status: status, Body: body}
	if h != nil {
		e.RequestID = h.Get("X-Request-ID")
		if ra := h.Get("Retry-After"); ra != "" {
			if n, err := strconv.ParseFloat(ra, 64); err == nil {
				e.RetryAfter = n
			}
		}
	}
	var env errorEnvelope
	if json.Unmarshal(body, &env) == nil && len(env.Error) > 0 {
		var eb errorBody
		if json.Unmarshal(env.Error, &eb) == nil {
			e.Code, e.Message, e.Details = eb.Code, eb.Message, eb.Details
			if eb.RetryAfter != nil {
				e.RetryAfter = *eb.RetryAfter
			}
		} else {
			var s string
			if json.Unmarshal(env.Error, &s) == nil {
				e.Message = s
			}
		}
	}
	if e.Message == "" {
		e.Message = fmt.Sprintf("HTTP %d", status)
	}
	return e
}

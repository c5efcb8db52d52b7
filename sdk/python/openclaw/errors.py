"""Errors raised by the SDK: one hierarchy, each carrying what the gateway said."""
from typing import Any, Mapping, Optional


class OpenClawError(Exception):
    """An error answered by the gateway (or a transport failure, with ``status`` None).

    Attributes: ``status`` (HTTP status), ``code`` (e.g. ``RATE_LIMIT_EXCEEDED``), ``message``, ``details``,
    ``request_id`` (the ``X-Request-ID`` header), ``retry_after`` (seconds, for 429), ``body`` (the parsed body).
    """

    def __init__(self, message: str, status: Optional[int] = None, code: Optional[str] = None,
                 details: Any = None, request_id: Optional[str] = None, retry_after: Optional[float] = None,
                 body: Any = None, headers: Optional[Mapping[str, str]] = None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.details = details
        self.request_id = request_id
        self.retry_after = retry_after
        self.body = body
        self.headers = dict(headers or {})

    # JS-style aliases, so code ported from the seeds' JavaScript reads the same
    @property
    def retryAfter(self):  # noqa: N802
        return self.retry_after

    @property
    def requestId(self):  # noqa: N802
        return self.request_id

    def __str__(self):
        parts = [self.message]
        if self.status is not None:
            parts.append("status=%s" % self.status)
        if self.code:
            parts.append("code=%s" % self.code)
        if self.request_id:
            parts.append("request_id=%s" % self.request_id)
        return " ".join(parts)


class APIConnectionError(OpenClawError):
    """The gateway could not be reached (connection refused, DNS, reset)."""


class APITimeoutError(APIConnectionError):
    """The request took longer than the client's timeout."""


class BadRequestError(OpenClawError):
    """400 INVALID_REQUEST: the message names the field."""


class AuthenticationError(OpenClawError):
    """401 UNAUTHORIZED: missing, wrong, revoked or expired token / API key."""


class PermissionDeniedError(OpenClawError):
    """403 FORBIDDEN: the key lacks the scope."""


class NotFoundError(OpenClawError):
    """404 NOT_FOUND (also another owner's resource)."""


class ConflictError(OpenClawError):
    """409 CONFLICT."""


class RateLimitError(OpenClawError):
    """429 RATE_LIMIT_EXCEEDED; ``retry_after`` says how many seconds to wait."""


class InternalServerError(OpenClawError):
    """5xx: INTERNAL_ERROR, UPSTREAM_ERROR (the provider failed), TIMEOUT, UNAVAILABLE."""


_BY_STATUS = {400: BadRequestError, 401: AuthenticationError, 403: PermissionDeniedError, 404: NotFoundError,
              409: ConflictError, 413: BadRequestError, 422: BadRequestError, 429: RateLimitError}


def error_for(status: Optional[int], body: Any, headers: Mapping[str, str]) -> OpenClawError:
    """Builds the exception for an error response (any dialect's envelope: ``{"error": {...}}``)."""
    err = body.get("error") if isinstance(body, dict) else None
    if isinstance(err, str):
        err = {"message": err}
    if not isinstance(err, dict):
        err = {}
    lower = {k.lower(): v for k, v in (headers or {}).items()}
    retry_after = err.get("retryAfter", err.get("retry_after"))
    if retry_after is None and lower.get("retry-after"):
        try:
            retry_after = float(lower["retry-after"])
        except ValueError:
            retry_after = None
    message = err.get("message") or (body if isinstance(body, str) and body else "HTTP %s" % status)
    cls = _BY_STATUS.get(status or 0, InternalServerError if (status or 0) >= 500 else OpenClawError)
    return cls(str(message), status=status, code=err.get("code"), details=err.get("details"),
               request_id=lower.get("x-request-id"), retry_after=retry_after, body=body, headers=headers)

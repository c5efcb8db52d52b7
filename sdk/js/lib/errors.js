'use strict';

/**
 * An error answered by the gateway, or a transport failure (status undefined).
 * Carries `status`, `code` (e.g. RATE_LIMIT_EXCEEDED), `details`, `requestId` (X-Request-ID), `retryAfter`
 * (seconds, on 429) and the parsed `body`.
 */
class OpenClawError extends Error {
  constructor(message, { status, code, details, requestId, retryAfter, body, headers, cause } = {}) {
    super(message, cause ? { cause } : undefined);
    this.name = 'OpenClawError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
    this.retryAfter = retryAfter;
    this.body = body;
    this.headers = headers || {};
  }
}

class APIConnectionError extends OpenClawError {
  constructor(message, opts) { super(message, opts); this.name = 'APIConnectionError'; }
}
class APITimeoutError extends APIConnectionError {
  constructor(message, opts) { super(message, opts); this.name = 'APITimeoutError'; }
}
class BadRequestError extends OpenClawError {
  constructor(m, o) { super(m, o); this.name = 'BadRequestError'; }
}
class AuthenticationError extends OpenClawError {
  constructor(m, o) { super(m, o); this.name = 'AuthenticationError'; }
}
class PermissionDeniedError extends OpenClawError {
  constructor(m, o) { super(m, o); this.name = 'PermissionDeniedError'; }
}
class NotFoundError extends OpenClawError {
  constructor(m, o) { super(m, o); this.name = 'NotFoundError'; }
}
class ConflictError extends OpenClawError {
  constructor(m, o) { super(m, o); this.name = 'ConflictError'; }
}
class RateLimitError extends OpenClawError {
  constructor(m, o) { super(m, o); this.name = 'RateLimitError'; }
}
class InternalServerError extends OpenClawError {
  constructor(m, o) { super(m, o); this.name = 'InternalServerError'; }
}

const BY_STATUS = {
  400: BadRequestError, 401: AuthenticationError, 403: PermissionDeniedError, 404: NotFoundError,
  409: ConflictError, 413: BadRequestError, 422: BadRequestError, 429: RateLimitError,
};

/** The exception for an error response (any dialect's `{"error": {...}}` envelope). */
function errorFor(status, body, headers = {}) {
  let err = body && typeof body === 'object' ? body.error : undefined;
  if (typeof err === 'string') err = { message: err };
  if (!err || typeof err !== 'object') err = {};
  let retryAfter = err.retryAfter ?? err.retry_after;
  if (retryAfter == null && headers['retry-after'] != null) {
    const n = Number(headers['retry-after']);
    if (!Number.isNaN(n)) retryAfter = n;
  }
  const message = err.message || (typeof body === 'string' && body ? body : `HTTP ${status}`);
  const Cls = BY_STATUS[status] || (status >= 500 ? InternalServerError : OpenClawError);
  return new Cls(String(message), {
    status, code: err.code, details: err.details, requestId: headers['x-request-id'], retryAfter, body, headers,
  });
}

module.exports = {
  OpenClawError, APIConnectionError, APITimeoutError, BadRequestError, AuthenticationError, PermissionDeniedError,
  NotFoundError, ConflictError, RateLimitError, InternalServerError, errorFor,
};

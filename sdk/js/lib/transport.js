'use strict';

const { APIConnectionError, APITimeoutError, errorFor } = require('./errors');
const VERSION = require('../package.json').version;

const DEFAULT_BASE_URL = 'http://localhost:18789';
const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

function env(name) {
  return typeof process !== 'undefined' && process.env ? process.env[name] : undefined;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function headersOf(res) {
  const out = {};
  res.headers.forEach((v, k) => { out[k.toLowerCase()] = v; });
  return out;
}

/** Sends requests to one gateway: auth, JSON, retries of 408/429/5xx with backoff, timeouts, SSE. */
class Transport {
  constructor(opts = {}) {
    let base = opts.baseURL || opts.baseUrl || env('OPENCLAW_BASE_URL') || DEFAULT_BASE_URL;
    base = base.replace(/\/+$/, '');
    for (const suffix of ['/api/v1', '/v2', '/v1']) {
      if (base.endsWith(suffix)) { base = base.slice(0, -suffix.length); break; }
    }
    this.baseURL = base;
    this.credential = opts.token || opts.apiKey || env('OPENCLAW_API_KEY') || env('OPENCLAW_TOKEN')
      || env('OPENCLAW_GATEWAY_TOKEN');
    this.timeout = opts.timeout ?? 60000;
    this.maxRetries = opts.maxRetries ?? 2;
    this.backoff = opts.backoff ?? 500;
    this.maxRetryWait = opts.maxRetryWait ?? 30000;
    this.headers = { ...(opts.headers || {}) };
    this.fetch = opts.fetch || globalThis.fetch;
    if (!this.fetch) throw new Error('openclaw-sdk needs a global fetch (Node 18+) or the `fetch` option');
  }

  url(path, query) {
    let url = this.baseURL + path;
    if (query) {
      const qs = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) {
        if (v === undefined || v === null) continue;
        qs.append(k, Array.isArray(v) ? v.join(',') : String(v));
      }
      const s = qs.toString();
      if (s) url += (url.includes('?') ? '&' : '?') + s;
    }
    return url;
  }

  retryWait(attempt, status, retryAfter) {
    if (attempt >= this.maxRetries) return null;
    if (status != null && !RETRY_STATUSES.has(status)) return null;
    if (retryAfter != null) {
      const ms = Number(retryAfter) * 1000;
      return ms > this.maxRetryWait ? null : Math.max(0, ms);
    }
    const base = this.backoff * 2 ** attempt;
    return Math.min(this.maxRetryWait, base * (0.5 + Math.random() / 2));
  }

  /** Opens a response (retrying); for streams the timeout covers only the wait for the response headers. */
  async open(method, path, { query, body, accept = 'application/json', timeout, stream = false, signal } = {}) {
    const headers = { Accept: accept, 'User-Agent': `openclaw-js/${VERSION}`, ...this.headers };
    if (this.credential) headers.Authorization = `Bearer ${this.credential}`;
    let payload;
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const limit = timeout ?? this.timeout;
    for (let attempt = 0; ; attempt++) {
      const ctrl = new AbortController();
      const onAbort = () => ctrl.abort(signal.reason);
      if (signal) signal.addEventListener('abort', onAbort, { once: true });
      let timedOut = false;
      const timer = limit ? setTimeout(() => { timedOut = true; ctrl.abort(); }, limit) : null;
      let wait;
      try {
        const res = await this.fetch(this.url(path, query), { method, headers, body: payload, signal: ctrl.signal });
        if (res.ok) {
          if (stream) {
            clearTimeout(timer);
            return res;
          }
          const text = await res.text();
          clearTimeout(timer);
          return { res, text };
        }
        const text = await res.text();
        clearTimeout(timer);
        let parsed = text;
        try { parsed = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
        const err = errorFor(res.status, parsed, headersOf(res));
        wait = this.retryWait(attempt, res.status, err.retryAfter);
        if (wait == null) throw err;
      } catch (e) {
        clearTimeout(timer);
        if (e && e.status !== undefined) throw e;
        if (timedOut) {
          wait = method === 'GET' ? this.retryWait(attempt, null, null) : null;
          if (wait == null) {
            throw new APITimeoutError(`request timed out after ${limit} ms: ${method} ${path}`, { cause: e });
          }
        } else if (signal && signal.aborted) {
          throw e;
        } else if (wait == null) {
          wait = this.retryWait(attempt, null, null);
          if (wait == null) {
            throw new APIConnectionError(`cannot reach ${this.baseURL}: ${e && e.cause ? e.cause.message || e.cause.code : e}`,
              { cause: e });
          }
        }
      } finally {
        if (signal) signal.removeEventListener('abort', onAbort);
      }
      await sleep(wait);
    }
  }

  /** One request; resolves to the parsed JSON body. */
  async request(method, path, opts = {}) {
    const { text } = await this.open(method, path, opts);
    if (!text) return undefined;
    try { return JSON.parse(text); } catch { return text; }
  }

  /** One request answered with Server-Sent Events; resolves (once the response starts) to an async iterator of
   * `{event, data, id, json}` that ends at `[DONE]`. */
  async events(method, path, opts = {}) {
    const res = await this.open(method, path, { ...opts, accept: 'text/event-stream', stream: true });
    return parseSse(res.body);
  }
}

async function* parseSse(body) {
  const decoder = new TextDecoder();
  let buffer = '';
  let event; let data = []; let id;
  const dispatch = function* () {
    if (data.length) {
      const text = data.join('\n');
      let json;
      try { json = JSON.parse(text); } catch { json = undefined; }
      yield { event: event || 'message', data: text, id, json };
    }
    event = undefined; data = [];
  };
  try {
    for await (const part of body) {
      buffer += decoder.decode(part, { stream: true });
      let nl;
      while ((nl = buffer.search(/\r?\n/)) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(buffer[nl] === '\r' ? nl + 2 : nl + 1);
        if (line === '') {
          if (data.length && data.join('\n').trim() === '[DONE]') return;
          yield* dispatch();
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          let value = colon < 0 ? '' : line.slice(colon + 1);
          if (value.startsWith(' ')) value = value.slice(1);
          if (field === 'data') data.push(value);
          else if (field === 'event') event = value;
          else if (field === 'id') id = value;
        }
      }
    }
    if (data.length && data.join('\n').trim() !== '[DONE]') yield* dispatch();
  } finally {
    if (body && typeof body.cancel === 'function') {
      try { await body.cancel(); } catch { /* already closed */ }
    }
  }
}

/** Throws the error carried by a stream's error event. */
function raiseIfErrorEvent(payload) {
  if (payload && typeof payload === 'object' && (payload.type === 'error'
      || (payload.error && (typeof payload.error === 'object' || typeof payload.error === 'string')))) {
    throw errorFor(undefined, payload.error ? payload : { error: payload });
  }
}

module.exports = { Transport, DEFAULT_BASE_URL, parseSse, raiseIfErrorEvent, VERSION };

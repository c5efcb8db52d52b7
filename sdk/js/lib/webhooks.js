'use strict';

const crypto = require('crypto');
const { OpenClawError } = require('./errors');

const DEFAULT_TOLERANCE_SECONDS = 300;

class WebhookVerificationError extends OpenClawError {
  constructor(message) { super(message, { code: 'INVALID_SIGNATURE' }); this.name = 'WebhookVerificationError'; }
}

const toBuffer = (body) => (Buffer.isBuffer(body) || body instanceof Uint8Array ? Buffer.from(body)
  : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8'));

/** The Standard Webhooks HMAC key, as the gateway signs: the base64-decoded text after an optional `whsec_` prefix
 * when that is valid, non-empty base64 (padding optional); else the secret's UTF-8 bytes. */
function standardKey(secret) {
  const text = secret.startsWith('whsec_') ? secret.slice(6) : secret;
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(text)) {
    const padded = text.includes('=');
    if ((padded && text.length % 4 === 0) || (!padded && text.length % 4 !== 1)) {
      const key = Buffer.from(text, 'base64');
      if (key.length > 0) return key;
    }
  }
  return Buffer.from(secret, 'utf8');
}

function safeEqual(a, b) {
  const x = Buffer.from(a); const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** `sha256=<hex>`: the X-OpenClaw-Signature of a raw body. An object is serialized like JSON.stringify. */
function signBody(body, secret) {
  return `sha256=${crypto.createHmac('sha256', secret).update(toBuffer(body)).digest('hex')}`;
}

/** Whether `signature` (the X-OpenClaw-Signature header) matches `body` (raw string/Buffer, or the parsed object). */
function verifySignature(body, signature, secret) {
  return typeof signature === 'string' && safeEqual(signBody(body, secret), signature.trim());
}

/** `v1,<base64>`: the Standard Webhooks signature. */
function signStandard(body, secret, id, timestamp) {
  const mac = crypto.createHmac('sha256', standardKey(secret));
  mac.update(`${id}.${timestamp}.`);
  mac.update(toBuffer(body));
  return `v1,${mac.digest('base64')}`;
}

function lower(headers) {
  const out = {};
  if (headers && typeof headers.forEach === 'function' && !(headers instanceof Map) && !Array.isArray(headers)) {
    headers.forEach((v, k) => { out[String(k).toLowerCase()] = v; });
  } else {
    for (const [k, v] of Object.entries(headers || {})) out[k.toLowerCase()] = Array.isArray(v) ? v[0] : v;
  }
  return out;
}

/** Whether the Standard Webhooks headers sign `body`, with `webhook-timestamp` within `toleranceSeconds` (null:
 * not checked) of now. */
function verifyStandard(body, headers, secret, { toleranceSeconds = DEFAULT_TOLERANCE_SECONDS, now } = {}) {
  const h = lower(headers);
  const id = h['webhook-id']; const ts = h['webhook-timestamp']; const sigs = h['webhook-signature'];
  if (!id || !ts || !sigs || !/^\d+$/.test(ts)) return false;
  const current = now ?? Date.now() / 1000;
  if (toleranceSeconds != null && Math.abs(current - Number(ts)) > toleranceSeconds) return false;
  const expected = signStandard(body, secret, id, ts).slice(3);
  return sigs.split(' ').some((s) => s.startsWith('v1,') && safeEqual(s.slice(3), expected));
}

/** Checks a delivery (Standard Webhooks when present, else X-OpenClaw-Signature) and returns the parsed event.
 * @throws {WebhookVerificationError} */
function verify(body, headers, secret, opts = {}) {
  const h = lower(headers);
  const ok = h['webhook-signature'] ? verifyStandard(body, h, secret, opts)
    : verifySignature(body, h['x-openclaw-signature'], secret);
  if (!ok) throw new WebhookVerificationError('webhook signature does not match');
  return typeof body === 'object' && !Buffer.isBuffer(body) && !(body instanceof Uint8Array) ? body
    : JSON.parse(toBuffer(body).toString('utf8'));
}

/** A receiver's verifier for one secret: `new Webhook(secret).verify(rawBody, req.headers)`. */
class Webhook {
  constructor(secret, { toleranceSeconds = DEFAULT_TOLERANCE_SECONDS } = {}) {
    this.secret = secret;
    this.toleranceSeconds = toleranceSeconds;
  }

  verify(body, headers) {
    return verify(body, headers, this.secret, { toleranceSeconds: this.toleranceSeconds });
  }
}

module.exports = {
  Webhook, WebhookVerificationError, verify, verifySignature, verifyStandard, signBody, signStandard, standardKey,
};

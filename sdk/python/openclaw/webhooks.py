"""Checking webhook deliveries you receive from the gateway.

Two signatures come with every delivery (README "Webhooks"):

* ``X-OpenClaw-Signature: sha256=<hex HMAC-SHA256 of the raw body>`` (seed 002's ``verify_webhook``), keyed with the
  secret's UTF-8 bytes;
* Standard Webhooks (https://www.standardwebhooks.com): ``webhook-id``, ``webhook-timestamp`` and
  ``webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`` (possibly several, space-separated). Per the
  spec a ``whsec_`` secret's key is the base64-decoded bytes after the prefix (an unprefixed secret that is valid
  base64 is decoded too, as the spec's libraries do); a secret that is not base64 is used as UTF-8 text.
"""
import base64
import binascii
import hashlib
import hmac
import json
import re
import time
from typing import Any, Mapping, Optional, Union

from .errors import OpenClawError
from .types import wrap

Body = Union[str, bytes]
DEFAULT_TOLERANCE_SECONDS = 300


class WebhookVerificationError(OpenClawError):
    """A delivery whose signature or timestamp does not check out."""


def _bytes(body: Body) -> bytes:
    return body.encode("utf-8") if isinstance(body, str) else bytes(body)


def standard_key(secret: str) -> bytes:
    """The Standard Webhooks HMAC key for ``secret``, as the gateway signs: the base64-decoded text after an optional
    ``whsec_`` prefix when that is valid, non-empty base64 (padding optional); else the secret's UTF-8 bytes."""
    text = secret[len("whsec_"):] if secret.startswith("whsec_") else secret
    if re.fullmatch(r"[A-Za-z0-9+/]+={0,2}", text):
        padded = "=" in text
        if (padded and len(text) % 4 == 0) or (not padded and len(text) % 4 != 1):
            try:
                key = base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
                if key:
                    return key
            except (binascii.Error, ValueError):
                pass
    return secret.encode("utf-8")


def sign_body(body: Body, secret: str) -> str:
    """``sha256=<hex>``: the ``X-OpenClaw-Signature`` value for ``body``."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), _bytes(body), hashlib.sha256).hexdigest()


def verify_signature(body: Body, signature: Optional[str], secret: str) -> bool:
    """Whether ``signature`` (the ``X-OpenClaw-Signature`` header) matches the raw ``body``."""
    if not signature:
        return False
    return hmac.compare_digest(sign_body(body, secret), signature.strip())


def sign_standard(body: Body, secret: str, webhook_id: str, timestamp: int) -> str:
    """``v1,<base64>``: the Standard Webhooks signature of one delivery."""
    signed = b"%s.%d." % (webhook_id.encode("utf-8"), int(timestamp)) + _bytes(body)
    return "v1," + base64.b64encode(hmac.new(standard_key(secret), signed, hashlib.sha256).digest()).decode()


def verify_standard(body: Body, headers: Mapping[str, str], secret: str,
                    tolerance_seconds: Optional[int] = DEFAULT_TOLERANCE_SECONDS, now: Optional[float] = None) -> bool:
    """Whether the Standard Webhooks headers (``webhook-id``, ``webhook-timestamp``, ``webhook-signature``) sign
    ``body``, with the timestamp within ``tolerance_seconds`` of ``now`` (None = don't check the time)."""
    h = {k.lower(): v for k, v in headers.items()}
    wid, ts, sigs = h.get("webhook-id"), h.get("webhook-timestamp"), h.get("webhook-signature")
    if not wid or not ts or not sigs:
        return False
    try:
        ts_int = int(ts)
    except ValueError:
        return False
    if tolerance_seconds is not None:
        current = time.time() if now is None else now
        if abs(current - ts_int) > tolerance_seconds:
            return False
    expected = sign_standard(body, secret, wid, ts_int).split(",", 1)[1]
    for candidate in sigs.split():
        version, _, value = candidate.partition(",")
        if version == "v1" and hmac.compare_digest(value, expected):
            return True
    return False


def verify(body: Body, headers: Mapping[str, str], secret: str,
           tolerance_seconds: Optional[int] = DEFAULT_TOLERANCE_SECONDS) -> Any:
    """Checks a delivery — the Standard Webhooks signature when its headers are present, else
    ``X-OpenClaw-Signature`` — and returns the parsed event (``event``, ``timestamp``, ``data``).

    :raises WebhookVerificationError: when no signature matches"""
    h = {k.lower(): v for k, v in headers.items()}
    if "webhook-signature" in h:
        ok = verify_standard(body, h, secret, tolerance_seconds)
    else:
        ok = verify_signature(body, h.get("x-openclaw-signature"), secret)
    if not ok:
        raise WebhookVerificationError("webhook signature does not match", code="INVALID_SIGNATURE")
    return wrap(json.loads(_bytes(body).decode("utf-8")))


class Webhook:
    """A receiver's verifier bound to one secret: ``Webhook(secret).verify(raw_body, request.headers)``."""

    def __init__(self, secret: str, tolerance_seconds: Optional[int] = DEFAULT_TOLERANCE_SECONDS):
        self.secret = secret
        self.tolerance_seconds = tolerance_seconds

    def verify(self, body: Body, headers: Mapping[str, str]) -> Any:
        return verify(body, headers, self.secret, self.tolerance_seconds)


# seed 002's name
verify_webhook = verify_signature

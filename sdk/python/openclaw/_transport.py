"""HTTP transport: authentication, JSON, retries with backoff, timeouts and Server-Sent Events."""
import json
import os
import random
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Dict, Iterator, Mapping, Optional, Tuple

from ._version import __version__
from .errors import APIConnectionError, APITimeoutError, OpenClawError, error_for

DEFAULT_BASE_URL = "http://localhost:18789"
RETRY_STATUSES = (408, 429, 500, 502, 503, 504)


class SseEvent:
    """One Server-Sent Event: ``event`` name (``message`` if none), raw ``data`` text and ``json`` (parsed, or None)."""

    __slots__ = ("event", "data", "id")

    def __init__(self, event: str, data: str, id: Optional[str]):
        self.event = event
        self.data = data
        self.id = id

    @property
    def json(self) -> Any:
        try:
            return json.loads(self.data)
        except ValueError:
            return None


class Transport:
    """Sends requests to one gateway. Thread-safe (no shared mutable state per request)."""

    def __init__(self, base_url: Optional[str] = None, api_key: Optional[str] = None, token: Optional[str] = None,
                 timeout: float = 60.0, max_retries: int = 2, backoff: float = 0.5, max_retry_wait: float = 30.0,
                 headers: Optional[Mapping[str, str]] = None):
        base = base_url or os.environ.get("OPENCLAW_BASE_URL") or DEFAULT_BASE_URL
        self.base_url = base.rstrip("/")
        # a base URL given with an API prefix (".../api/v1", ".../v2") still works: paths carry their own prefix
        for suffix in ("/api/v1", "/v2", "/v1"):
            if self.base_url.endswith(suffix):
                self.base_url = self.base_url[: -len(suffix)]
                break
        self.credential = (token or api_key or os.environ.get("OPENCLAW_API_KEY")
                           or os.environ.get("OPENCLAW_TOKEN") or os.environ.get("OPENCLAW_GATEWAY_TOKEN"))
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff = backoff
        self.max_retry_wait = max_retry_wait
        self.headers = dict(headers or {})

    # -- building requests -------------------------------------------------------------------------------------
    def _url(self, path: str, params: Optional[Mapping[str, Any]]) -> str:
        url = self.base_url + path
        if params:
            clean = {}
            for k, v in params.items():
                if v is None:
                    continue
                if isinstance(v, bool):
                    v = "true" if v else "false"
                elif isinstance(v, (list, tuple)):
                    v = ",".join(str(x) for x in v)
                clean[k] = v
            if clean:
                url += ("&" if "?" in url else "?") + urllib.parse.urlencode(clean)
        return url

    def _request(self, method: str, path: str, params, body, accept: str) -> urllib.request.Request:
        data = None
        headers = {"Accept": accept, "User-Agent": "openclaw-python/" + __version__}
        headers.update(self.headers)
        if self.credential:
            headers["Authorization"] = "Bearer " + self.credential
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            headers["Content-Type"] = "application/json"
        return urllib.request.Request(self._url(path, params), data=data, headers=headers, method=method)

    # -- sending -----------------------------------------------------------------------------------------------
    def _open(self, method: str, path: str, params, body, accept: str, timeout: Optional[float]):
        """Opens the response, retrying 408/429/5xx and connection failures; raises OpenClawError otherwise."""
        attempt = 0
        while True:
            req = self._request(method, path, params, body, accept)
            try:
                return urllib.request.urlopen(req, timeout=timeout or self.timeout)
            except urllib.error.HTTPError as e:
                raw = e.read().decode("utf-8", "replace")
                headers = dict(e.headers.items()) if e.headers else {}
                try:
                    parsed = json.loads(raw) if raw else None
                except ValueError:
                    parsed = raw
                err = error_for(e.code, parsed, headers)
                wait = self._retry_wait(attempt, e.code, err.retry_after)
                if wait is None:
                    raise err from None
            except (socket.timeout, TimeoutError) as e:
                wait = self._retry_wait(attempt, None, None) if method == "GET" else None
                if wait is None:
                    raise APITimeoutError("request timed out after %ss: %s %s" % (timeout or self.timeout, method,
                                                                                    path)) from e
            except (urllib.error.URLError, ConnectionError, OSError) as e:
                reason = getattr(e, "reason", e)
                if isinstance(reason, (socket.timeout, TimeoutError)):
                    raise APITimeoutError("request timed out: %s %s" % (method, path)) from e
                wait = self._retry_wait(attempt, None, None)
                if wait is None:
                    raise APIConnectionError("cannot reach %s: %s" % (self.base_url, reason)) from e
            attempt += 1
            time.sleep(wait)

    def _retry_wait(self, attempt: int, status: Optional[int], retry_after: Optional[float]) -> Optional[float]:
        """Seconds to wait before the next attempt, or None to give up."""
        if attempt >= self.max_retries:
            return None
        if status is not None and status not in RETRY_STATUSES:
            return None
        if retry_after is not None:
            if retry_after > self.max_retry_wait:
                return None
            return max(0.0, float(retry_after))
        base = self.backoff * (2 ** attempt)
        return min(self.max_retry_wait, base * (0.5 + random.random() / 2))

    def request(self, method: str, path: str, params: Optional[Mapping[str, Any]] = None, body: Any = None,
                timeout: Optional[float] = None) -> Tuple[Any, Dict[str, str]]:
        """Sends one request and returns (parsed JSON body, response headers)."""
        with self._open(method, path, params, body, "application/json", timeout) as resp:
            raw = resp.read().decode("utf-8")
            headers = dict(resp.headers.items())
        if not raw:
            return None, headers
        try:
            return json.loads(raw), headers
        except ValueError:
            return raw, headers

    def stream(self, method: str, path: str, params: Optional[Mapping[str, Any]] = None, body: Any = None,
               timeout: Optional[float] = None) -> Iterator[SseEvent]:
        """Sends one request and yields its Server-Sent Events until ``[DONE]`` or the end of the stream.

        The request is sent when this function is called (errors before the first event raise here)."""
        resp = self._open(method, path, params, body, "text/event-stream", timeout)
        return _events(resp)


def _events(resp) -> Iterator[SseEvent]:
    try:
        event, data, ev_id = None, [], None
        while True:
            line = resp.readline()
            if not line:
                break
            text = line.decode("utf-8").rstrip("\r\n")
            if text == "":
                if data:
                    payload = "\n".join(data)
                    if payload.strip() == "[DONE]":
                        return
                    yield SseEvent(event or "message", payload, ev_id)
                event, data = None, []
                continue
            if text.startswith(":"):
                continue
            field, _, value = text.partition(":")
            if value.startswith(" "):
                value = value[1:]
            if field == "data":
                data.append(value)
            elif field == "event":
                event = value
            elif field == "id":
                ev_id = value
        if data and "\n".join(data).strip() != "[DONE]":
            yield SseEvent(event or "message", "\n".join(data), ev_id)
    finally:
        resp.close()


def raise_if_error_event(payload: Any) -> None:
    """Raises the error carried by a stream's error event (``{"error": {...}}`` or ``{"type": "error", ...}``)."""
    if isinstance(payload, dict) and ("error" in payload and isinstance(payload["error"], (dict, str))
                                      or payload.get("type") == "error"):
        raise error_for(None, payload if "error" in payload else {"error": payload}, {})


__all__ = ["Transport", "SseEvent", "OpenClawError", "DEFAULT_BASE_URL", "raise_if_error_event"]

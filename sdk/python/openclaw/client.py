"""The clients: :class:`OpenClaw` (seed 001), :class:`OpenClawClient` (seed 002), :class:`Client` (seed 003) — one
client under three names, taking ``base_url`` and ``token`` or ``api_key``."""
from typing import Any, Mapping, Optional

from . import resources as r
from ._transport import Transport
from .types import wrap


class OpenClaw:
    """A client for one gateway.

    :param base_url: e.g. ``http://localhost:18789``; default ``$OPENCLAW_BASE_URL``, else ``http://localhost:18789``
    :param token: the gateway token (``openclaw config get gateway.auth.token``)
    :param api_key: an API key (``oc_api_sk_…``); default ``$OPENCLAW_API_KEY``. Either credential goes as
        ``Authorization: Bearer``.
    :param timeout: seconds per request (streams: per read)
    :param max_retries: retries of 408/429/5xx and connection failures, with exponential backoff and jitter;
        a 429's ``Retry-After`` is honoured when it is at most ``max_retry_wait`` seconds
    """

    def __init__(self, base_url: Optional[str] = None, token: Optional[str] = None, api_key: Optional[str] = None,
                 timeout: float = 60.0, max_retries: int = 2, backoff: float = 0.5, max_retry_wait: float = 30.0,
                 headers: Optional[Mapping[str, str]] = None):
        self._transport = Transport(base_url=base_url, api_key=api_key, token=token, timeout=timeout,
                                    max_retries=max_retries, backoff=backoff, max_retry_wait=max_retry_wait,
                                    headers=headers)
        t = self._transport
        self.message = r.Message(t)
        self.messages = r.Messages(t)
        self.chat = r.Chat(t)
        self.sessions = r.Sessions(t)
        self.conversations = r.Conversations(t)
        self.agents = r.Agents(t)
        self.memory = r.Memory(t)
        self.memories = self.memory
        self.skills = r.Skills(t)
        self.tools = r.Tools(t)
        self.tasks = r.Tasks(t)
        self.cron = r.Cron(t)
        self.webhooks = r.Webhooks(t)
        self.batch = r.Batch(t)
        self.keys = r.Keys(t)
        self.api_keys = self.keys
        self.models = r.Models(t)

    @property
    def base_url(self) -> str:
        return self._transport.base_url

    def status(self) -> Any:
        """``GET /api/v1/status``: gateway, models, sessions."""
        return self.memory._get("/api/v1/status")

    def health(self) -> Any:
        """``GET /health`` (no auth needed)."""
        return wrap(self._transport.request("GET", "/health")[0])

    def request(self, method: str, path: str, params: Optional[Mapping[str, Any]] = None, body: Any = None) -> Any:
        """Any other route: the parsed body (the gateway v1 envelope is not unwrapped)."""
        return wrap(self._transport.request(method, path, params=params, body=body)[0])


class OpenClawClient(OpenClaw):
    """Seed 002's name for the client."""


class Client(OpenClaw):
    """Seed 003's name for the client."""

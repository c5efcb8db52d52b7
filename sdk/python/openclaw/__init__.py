"""OpenClaw gateway client (seeds 001–004): ``from openclaw import OpenClaw`` (or ``OpenClawClient``, ``Client``).

Standard library only; Python 3.9+."""
from ._version import __version__
from .aio import AsyncClient, AsyncOpenClaw, AsyncOpenClawClient
from .client import Client, OpenClaw, OpenClawClient
from .errors import (APIConnectionError, APITimeoutError, AuthenticationError, BadRequestError, ConflictError,
                     InternalServerError, NotFoundError, OpenClawError, PermissionDeniedError, RateLimitError)
from .resources import MessageStream, SpawnedAgent, Task
from .types import Obj, Page
from .webhooks import Webhook, WebhookVerificationError, verify_signature, verify_standard, verify_webhook

__all__ = ["__version__", "OpenClaw", "OpenClawClient", "Client", "AsyncOpenClaw", "AsyncOpenClawClient",
           "AsyncClient", "OpenClawError", "APIConnectionError", "APITimeoutError", "AuthenticationError",
           "BadRequestError", "ConflictError", "InternalServerError", "NotFoundError", "PermissionDeniedError",
           "RateLimitError", "MessageStream", "SpawnedAgent", "Task", "Obj", "Page", "Webhook",
           "WebhookVerificationError", "verify_signature", "verify_standard", "verify_webhook"]

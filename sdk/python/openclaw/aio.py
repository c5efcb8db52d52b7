"""The async client: every method of :class:`~openclaw.OpenClaw` as a coroutine, streams as async iterators.

The standard library has no async HTTP client, so requests run on worker threads (``asyncio.to_thread``); the event
loop never blocks.

    async with AsyncOpenClaw(base_url=..., token=...) as client:
        reply = await client.message.send(text="你好")
        async for piece in await client.message.stream(text="写一首诗"):
            print(piece, end="")
"""
import asyncio
import functools
import inspect
from typing import Any, AsyncIterator, Iterator

from .client import OpenClaw

_END = object()


def _next(it: Iterator[Any]) -> Any:
    try:
        return next(it)
    except StopIteration:
        return _END


class AsyncStream:
    """Async iteration over a blocking iterator (each step on a worker thread)."""

    def __init__(self, it: Iterator[Any]):
        self._it = iter(it)
        self.source = it

    def __aiter__(self) -> AsyncIterator[Any]:
        return self

    async def __anext__(self) -> Any:
        item = await asyncio.to_thread(_next, self._it)
        if item is _END:
            raise StopAsyncIteration
        return item


def _wrap_result(value: Any) -> Any:
    if inspect.isgenerator(value) or hasattr(value, "__next__"):
        return AsyncStream(value)
    return value


class _AsyncProxy:
    def __init__(self, target: Any):
        self._target = target

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._target, name)
        if callable(attr):
            @functools.wraps(attr)
            async def call(*args, **kwargs):
                return _wrap_result(await asyncio.to_thread(attr, *args, **kwargs))
            return call
        if hasattr(attr, "_t"):
            return _AsyncProxy(attr)
        return attr


class AsyncOpenClaw(_AsyncProxy):
    """The async twin of :class:`~openclaw.OpenClaw` (same arguments)."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(OpenClaw(*args, **kwargs))

    async def __aenter__(self) -> "AsyncOpenClaw":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        return None


AsyncOpenClawClient = AsyncOpenClaw
AsyncClient = AsyncOpenClaw

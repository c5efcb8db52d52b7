"""The REST surface, one class per resource. Each takes the shared :class:`~openclaw._transport.Transport`."""
import time
import urllib.parse
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional

from ._transport import Transport, raise_if_error_event
from .errors import OpenClawError
from .types import Obj, Page, wrap


def _q(segment: str) -> str:
    return urllib.parse.quote(str(segment), safe="")


def _data(body: Any) -> Any:
    """Unwraps the gateway v1 envelope ``{success, data, timestamp}``."""
    if isinstance(body, dict) and "success" in body and "data" in body:
        return body["data"]
    return body


def _body(**fields: Any) -> Dict[str, Any]:
    return {k: v for k, v in fields.items() if v is not None}


class _Resource:
    def __init__(self, transport: Transport):
        self._t = transport

    def _get(self, path: str, params: Optional[Mapping[str, Any]] = None, **kw) -> Any:
        return wrap(_data(self._t.request("GET", path, params=params, **kw)[0]))

    def _post(self, path: str, body: Any = None, **kw) -> Any:
        return wrap(_data(self._t.request("POST", path, body=body if body is not None else {}, **kw)[0]))

    def _patch(self, path: str, body: Any) -> Any:
        return wrap(_data(self._t.request("PATCH", path, body=body)[0]))

    def _put(self, path: str, body: Any) -> Any:
        return wrap(_data(self._t.request("PUT", path, body=body)[0]))

    def _delete(self, path: str) -> Any:
        return wrap(_data(self._t.request("DELETE", path)[0]))

    def _page(self, path: str, key: str, limit: Optional[int], offset: int, params: Optional[dict] = None,
              paged_by_page: bool = False) -> Page:
        """Fetches one page of a list endpoint (``limit`` + ``offset``, or ``page`` for v2 routes)."""
        q = dict(params or {})
        if limit is not None:
            q["limit"] = limit
        if paged_by_page and limit:
            q["page"] = offset // limit + 1
        elif offset:
            q["offset"] = offset
        body = _data(self._t.request("GET", path, params=q)[0])
        items = body.get(key, []) if isinstance(body, dict) else (body or [])
        pag = body.get("pagination", {}) if isinstance(body, dict) else {}
        total = pag.get("total", body.get("total") if isinstance(body, dict) else None)
        has_more = pag.get("hasMore")
        lim = pag.get("limit", limit)
        return Page(wrap(items), total=total, has_more=has_more, limit=lim, offset=offset,
                    fetch=lambda off: self._page(path, key, lim or limit, off, params, paged_by_page))


def _chunks(events, key: str) -> Iterator[Any]:
    for ev in events:
        payload = ev.json
        raise_if_error_event(payload)
        if isinstance(payload, dict) and key in payload and payload.get("type", "delta") == "delta":
            yield payload[key]


class Message(_Resource):
    """Seed 001 messages: ``POST /api/v1/message`` and ``/api/v1/message/stream``."""

    def send(self, text: str, session: Optional[str] = None, model: Optional[str] = None,
             agent_id: Optional[str] = None, temperature: Optional[float] = None, max_tokens: Optional[int] = None,
             **extra: Any) -> Obj:
        """Sends one message and returns the reply (``text``, ``messageId``, ``sessionId``, ``model``, ``usage``)."""
        return self._post("/api/v1/message", _body(text=text, session=session, model=model, agentId=agent_id,
                                                   temperature=temperature, maxTokens=max_tokens, **extra))

    def stream(self, text: str, session: Optional[str] = None, model: Optional[str] = None,
               agent_id: Optional[str] = None, **extra: Any) -> Iterator[str]:
        """Sends one message and yields the reply's text pieces (``str``) as they arrive."""
        events = self._t.stream("POST", "/api/v1/message/stream",
                                body=_body(text=text, session=session, model=model, agentId=agent_id, **extra))
        return _chunks(events, "chunk")


class Chat(_Resource):
    """Seed 002 chat: ``POST /api/v1/chat`` (``session_id``, ``message``, ``context``)."""

    def send(self, message: str, session_id: Optional[str] = None, model: Optional[str] = None,
             temperature: Optional[float] = None, max_tokens: Optional[int] = None, agent_id: Optional[str] = None,
             context: Optional[Mapping[str, Any]] = None) -> Obj:
        """Sends one message; the reply has ``id``, ``content``, ``model``, ``usage``, ``session_id``."""
        return self._post("/api/v1/chat", self._request(message, session_id, model, temperature, max_tokens,
                                                        agent_id, context))

    def stream(self, message: str, session_id: Optional[str] = None, model: Optional[str] = None,
               temperature: Optional[float] = None, max_tokens: Optional[int] = None, agent_id: Optional[str] = None,
               context: Optional[Mapping[str, Any]] = None) -> Iterator[Obj]:
        """Sends one message and yields chunks with ``content`` as the reply is generated."""
        body = self._request(message, session_id, model, temperature, max_tokens, agent_id, context)
        body["stream"] = True
        events = self._t.stream("POST", "/api/v1/chat", body=body)
        return (Obj(content=c) for c in _chunks(events, "content"))

    @staticmethod
    def _request(message, session_id, model, temperature, max_tokens, agent_id, context) -> Dict[str, Any]:
        ctx = dict(context or {})
        ctx.update(_body(model=model, temperature=temperature, max_tokens=max_tokens))
        return _body(message=message, session_id=session_id, agent_id=agent_id, context=ctx or None)


class Sessions(_Resource):
    """Gateway v1 sessions: ``/api/v1/sessions``."""

    def list(self, limit: Optional[int] = None, offset: int = 0) -> Page:
        """One page of sessions (``id``, ``label``, ``createdAt``, ``messageCount``)."""
        return self._page("/api/v1/sessions", "sessions", limit, offset)

    def iter(self, page_size: int = 50) -> Iterator[Obj]:
        """Every session, page by page."""
        return self.list(limit=page_size).auto_paging_iter()

    def create(self, label: Optional[str] = None, model: Optional[str] = None, agent_id: Optional[str] = None,
               id: Optional[str] = None) -> Obj:  # noqa: A002
        """Creates a session; the result has ``sessionId``."""
        return self._post("/api/v1/sessions", _body(label=label, model=model, agentId=agent_id, id=id))

    def get(self, session_id: str) -> Obj:
        return self._get("/api/v1/sessions/" + _q(session_id))

    def delete(self, session_id: str) -> Obj:
        return self._delete("/api/v1/sessions/" + _q(session_id))

    def messages(self, session_id: str, limit: Optional[int] = None, offset: int = 0) -> Page:
        """One page of a session's messages."""
        return self._page("/api/v1/sessions/%s/messages" % _q(session_id), "messages", limit, offset)

    def send(self, session_id: str, text: str, **extra: Any) -> Obj:
        """Adds a user message to the session and runs a turn; the result has ``message`` and ``usage``."""
        return self._post("/api/v1/sessions/%s/messages" % _q(session_id), _body(text=text, **extra))


class Conversations(_Resource):
    """Seed 003 conversations: ``/v2/conversations``."""

    def create(self, agent_id: Optional[str] = None, context: Optional[Mapping[str, Any]] = None,
               settings: Optional[Mapping[str, Any]] = None, title: Optional[str] = None,
               model: Optional[str] = None, id: Optional[str] = None) -> Obj:  # noqa: A002
        """Creates a conversation (``id``, ``agentId``, ``createdAt``, ``status``)."""
        s = dict(settings or {})
        if model is not None:
            s["model"] = model
        return self._post("/v2/conversations", _body(agentId=agent_id, context=context, settings=s or None,
                                                     title=title, id=id))

    def list(self, limit: Optional[int] = None, offset: int = 0) -> Page:
        return self._page("/v2/conversations", "conversations", limit, offset)

    def iter(self, page_size: int = 50) -> Iterator[Obj]:
        return self.list(limit=page_size).auto_paging_iter()

    def get(self, conversation_id: str) -> Obj:
        return self._get("/v2/conversations/" + _q(conversation_id))

    def delete(self, conversation_id: str) -> Obj:
        return self._delete("/v2/conversations/" + _q(conversation_id))

    def stream(self, message: str, agent_id: Optional[str] = None, conversation_id: Optional[str] = None,
               **extra: Any) -> Iterator[Obj]:
        """Streams a reply to ``message`` in ``conversation_id`` (a new conversation with ``agent_id`` if None)."""
        if conversation_id is None:
            conversation_id = self.create(agent_id=agent_id).id
        return Messages(self._t).send(conversation_id, message, stream=True, **extra)


class Messages(_Resource):
    """Seed 003 messages: ``/v2/conversations/{id}/messages``."""

    def send(self, conversation_id: str, content: str, stream: bool = False,
             attachments: Optional[List[Mapping[str, Any]]] = None, model: Optional[str] = None,
             temperature: Optional[float] = None, max_tokens: Optional[int] = None):
        """Sends a message. Whole: the reply (``id``, ``content``, ``role``, ``model``, ``usage``). With
        ``stream=True``: an iterator of chunks with ``content`` (the reply's pieces)."""
        body = _body(content=content, attachments=attachments, model=model, temperature=temperature,
                     maxTokens=max_tokens)
        path = "/v2/conversations/%s/messages" % _q(conversation_id)
        if stream:
            body["stream"] = True
            return MessageStream(self._t.stream("POST", path, body=body))
        return self._post(path, body)

    def stream(self, conversation_id: str, content: str, **kw: Any) -> "MessageStream":
        return self.send(conversation_id, content, stream=True, **kw)

    def list(self, conversation_id: str, limit: Optional[int] = None, offset: int = 0) -> Page:
        return self._page("/v2/conversations/%s/messages" % _q(conversation_id), "messages", limit, offset)


class MessageStream:
    """An iterator over a v2 stream's ``delta`` chunks (``chunk.content``). After it ends, ``message`` and ``usage``
    hold the stored reply; ``events`` lists tool calls/results seen on the way."""

    def __init__(self, events):
        self._events = events
        self.message: Optional[Obj] = None
        self.usage: Optional[Obj] = None
        self.events: List[Obj] = []

    def __iter__(self):
        return self

    def __next__(self) -> Obj:
        while True:
            ev = next(self._events)
            payload = ev.json
            raise_if_error_event(payload)
            if not isinstance(payload, dict):
                continue
            kind = payload.get("type", "delta")
            if kind == "delta":
                return Obj(payload)
            if kind == "done":
                self.message = wrap(payload.get("message"))
                self.usage = wrap(payload.get("usage"))
            else:
                self.events.append(Obj(payload))

    def text(self) -> str:
        """Consumes the rest of the stream and returns the whole text."""
        return "".join(c.content or "" for c in self)


class SpawnedAgent(Obj):
    """A sub-agent from :meth:`Agents.spawn` (seed 002): ``id``, ``status``, ``result``, ``error``."""

    def _bind(self, agents: "Agents") -> "SpawnedAgent":
        object.__setattr__(self, "_agents", agents)
        return self

    @property
    def done(self) -> bool:
        return self.get("status") not in (None, "running", "pending")

    def refresh(self, wait: int = 0) -> "SpawnedAgent":
        """Re-reads the state, waiting on the gateway up to ``wait`` seconds (≤ 300) for it to finish."""
        fresh = self._agents.get_spawned(self["id"], wait=wait)
        self.update(fresh)
        return self

    def wait_for_completion(self, timeout: Optional[float] = None, poll_seconds: int = 30) -> "SpawnedAgent":
        """Blocks until the sub-agent completes, fails or times out, and returns it (``result`` holds the answer).

        :param timeout: seconds to wait at most (None = until the gateway's own timeout for the child ends it)
        :raises OpenClawError: code ``TIMEOUT`` when ``timeout`` passes first; code ``AGENT_FAILED`` when the
            sub-agent failed (its ``error`` in ``details``)"""
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self.done:
            wait = poll_seconds
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise OpenClawError("sub-agent %s still running after %ss" % (self["id"], timeout),
                                        code="TIMEOUT")
                wait = max(1, min(wait, int(left)))
            self.refresh(wait=wait)
        if self.get("status") in ("failed", "timeout"):
            raise OpenClawError("sub-agent %s %s: %s" % (self["id"], self["status"], self.get("error")),
                                code="AGENT_FAILED", details=self.get("error"), body=dict(self))
        return self


class Agents(_Resource):
    """Seed 003 agents (``/v2/agents``) and seed 002 sub-agents (``/api/v1/agents/spawn``)."""

    def create(self, name: str, model: Any = None, skills: Optional[Iterable[Any]] = None,
               system_prompt: Optional[str] = None, description: Optional[str] = None,
               settings: Optional[Mapping[str, Any]] = None, id: Optional[str] = None,  # noqa: A002
               **extra: Any) -> Obj:
        """Creates an agent; ``model`` is a name (``gpt-4``) or ``{provider, name, settings}``."""
        return self._post("/v2/agents", _body(name=name, model=model, skills=list(skills) if skills else None,
                                              systemPrompt=system_prompt, description=description,
                                              settings=settings, id=id, **extra))

    def list(self, limit: Optional[int] = None, offset: int = 0) -> Page:
        return self._page("/v2/agents", "agents", limit, offset, paged_by_page=True)

    def iter(self, page_size: int = 50) -> Iterator[Obj]:
        return self.list(limit=page_size).auto_paging_iter()

    def get(self, agent_id: str) -> Obj:
        return self._get("/v2/agents/" + _q(agent_id))

    def update(self, agent_id: str, **fields: Any) -> Obj:
        """Changes an agent (``name``, ``model``, ``systemPrompt``, ``skills``, ``settings``, …)."""
        return self._patch("/v2/agents/" + _q(agent_id), fields)

    def delete(self, agent_id: str) -> Obj:
        return self._delete("/v2/agents/" + _q(agent_id))

    def install_skill(self, agent_id: str, skill_id: str, version: Optional[str] = None,
                      config: Optional[Mapping[str, Any]] = None) -> Obj:
        return self._post("/v2/agents/%s/skills" % _q(agent_id), _body(skillId=skill_id, version=version,
                                                                      config=config))

    def spawn(self, task: str, model: Optional[str] = None, timeout: Optional[int] = None,
              skills: Optional[Iterable[str]] = None, parent_session_id: Optional[str] = None) -> SpawnedAgent:
        """Starts a sub-agent on ``task`` and returns at once; call ``wait_for_completion()`` for its result."""
        data = self._post("/api/v1/agents/spawn", _body(task=task, model=model, timeout=timeout,
                                                        skills=list(skills) if skills else None,
                                                        parentSessionId=parent_session_id))
        return SpawnedAgent(data)._bind(self)

    def get_spawned(self, spawn_id: str, wait: int = 0) -> SpawnedAgent:
        """A sub-agent's state; ``wait`` seconds (0–300) to wait for it to finish."""
        return SpawnedAgent(self._get("/api/v1/agents/spawn/" + _q(spawn_id), {"wait": wait or None}))._bind(self)


class Memory(_Resource):
    """Seed 001 memory (``/api/v1/memory``) and seed 003 memories (``/v2/memories``)."""

    def search(self, query: str, limit: Optional[int] = None, min_score: Optional[float] = None,
               tags: Optional[Iterable[str]] = None, type: Optional[str] = None,  # noqa: A002
               agent_id: Optional[str] = None) -> List[Obj]:
        """The best matches (``content``, ``score``, ``source``, ``id``, ``tags``, …), best first."""
        data = self._get("/api/v1/memory/search", _body(query=query, limit=limit, minScore=min_score,
                                                        tags=list(tags) if tags else None, type=type,
                                                        agentId=agent_id))
        return list(data.get("results", [])) if isinstance(data, dict) else list(data or [])

    def add(self, content: str, tags: Optional[Iterable[str]] = None, type: Optional[str] = None,  # noqa: A002
            retention: Optional[str] = None, **extra: Any) -> Obj:
        """Stores a memory; the result has ``memoryId`` and ``createdAt``."""
        return self._post("/api/v1/memory", _body(content=content, tags=list(tags) if tags else None, type=type,
                                                  retention=retention, **extra))

    def get(self, memory_id: str) -> Obj:
        return self._get("/api/v1/memory/" + _q(memory_id))

    def delete(self, memory_id: str) -> Obj:
        return self._delete("/api/v1/memory/" + _q(memory_id))

    def list(self, limit: Optional[int] = None, offset: int = 0, **filters: Any) -> Page:
        """One page of stored memories (``/v2/memories``; filters ``tags``, ``type``, ``agentId``, ``source``)."""
        return self._page("/v2/memories", "memories", limit, offset, _body(**filters), paged_by_page=True)

    def update(self, memory_id: str, **fields: Any) -> Obj:
        return self._patch("/v2/memories/" + _q(memory_id), fields)


class Skills(_Resource):
    """Skills: ``/api/v1/skills`` (seed 001) and the ``/v2/skills`` catalogue (seed 003)."""

    def list(self) -> List[Obj]:
        data = self._get("/api/v1/skills")
        return list(data.get("skills", []))

    def catalogue(self, category: Optional[str] = None, limit: Optional[int] = None, offset: int = 0) -> Page:
        return self._page("/v2/skills", "skills", limit, offset, _body(category=category), paged_by_page=True)

    def execute(self, name: str, args: Optional[Iterable[Any]] = None, session: Optional[str] = None) -> Obj:
        """Runs a skill; the result has ``result`` and ``executionTime`` (seconds)."""
        return self._post("/api/v1/skills/%s/execute" % _q(name), _body(args=list(args) if args is not None
                                                                       else None, session=session))


class Tools(_Resource):
    """Tools: ``/v1/tools`` (seed 000) and ``/tools/invoke``."""

    def list(self) -> List[Obj]:
        return self._get("/v1/tools")

    def execute(self, name: str, parameters: Optional[Mapping[str, Any]] = None,
                session_id: Optional[str] = None) -> Obj:
        """Runs a tool; the result has ``result`` and ``metadata`` (``execution_time``, ``memory_used``)."""
        return self._post("/v1/tools/%s/execute" % _q(name), _body(parameters=parameters or {},
                                                                  session_id=session_id))

    def invoke(self, tool: str, args: Optional[Mapping[str, Any]] = None, session_key: Optional[str] = None) -> Obj:
        """``POST /tools/invoke``: ``{ok, result}`` or ``{ok: false, error}`` (not raised)."""
        return self._post("/tools/invoke", _body(tool=tool, args=args or {}, sessionKey=session_key))


class Task(Obj):
    """A background task (seed 003 ``/v2/tasks``): ``id``, ``status``, ``progress`` (0–100), ``result``, ``error``."""

    def _bind(self, tasks: "Tasks") -> "Task":
        object.__setattr__(self, "_tasks", tasks)
        return self

    @property
    def done(self) -> bool:
        return self.get("status") in ("completed", "failed", "cancelled")

    def refresh(self) -> "Task":
        self.update(self._tasks.get(self["id"]))
        return self

    def wait(self, timeout: Optional[float] = None, on_progress=None) -> "Task":
        """Waits for the task to finish (following ``/v2/tasks/{id}/events``); ``on_progress(task)`` is called on
        each change. Returns the task; raises OpenClawError ``TIMEOUT`` when ``timeout`` seconds pass first."""
        return self._tasks.wait(self["id"], timeout=timeout, on_progress=on_progress, _into=self)

    wait_for_completion = wait


class Tasks(_Resource):
    """Seed 003 tasks (``/v2/tasks``); :meth:`create_v1` is the seed-000 shape (``/v1/tasks``)."""

    def create(self, type: str, input: Optional[Mapping[str, Any]] = None,  # noqa: A002
               callback: Optional[Mapping[str, Any]] = None, name: Optional[str] = None,
               priority: Optional[int] = None, timeout: Optional[int] = None, **extra: Any) -> Task:
        return Task(self._post("/v2/tasks", _body(type=type, input=input, callback=callback, name=name,
                                                  priority=priority, timeout=timeout, **extra)))._bind(self)

    def create_v1(self, name: str, type: str, parameters: Optional[Mapping[str, Any]] = None,  # noqa: A002
                  priority: Optional[int] = None, timeout: Optional[int] = None,
                  callback: Optional[Any] = None) -> Obj:
        return self._post("/v1/tasks", _body(name=name, type=type, parameters=parameters, priority=priority,
                                             timeout=timeout, callback=callback))

    def get(self, task_id: str) -> Task:
        return Task(self._get("/v2/tasks/" + _q(task_id)))._bind(self)

    def cancel(self, task_id: str) -> Task:
        return Task(self._delete("/v2/tasks/" + _q(task_id)))._bind(self)

    def list(self, status: Optional[str] = None, limit: Optional[int] = None, offset: int = 0) -> Page:
        return self._page("/v2/tasks", "tasks", limit, offset, _body(status=status), paged_by_page=True)

    def events(self, task_id: str) -> Iterator[Task]:
        """The task after each status/progress change, until it finishes."""
        for ev in self._t.stream("GET", "/v2/tasks/%s/events" % _q(task_id), timeout=None):
            payload = ev.json
            if isinstance(payload, dict):
                yield Task(payload)._bind(self)

    def wait(self, task_id: str, timeout: Optional[float] = None, on_progress=None, _into: Optional[Task] = None
             ) -> Task:
        deadline = None if timeout is None else time.monotonic() + timeout
        task = _into if _into is not None else self.get(task_id)
        while True:
            for t in self.events(task_id):
                task.update(t)
                if on_progress is not None:
                    on_progress(task)
                if task.done:
                    return task
                if deadline is not None and time.monotonic() > deadline:
                    break
            task.update(self.get(task_id))
            if task.done:
                return task
            if deadline is not None and time.monotonic() > deadline:
                raise OpenClawError("task %s not finished after %ss" % (task_id, timeout), code="TIMEOUT")
            time.sleep(0.5)


class Cron(_Resource):
    """Seed 004 cron jobs: ``/api/v1/cron/jobs``."""

    def list(self) -> List[Obj]:
        return list(self._get("/api/v1/cron/jobs").get("jobs", []))

    def create(self, name: str, schedule: Mapping[str, Any], payload: Mapping[str, Any],
               session_target: Optional[str] = None, enabled: Optional[bool] = None) -> Obj:
        """Creates a job. ``schedule``: ``{"kind": "every", "everyMs": 60000}`` / ``{"kind": "at", "at": ISO}`` /
        ``{"kind": "cron", "expr": "0 7 * * *", "tz": …}``; ``payload``: ``{"kind": "systemEvent", "text": …}`` or
        ``{"kind": "agentTurn", "message": …, "agentId": …}``."""
        return self._post("/api/v1/cron/jobs", _body(name=name, schedule=schedule, payload=payload,
                                                     sessionTarget=session_target, enabled=enabled))

    def get(self, job_id: str) -> Obj:
        return self._get("/api/v1/cron/jobs/" + _q(job_id))

    def update(self, job_id: str, **fields: Any) -> Obj:
        return self._patch("/api/v1/cron/jobs/" + _q(job_id), fields)

    def delete(self, job_id: str) -> Obj:
        return self._delete("/api/v1/cron/jobs/" + _q(job_id))

    def run(self, job_id: str) -> Obj:
        """Fires the job now; returns the run."""
        return self._post("/api/v1/cron/jobs/%s/run" % _q(job_id))

    def runs(self, job_id: str, limit: Optional[int] = None, offset: int = 0) -> Page:
        return self._page("/api/v1/cron/jobs/%s/runs" % _q(job_id), "runs", limit, offset)


class Webhooks(_Resource):
    """Seed 003 webhooks: ``/v2/webhooks``. To check deliveries you receive see :mod:`openclaw.webhooks`."""

    def create(self, url: str, events: Iterable[str], secret: Optional[str] = None) -> Obj:
        """Registers an endpoint; the result's ``secret`` is shown only here."""
        return self._post("/v2/webhooks", _body(url=url, events=list(events), secret=secret))

    def list(self) -> List[Obj]:
        data = self._get("/v2/webhooks")
        return list(data.get("webhooks", [])) if isinstance(data, dict) else list(data or [])

    def get(self, webhook_id: str) -> Obj:
        return self._get("/v2/webhooks/" + _q(webhook_id))

    def delete(self, webhook_id: str) -> Obj:
        return self._delete("/v2/webhooks/" + _q(webhook_id))

    def deliveries(self, webhook_id: str, limit: Optional[int] = None, offset: int = 0) -> Page:
        return self._page("/v2/webhooks/%s/deliveries" % _q(webhook_id), "deliveries", limit, offset)


class Batch(_Resource):
    """Seed 003 batch: ``POST /v2/batch``."""

    def run(self, operations: Iterable[Mapping[str, Any]]) -> Obj:
        """Runs ``[{method, path, body}]``; the result has ``results`` (``index, status, body``), ``succeeded``,
        ``failed``."""
        return self._post("/v2/batch", {"operations": list(operations)})

    create = run


class Keys(_Resource):
    """API keys (admin scope): ``/api/v1/keys``."""

    def create(self, name: str, plan: Optional[str] = None, scopes: Optional[Iterable[str]] = None,
               expires: Optional[str] = None, limits: Optional[Mapping[str, int]] = None) -> Obj:
        """Creates a key; the result's ``key`` is the secret, shown only here."""
        return self._post("/api/v1/keys", _body(name=name, plan=plan, scopes=list(scopes) if scopes else None,
                                                expires=expires, limits=limits))

    def list(self) -> List[Obj]:
        return list(self._get("/api/v1/keys").get("keys", []))

    def get(self, id_or_name: str) -> Obj:
        return self._get("/api/v1/keys/" + _q(id_or_name))

    def update(self, id_or_name: str, plan: Optional[str] = None, limits: Optional[Mapping[str, int]] = None) -> Obj:
        return self._patch("/api/v1/keys/" + _q(id_or_name), _body(plan=plan, limits=limits))

    def revoke(self, id_or_name: str) -> Obj:
        return self._delete("/api/v1/keys/" + _q(id_or_name))


class Models(_Resource):
    """``GET /v1/models`` (OpenAI-compatible list)."""

    def list(self) -> List[Obj]:
        data = self._get("/v1/models")
        return list(data.get("data", [])) if isinstance(data, dict) else list(data or [])

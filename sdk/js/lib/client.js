'use strict';

const { Transport, raiseIfErrorEvent, VERSION } = require('./transport');
const { OpenClawError } = require('./errors');
const { Page } = require('./page');

const enc = encodeURIComponent;

/** Unwraps the gateway v1 envelope `{success, data, timestamp}`. */
function data(body) {
  return body && typeof body === 'object' && 'success' in body && 'data' in body ? body.data : body;
}

function clean(obj) {
  const out = {};
  for (const [k, v] of Object.entries(obj || {})) if (v !== undefined) out[k] = v;
  return out;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

class Resource {
  constructor(t) { Object.defineProperty(this, 't', { value: t, enumerable: false }); }

  async get(path, query) { return data(await this.t.request('GET', path, { query })); }

  async post(path, body = {}) { return data(await this.t.request('POST', path, { body })); }

  async patch(path, body) { return data(await this.t.request('PATCH', path, { body })); }

  async del(path) { return data(await this.t.request('DELETE', path)); }

  async page(path, key, { limit, offset = 0, ...filters } = {}) {
    const body = data(await this.t.request('GET', path, { query: { ...clean(filters), limit, offset: offset || undefined } }));
    const items = (body && body[key]) || (Array.isArray(body) ? body : []);
    const p = (body && body.pagination) || {};
    const lim = p.limit ?? limit;
    return new Page(items, {
      total: p.total ?? (body ? body.total : undefined), hasMore: p.hasMore, limit: lim, offset,
      fetch: (off) => this.page(path, key, { ...filters, limit: lim, offset: off }),
    });
  }
}

/** An async iterator over a stream's pieces; `map` picks what to yield from each event (undefined = skip). */
class ChunkStream {
  constructor(events, map) {
    this.events = events;
    this.map = map;
    this.message = undefined;
    this.usage = undefined;
    this.toolEvents = [];
  }

  async* [Symbol.asyncIterator]() {
    for await (const ev of this.events) {
      const payload = ev.json;
      raiseIfErrorEvent(payload);
      if (payload && payload.type === 'done') {
        this.message = payload.message;
        this.usage = payload.usage;
        continue;
      }
      const out = payload === undefined ? undefined : this.map(payload);
      if (out === undefined) {
        if (payload && payload.type) this.toolEvents.push(payload);
        continue;
      }
      yield out;
    }
  }

  /** Reads the rest of the stream; the whole text. */
  async text() {
    let s = '';
    for await (const c of this) s += typeof c === 'string' ? c : c.content || '';
    return s;
  }
}

class MessageResource extends Resource {
  /** Seed 001 `POST /api/v1/message` → `{messageId, text, sessionId, model, usage}`. */
  send({ text, session, model, agentId, temperature, maxTokens, ...extra } = {}) {
    return this.post('/api/v1/message', clean({ text, session, model, agentId, temperature, maxTokens, ...extra }));
  }

  /** Seed 001 `POST /api/v1/message/stream`: an async iterator of text pieces (strings). */
  async stream({ text, session, model, agentId, ...extra } = {}) {
    const events = await this.t.events('POST', '/api/v1/message/stream',
      { body: clean({ text, session, model, agentId, ...extra }) });
    return new ChunkStream(events, (p) => (typeof p.chunk === 'string' ? p.chunk : undefined));
  }
}

function chatBody({ message, sessionId, session_id: sid, model, temperature, maxTokens, agentId, context }) {
  const ctx = clean({ ...(context || {}), model, temperature, max_tokens: maxTokens });
  return clean({ message, session_id: sessionId ?? sid, agent_id: agentId,
    context: Object.keys(ctx).length ? ctx : undefined });
}

class ChatResource extends Resource {
  /** Seed 002 `POST /api/v1/chat` → `{id, content, model, usage, session_id}`. */
  send(req = {}) { return this.post('/api/v1/chat', chatBody(req)); }

  /** Seed 002 streamed chat: an async iterator of `{content}` chunks. */
  async stream(req = {}) {
    const events = await this.t.events('POST', '/api/v1/chat', { body: { ...chatBody(req), stream: true } });
    return new ChunkStream(events, (p) => (typeof p.content === 'string' && !p.type ? { content: p.content }
      : undefined));
  }
}

class SessionsResource extends Resource {
  list(opts) { return this.page('/api/v1/sessions', 'sessions', opts); }

  create({ label, model, agentId, id } = {}) { return this.post('/api/v1/sessions', clean({ label, model, agentId, id })); }

  retrieve(id) { return this.get(`/api/v1/sessions/${enc(id)}`); }

  delete(id) { return this.del(`/api/v1/sessions/${enc(id)}`); }

  messages(id, opts) { return this.page(`/api/v1/sessions/${enc(id)}/messages`, 'messages', opts); }

  send(id, { text, ...extra }) { return this.post(`/api/v1/sessions/${enc(id)}/messages`, clean({ text, ...extra })); }
}

function deltaChunk(p) {
  return p.type === 'delta' || (p.type === undefined && typeof p.content === 'string') ? p : undefined;
}

class MessagesResource extends Resource {
  /** Seed 003 `POST /v2/conversations/{id}/messages`; with `stream: true` an async iterator of `{type, content}`. */
  async send(conversationId, { content, stream = false, attachments, model, temperature, maxTokens } = {}) {
    const body = clean({ content, attachments, model, temperature, maxTokens });
    const path = `/v2/conversations/${enc(conversationId)}/messages`;
    if (stream) {
      return new ChunkStream(await this.t.events('POST', path, { body: { ...body, stream: true } }), deltaChunk);
    }
    return this.post(path, body);
  }

  stream(conversationId, req = {}) { return this.send(conversationId, { ...req, stream: true }); }

  list(conversationId, opts) { return this.page(`/v2/conversations/${enc(conversationId)}/messages`, 'messages', opts); }
}

class ConversationsResource extends Resource {
  /** Seed 003 `POST /v2/conversations` → `{id, agentId, createdAt, status}`. */
  create({ agentId, context, settings, title, model, id } = {}) {
    const s = clean({ ...(settings || {}), model });
    return this.post('/v2/conversations', clean({ agentId, context, title, id,
      settings: Object.keys(s).length ? s : undefined }));
  }

  list(opts) { return this.page('/v2/conversations', 'conversations', opts); }

  retrieve(id) { return this.get(`/v2/conversations/${enc(id)}`); }

  delete(id) { return this.del(`/v2/conversations/${enc(id)}`); }

  /** Streams a reply to `message` in `conversationId` (or a new conversation with `agentId`). */
  async stream({ message, content, agentId, conversationId, ...rest } = {}) {
    const id = conversationId || (await this.create({ agentId })).id;
    return new MessagesResource(this.t).send(id, { ...rest, content: content ?? message, stream: true });
  }

  /** Sends a whole message in `conversationId` (or a new conversation with `agentId`). */
  async send({ message, content, agentId, conversationId, ...rest } = {}) {
    const id = conversationId || (await this.create({ agentId })).id;
    return new MessagesResource(this.t).send(id, { ...rest, content: content ?? message });
  }

  messages(id, opts) { return this.page(`/v2/conversations/${enc(id)}/messages`, 'messages', opts); }
}

/** A seed 002 sub-agent: `id`, `status`, `result`, `error`; `await agent.waitForCompletion()`. */
class SpawnedAgent {
  constructor(agents, fields) {
    Object.defineProperty(this, 'agents', { value: agents, enumerable: false });
    Object.assign(this, fields);
  }

  get done() { return !['running', 'pending', undefined].includes(this.status); }

  async refresh(wait = 0) {
    Object.assign(this, await this.agents.get(`/api/v1/agents/spawn/${enc(this.id)}`, { wait: wait || undefined }));
    return this;
  }

  /** Waits until it completes (up to `timeout` ms if given); throws OpenClawError when it failed or timed out. */
  async waitForCompletion({ timeout, pollSeconds = 30 } = {}) {
    const deadline = timeout == null ? null : Date.now() + timeout;
    while (!this.done) {
      let wait = pollSeconds;
      if (deadline != null) {
        const left = deadline - Date.now();
        if (left <= 0) throw new OpenClawError(`sub-agent ${this.id} still running`, { code: 'TIMEOUT' });
        wait = Math.max(1, Math.min(wait, Math.floor(left / 1000)));
      }
      await this.refresh(wait);
    }
    if (this.status === 'failed' || this.status === 'timeout') {
      throw new OpenClawError(`sub-agent ${this.id} ${this.status}: ${this.error}`,
        { code: 'AGENT_FAILED', details: this.error, body: { ...this } });
    }
    return this;
  }
}

class AgentsResource extends Resource {
  /** Seed 003 `POST /v2/agents` (`name`, `model`, `skills`, `systemPrompt`, `settings`, …). */
  create(spec) { return this.post('/v2/agents', clean(spec)); }

  list(opts) { return this.page('/v2/agents', 'agents', opts); }

  retrieve(id) { return this.get(`/v2/agents/${enc(id)}`); }

  update(id, fields) { return this.patch(`/v2/agents/${enc(id)}`, fields); }

  delete(id) { return this.del(`/v2/agents/${enc(id)}`); }

  installSkill(id, { skillId, version, config }) {
    return this.post(`/v2/agents/${enc(id)}/skills`, clean({ skillId, version, config }));
  }

  /** Seed 002 `POST /api/v1/agents/spawn`: starts a sub-agent and resolves at once. */
  async spawn({ task, model, timeout, skills, parentSessionId } = {}) {
    return new SpawnedAgent(this, await this.post('/api/v1/agents/spawn',
      clean({ task, model, timeout, skills, parentSessionId })));
  }

  async getSpawned(id, { wait } = {}) {
    return new SpawnedAgent(this, await this.get(`/api/v1/agents/spawn/${enc(id)}`, { wait }));
  }
}

class MemoryResource extends Resource {
  /** Seed 001 search: the results array (`content`, `score`, `source`, …), best first. */
  async search({ query, limit, minScore, tags, type, agentId } = {}) {
    const d = await this.get('/api/v1/memory/search', { query, limit, minScore, tags, type, agentId });
    return (d && d.results) || [];
  }

  add({ content, tags, type, retention, ...extra } = {}) {
    return this.post('/api/v1/memory', clean({ content, tags, type, retention, ...extra }));
  }

  retrieve(id) { return this.get(`/api/v1/memory/${enc(id)}`); }

  delete(id) { return this.del(`/api/v1/memory/${enc(id)}`); }

  list(opts) { return this.page('/v2/memories', 'memories', opts); }

  update(id, fields) { return this.patch(`/v2/memories/${enc(id)}`, fields); }
}

class SkillsResource extends Resource {
  async list() { return (await this.get('/api/v1/skills')).skills; }

  catalogue(opts) { return this.page('/v2/skills', 'skills', opts); }

  execute(name, { args, session } = {}) {
    return this.post(`/api/v1/skills/${enc(name)}/execute`, clean({ args, session }));
  }
}

class ToolsResource extends Resource {
  list() { return this.get('/v1/tools'); }

  execute(name, { parameters = {}, sessionId } = {}) {
    return this.post(`/v1/tools/${enc(name)}/execute`, clean({ parameters, session_id: sessionId }));
  }

  invoke({ tool, args = {}, sessionKey } = {}) { return this.post('/tools/invoke', clean({ tool, args, sessionKey })); }
}

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

class TasksResource extends Resource {
  /** Seed 003 `POST /v2/tasks` (`type`, `input`, `callback`, …). */
  create(spec) { return this.post('/v2/tasks', clean(spec)); }

  /** Seed 000 `POST /v1/tasks` (`name`, `type`, `parameters`, `priority`, `timeout`). */
  createV1(spec) { return this.post('/v1/tasks', clean(spec)); }

  retrieve(id) { return this.get(`/v2/tasks/${enc(id)}`); }

  cancel(id) { return this.del(`/v2/tasks/${enc(id)}`); }

  list(opts) { return this.page('/v2/tasks', 'tasks', opts); }

  /** The task after each status/progress change (`/v2/tasks/{id}/events`), until it finishes. */
  async events(id) {
    const events = await this.t.events('GET', `/v2/tasks/${enc(id)}/events`, { timeout: 0 });
    return (async function* () {
      for await (const ev of events) if (ev.json && typeof ev.json === 'object') yield ev.json;
    }());
  }

  /** Waits for a task to finish; `onProgress(task)` on each change; rejects with code TIMEOUT after `timeout` ms. */
  async wait(id, { timeout, onProgress } = {}) {
    const deadline = timeout == null ? null : Date.now() + timeout;
    for (;;) {
      for await (const task of await this.events(id)) {
        if (onProgress) onProgress(task);
        if (TERMINAL.has(task.status)) return task;
        if (deadline != null && Date.now() > deadline) break;
      }
      const task = await this.retrieve(id);
      if (TERMINAL.has(task.status)) return task;
      if (deadline != null && Date.now() > deadline) {
        throw new OpenClawError(`task ${id} not finished`, { code: 'TIMEOUT' });
      }
      await sleep(500);
    }
  }
}

class CronResource extends Resource {
  async list() { return (await this.get('/api/v1/cron/jobs')).jobs; }

  /** Seed 004 job: `{name, schedule: {kind, everyMs | at | expr, tz}, payload: {kind, text | message, agentId}}`. */
  create(spec) { return this.post('/api/v1/cron/jobs', clean(spec)); }

  retrieve(id) { return this.get(`/api/v1/cron/jobs/${enc(id)}`); }

  update(id, fields) { return this.patch(`/api/v1/cron/jobs/${enc(id)}`, fields); }

  delete(id) { return this.del(`/api/v1/cron/jobs/${enc(id)}`); }

  run(id) { return this.post(`/api/v1/cron/jobs/${enc(id)}/run`); }

  runs(id, opts) { return this.page(`/api/v1/cron/jobs/${enc(id)}/runs`, 'runs', opts); }
}

class WebhooksResource extends Resource {
  create({ url, events, secret }) { return this.post('/v2/webhooks', clean({ url, events, secret })); }

  async list() { return (await this.get('/v2/webhooks')).webhooks; }

  retrieve(id) { return this.get(`/v2/webhooks/${enc(id)}`); }

  delete(id) { return this.del(`/v2/webhooks/${enc(id)}`); }

  deliveries(id, opts) { return this.page(`/v2/webhooks/${enc(id)}/deliveries`, 'deliveries', opts); }
}

class BatchResource extends Resource {
  /** `POST /v2/batch` → `{results: [{index, status, body}], succeeded, failed}`. */
  run(operations) { return this.post('/v2/batch', { operations: operations.operations || operations }); }

  create(operations) { return this.run(operations); }
}

class KeysResource extends Resource {
  create({ name, plan, scopes, expires, limits } = {}) {
    return this.post('/api/v1/keys', clean({ name, plan, scopes, expires, limits }));
  }

  async list() { return (await this.get('/api/v1/keys')).keys; }

  retrieve(idOrName) { return this.get(`/api/v1/keys/${enc(idOrName)}`); }

  update(idOrName, { plan, limits } = {}) { return this.patch(`/api/v1/keys/${enc(idOrName)}`, clean({ plan, limits })); }

  revoke(idOrName) { return this.del(`/api/v1/keys/${enc(idOrName)}`); }
}

/**
 * A client for one OpenClaw gateway.
 * Options: `baseURL`/`baseUrl` (default `$OPENCLAW_BASE_URL`, else http://localhost:18789), `apiKey` or `token`
 * (default `$OPENCLAW_API_KEY`), `timeout` (ms, default 60000), `maxRetries` (default 2; 408/429/5xx and connection
 * failures, exponential backoff with jitter, a 429's Retry-After honoured up to `maxRetryWait` ms), `headers`, `fetch`.
 */
class OpenClawClient {
  constructor(opts = {}) {
    const t = new Transport(opts);
    Object.defineProperty(this, 'transport', { value: t, enumerable: false });
    this.message = new MessageResource(t);
    this.chat = new ChatResource(t);
    this.sessions = new SessionsResource(t);
    this.conversations = new ConversationsResource(t);
    this.messages = new MessagesResource(t);
    this.agents = new AgentsResource(t);
    this.memory = new MemoryResource(t);
    this.memories = this.memory;
    this.skills = new SkillsResource(t);
    this.tools = new ToolsResource(t);
    this.tasks = new TasksResource(t);
    this.cron = new CronResource(t);
    this.webhooks = new WebhooksResource(t);
    this.batch = new BatchResource(t);
    this.keys = new KeysResource(t);
    this.apiKeys = this.keys;
  }

  get baseURL() { return this.transport.baseURL; }

  /** `GET /api/v1/status`. */
  async status() { return data(await this.transport.request('GET', '/api/v1/status')); }

  /** `GET /health` (no auth needed). */
  health() { return this.transport.request('GET', '/health'); }

  /** `GET /v1/models` → the model list. */
  async models() { return (await this.transport.request('GET', '/v1/models')).data; }

  /** Any other route; the parsed body. */
  request(method, path, { query, body } = {}) { return this.transport.request(method, path, { query, body }); }
}

module.exports = { OpenClawClient, SpawnedAgent, ChunkStream, VERSION };

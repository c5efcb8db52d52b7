// Type declarations for openclaw-sdk / @openclaw/sdk (hand-written; the runtime is plain JavaScript).

export interface ClientOptions {
  /** Gateway URL, e.g. http://localhost:18789 (default $OPENCLAW_BASE_URL, else http://localhost:18789). */
  baseURL?: string;
  /** Same as baseURL (seed 001's spelling). */
  baseUrl?: string;
  /** An API key (oc_api_sk_…); default $OPENCLAW_API_KEY. */
  apiKey?: string;
  /** The gateway token. */
  token?: string;
  /** Milliseconds per request (streams: until the response starts). Default 60000. */
  timeout?: number;
  /** Retries of 408/429/5xx and connection failures. Default 2. */
  maxRetries?: number;
  /** First backoff in ms (doubles, with jitter). Default 500. */
  backoff?: number;
  /** A 429's Retry-After is waited for only up to this many ms. Default 30000. */
  maxRetryWait?: number;
  headers?: Record<string, string>;
  /** A fetch implementation (default: the global fetch of Node 18+). */
  fetch?: (input: string, init?: any) => Promise<any>;
}

export interface Usage { inputTokens?: number; outputTokens?: number; promptTokens?: number;
  completionTokens?: number; totalTokens?: number; input_tokens?: number; output_tokens?: number }

export interface MessageReply { messageId: string; text: string; sessionId: string; model: string; usage: Usage;
  offline?: boolean }
export interface ChatReply { id: string; content: string; model: string; usage: Usage; timestamp: string;
  session_id: string }
export interface Chunk { type?: 'delta'; content: string }
export interface Conversation { id: string; agentId?: string | null; title?: string | null; status: string;
  createdAt: string; updatedAt?: string; messageCount?: number; settings?: Record<string, unknown>;
  context?: Record<string, unknown>; messages?: StoredMessage[] }
export interface StoredMessage { id: string; conversationId?: string; role: string; content: string;
  createdAt: string; model?: string; usage?: Usage }
export interface Agent { id: string; name: string; description?: string | null;
  model: { provider: string; name: string; settings: Record<string, unknown> };
  systemPrompt?: string | null; skills: Array<{ id: string; enabled: boolean; version?: string | null;
    config?: Record<string, unknown> }>; memory: { enabled: boolean; type: string; retention: string };
  createdAt: string; updatedAt: string }
export interface MemoryHit { id: string; content: string; score: number; source?: string; keywordScore?: number;
  vectorScore?: number; tags?: string[]; type?: string; createdAt?: string }
export interface Task { id: string; name?: string; type: string; status: 'pending' | 'running' | 'completed'
  | 'failed' | 'cancelled'; progress: number; result?: unknown; error?: string | null; createdAt: string;
  completedAt?: string | null; [k: string]: unknown }
export interface CronJob { id: string; name: string; schedule: Record<string, unknown>;
  payload: Record<string, unknown>; enabled: boolean; nextRun?: string | null; [k: string]: unknown }
export interface WebhookEndpoint { id: string; url: string; events: string[]; secret?: string;
  [k: string]: unknown }
export interface ApiKey { id: string; name: string; prefix: string; scopes: string[]; plan: string; status: string;
  key?: string; [k: string]: unknown }
export interface BatchResult { results: Array<{ index: number; method: string; path: string; status: number;
  body: unknown }>; succeeded: number; failed: number }

export interface ListOptions { limit?: number; offset?: number; [filter: string]: unknown }

export class Page<T> implements Iterable<T>, AsyncIterable<T> {
  items: T[];
  total?: number;
  hasMore: boolean;
  limit?: number;
  offset: number;
  readonly length: number;
  nextPage(): Promise<Page<T> | null>;
  autoPaging(): AsyncGenerator<T>;
  [Symbol.iterator](): Iterator<T>;
  [Symbol.asyncIterator](): AsyncIterator<T>;
}

export class ChunkStream<T> implements AsyncIterable<T> {
  /** The stored reply, after a v2 stream ended. */
  message?: StoredMessage;
  usage?: Usage;
  /** tool_call / tool_result events seen on the way. */
  toolEvents: Array<Record<string, unknown>>;
  [Symbol.asyncIterator](): AsyncIterator<T>;
  text(): Promise<string>;
}

export class SpawnedAgent {
  id: string; agentId: string; status: 'running' | 'completed' | 'failed' | 'timeout'; task: string;
  model?: string | null; result?: string | null; error?: string | null; sessionId: string; createdAt: string;
  completedAt?: string | null;
  readonly done: boolean;
  refresh(waitSeconds?: number): Promise<this>;
  waitForCompletion(opts?: { timeout?: number; pollSeconds?: number }): Promise<this>;
}

type Json = Record<string, unknown>;

export class OpenClawClient {
  constructor(opts?: ClientOptions);
  readonly baseURL: string;
  message: {
    send(req: { text: string; session?: string; model?: string; agentId?: string; temperature?: number;
      maxTokens?: number }): Promise<MessageReply>;
    stream(req: { text: string; session?: string; model?: string; agentId?: string }): Promise<ChunkStream<string>>;
  };
  chat: {
    send(req: { message: string; sessionId?: string; model?: string; temperature?: number; maxTokens?: number;
      agentId?: string; context?: Json }): Promise<ChatReply>;
    stream(req: { message: string; sessionId?: string; model?: string; temperature?: number; maxTokens?: number;
      agentId?: string; context?: Json }): Promise<ChunkStream<Chunk>>;
  };
  sessions: {
    list(opts?: ListOptions): Promise<Page<Json>>;
    create(req?: { label?: string; model?: string; agentId?: string; id?: string }): Promise<Json>;
    retrieve(id: string): Promise<Json>;
    delete(id: string): Promise<Json>;
    messages(id: string, opts?: ListOptions): Promise<Page<StoredMessage>>;
    send(id: string, req: { text: string }): Promise<Json>;
  };
  conversations: {
    create(req?: { agentId?: string; context?: Json; settings?: Json; title?: string; model?: string; id?: string }):
      Promise<Conversation>;
    list(opts?: ListOptions): Promise<Page<Conversation>>;
    retrieve(id: string): Promise<Conversation>;
    delete(id: string): Promise<Json>;
    stream(req: { message?: string; content?: string; agentId?: string; conversationId?: string; model?: string }):
      Promise<ChunkStream<Chunk>>;
    send(req: { message?: string; content?: string; agentId?: string; conversationId?: string; model?: string }):
      Promise<StoredMessage>;
    messages(id: string, opts?: ListOptions): Promise<Page<StoredMessage>>;
  };
  messages: {
    send(conversationId: string, req: { content: string; stream?: false; attachments?: Json[]; model?: string;
      temperature?: number; maxTokens?: number }): Promise<StoredMessage>;
    send(conversationId: string, req: { content: string; stream: true; attachments?: Json[]; model?: string;
      temperature?: number; maxTokens?: number }): Promise<ChunkStream<Chunk>>;
    stream(conversationId: string, req: { content: string; model?: string }): Promise<ChunkStream<Chunk>>;
    list(conversationId: string, opts?: ListOptions): Promise<Page<StoredMessage>>;
  };
  agents: {
    create(spec: { name: string; model?: string | Json; skills?: Array<string | Json>; systemPrompt?: string;
      description?: string; settings?: Json; id?: string; [k: string]: unknown }): Promise<Agent>;
    list(opts?: ListOptions): Promise<Page<Agent>>;
    retrieve(id: string): Promise<Agent>;
    update(id: string, fields: Json): Promise<Agent>;
    delete(id: string): Promise<Json>;
    installSkill(id: string, req: { skillId: string; version?: string; config?: Json }): Promise<Json>;
    spawn(req: { task: string; model?: string; timeout?: number; skills?: string[]; parentSessionId?: string }):
      Promise<SpawnedAgent>;
    getSpawned(id: string, opts?: { wait?: number }): Promise<SpawnedAgent>;
  };
  memory: {
    search(req: { query: string; limit?: number; minScore?: number; tags?: string[]; type?: string;
      agentId?: string }): Promise<MemoryHit[]>;
    add(req: { content: string; tags?: string[]; type?: string; retention?: string; [k: string]: unknown }):
      Promise<{ memoryId: string; createdAt: string }>;
    retrieve(id: string): Promise<Json>;
    delete(id: string): Promise<Json>;
    list(opts?: ListOptions): Promise<Page<Json>>;
    update(id: string, fields: Json): Promise<Json>;
  };
  memories: OpenClawClient['memory'];
  skills: {
    list(): Promise<Json[]>;
    catalogue(opts?: ListOptions & { category?: string }): Promise<Page<Json>>;
    execute(name: string, req?: { args?: unknown[]; session?: string }): Promise<{ result: unknown;
      executionTime: number }>;
  };
  tools: {
    list(): Promise<Json[]>;
    execute(name: string, req?: { parameters?: Json; sessionId?: string }): Promise<{ result: unknown;
      metadata: Json }>;
    invoke(req: { tool: string; args?: Json; sessionKey?: string }): Promise<{ ok: boolean; result?: unknown;
      error?: unknown }>;
  };
  tasks: {
    create(spec: { type: string; input?: Json; callback?: Json; name?: string; priority?: number; timeout?: number }):
      Promise<Task>;
    createV1(spec: { name: string; type: string; parameters?: Json; priority?: number; timeout?: number }):
      Promise<Json>;
    retrieve(id: string): Promise<Task>;
    cancel(id: string): Promise<Task>;
    list(opts?: ListOptions & { status?: string }): Promise<Page<Task>>;
    events(id: string): Promise<AsyncGenerator<Task>>;
    wait(id: string, opts?: { timeout?: number; onProgress?: (t: Task) => void }): Promise<Task>;
  };
  cron: {
    list(): Promise<CronJob[]>;
    create(spec: { name: string; schedule: Json; payload: Json; sessionTarget?: string; enabled?: boolean }):
      Promise<CronJob>;
    retrieve(id: string): Promise<CronJob>;
    update(id: string, fields: Json): Promise<CronJob>;
    delete(id: string): Promise<Json>;
    run(id: string): Promise<Json>;
    runs(id: string, opts?: ListOptions): Promise<Page<Json>>;
  };
  webhooks: {
    create(req: { url: string; events: string[]; secret?: string }): Promise<WebhookEndpoint>;
    list(): Promise<WebhookEndpoint[]>;
    retrieve(id: string): Promise<WebhookEndpoint>;
    delete(id: string): Promise<Json>;
    deliveries(id: string, opts?: ListOptions): Promise<Page<Json>>;
  };
  batch: {
    run(operations: Array<{ method: string; path: string; body?: unknown }>): Promise<BatchResult>;
    create(operations: Array<{ method: string; path: string; body?: unknown }>): Promise<BatchResult>;
  };
  keys: {
    create(req: { name: string; plan?: string; scopes?: string[]; expires?: string; limits?: Record<string, number> }):
      Promise<ApiKey>;
    list(): Promise<ApiKey[]>;
    retrieve(idOrName: string): Promise<ApiKey>;
    update(idOrName: string, req: { plan?: string; limits?: Record<string, number> }): Promise<ApiKey>;
    revoke(idOrName: string): Promise<Json>;
  };
  apiKeys: OpenClawClient['keys'];
  status(): Promise<Json>;
  health(): Promise<Json>;
  models(): Promise<Json[]>;
  request<T = unknown>(method: string, path: string, opts?: { query?: Json; body?: unknown }): Promise<T>;
}

export class OpenClaw extends OpenClawClient {}
export { OpenClaw as Client };

export class OpenClawError extends Error {
  status?: number;
  code?: string;
  details?: unknown;
  requestId?: string;
  /** Seconds to wait (429). */
  retryAfter?: number;
  body?: unknown;
  headers: Record<string, string>;
}
export class APIConnectionError extends OpenClawError {}
export class APITimeoutError extends APIConnectionError {}
export class BadRequestError extends OpenClawError {}
export class AuthenticationError extends OpenClawError {}
export class PermissionDeniedError extends OpenClawError {}
export class NotFoundError extends OpenClawError {}
export class ConflictError extends OpenClawError {}
export class RateLimitError extends OpenClawError {}
export class InternalServerError extends OpenClawError {}

type Body = string | Uint8Array | Record<string, unknown>;
type Headers = Record<string, string | string[] | undefined> | { forEach(cb: (v: string, k: string) => void): void };
export class WebhookVerificationError extends OpenClawError {}
export function verifySignature(body: Body, signature: string | undefined, secret: string): boolean;
export function verifyStandard(body: Body, headers: Headers, secret: string,
  opts?: { toleranceSeconds?: number | null; now?: number }): boolean;
export function verify<T = { event: string; timestamp: string; data: Record<string, unknown> }>(body: Body,
  headers: Headers, secret: string, opts?: { toleranceSeconds?: number | null }): T;
export function signBody(body: Body, secret: string): string;
export function signStandard(body: Body, secret: string, id: string, timestamp: number | string): string;
export class Webhook {
  constructor(secret: string, opts?: { toleranceSeconds?: number | null });
  verify<T = { event: string; timestamp: string; data: Record<string, unknown> }>(body: Body, headers: Headers): T;
}
export const VERSION: string;

export default OpenClaw;

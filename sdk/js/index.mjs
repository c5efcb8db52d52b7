// ESM entry of openclaw-sdk: default export and named exports, same classes as the CommonJS entry.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const sdk = require('./index.js');

export default sdk;
export const {
  OpenClaw, OpenClawClient, Client, SpawnedAgent, ChunkStream, Page, VERSION, OpenClawError, APIConnectionError,
  APITimeoutError, BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, ConflictError,
  RateLimitError, InternalServerError, Webhook, WebhookVerificationError, verify, verifySignature, verifyStandard,
  signBody, signStandard, webhooks,
} = sdk;

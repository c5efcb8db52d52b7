'use strict';
/**
 * openclaw-sdk: the OpenClaw gateway client (seeds 001–004). CommonJS entry; `import` gets index.mjs.
 *   const OpenClaw = require('openclaw-sdk');              // seed 001 (default export)
 *   const { OpenClawClient } = require('openclaw-sdk');    // seed 002
 */
const { OpenClawClient, SpawnedAgent, ChunkStream, VERSION } = require('./lib/client');
const errors = require('./lib/errors');
const webhooks = require('./lib/webhooks');
const { Page } = require('./lib/page');

class OpenClaw extends OpenClawClient {}

module.exports = OpenClaw;
Object.assign(module.exports, {
  default: OpenClaw, OpenClaw, OpenClawClient, Client: OpenClaw, SpawnedAgent, ChunkStream, Page, VERSION,
  ...errors, ...webhooks, webhooks,
});

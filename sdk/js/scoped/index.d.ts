// @openclaw/sdk's types are openclaw-sdk's (one source: ../index.d.ts).
export * from '../index.js';
export { default } from '../index.js';

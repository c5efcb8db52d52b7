export * from 'openclaw-sdk';
export { default } from 'openclaw-sdk';

'use strict';
// @openclaw/sdk re-exports openclaw-sdk (installed as its dependency; inside this repository, the sibling source).
let sdk;
try {
  sdk = require('openclaw-sdk');
} catch (e) {
  if (e.code !== 'MODULE_NOT_FOUND') throw e;
  sdk = require('../index.js');
}
module.exports = sdk;

'use strict';
const http = require('node:http');

/** A scripted HTTP server on 127.0.0.1: each request takes the next scripted answer. */
async function startStub() {
  const script = [];
  const requests = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      requests.push({ method: req.method, url: req.url, headers: req.headers, body });
      const [status, payload, headers = {}] = script.shift() || [200, {}];
      const raw = typeof payload === 'string' ? payload : JSON.stringify(payload);
      res.writeHead(status, {
        'Content-Type': typeof payload === 'string' ? 'text/event-stream' : 'application/json',
        'X-Request-ID': `req_stub${requests.length}`, ...headers,
      });
      res.end(raw);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    add: (status, payload, headers) => script.push([status, payload, headers]),
    requests,
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
  };
}

module.exports = { startStub };

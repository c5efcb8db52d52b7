"""A scripted HTTP server on 127.0.0.1 for the SDK's unit tests: each request takes the next scripted answer."""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Stub:
    def __init__(self):
        self.script = []
        self.requests = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8") if length else ""
                stub.requests.append((self.command, self.path, dict(self.headers), body))
                status, headers, payload = stub.script.pop(0) if stub.script else (200, {}, {})
                if isinstance(payload, (dict, list)):
                    raw = json.dumps(payload).encode()
                    headers = dict({"Content-Type": "application/json"}, **headers)
                else:
                    raw = payload.encode() if isinstance(payload, str) else payload
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(raw)))
                self.send_header("X-Request-ID", "req_stub%d" % len(stub.requests))
                self.end_headers()
                self.wfile.write(raw)

            do_GET = do_POST = do_DELETE = do_PATCH = do_PUT = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self):
        return "http://127.0.0.1:%d" % self.server.server_address[1]

    def add(self, status, payload, headers=None):
        self.script.append((status, headers or {}, payload))

    def close(self):
        self.server.shutdown()
        self.server.server_close()

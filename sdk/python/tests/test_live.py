"""Against a real gateway (run by openclaw-it's SdkUnitTestsTest): set OPENCLAW_TEST_BASE_URL and
OPENCLAW_TEST_TOKEN (the gateway token); the gateway needs webhooks.allowPrivateTargets for the delivery test."""
import json
import os
import threading
import time
import unittest
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import openclaw
from openclaw import OpenClaw

BASE = os.environ.get("OPENCLAW_TEST_BASE_URL")
TOKEN = os.environ.get("OPENCLAW_TEST_TOKEN")


@unittest.skipUnless(BASE and TOKEN, "OPENCLAW_TEST_BASE_URL / OPENCLAW_TEST_TOKEN not set (no live gateway)")
class LiveGatewayTest(unittest.TestCase):
    def setUp(self):
        self.client = OpenClaw(base_url=BASE, token=TOKEN)

    def test_whole_and_streamed_chat(self):
        self.assertTrue(self.client.message.send(text="ping", session="py-live").text)
        pieces = list(self.client.message.stream(text="流式", session="py-live"))
        self.assertGreater(len(pieces), 0)
        self.assertIn("流式", "".join(pieces))
        conv = self.client.conversations.create()
        stream = self.client.messages.send(conversation_id=conv.id, content="v2 stream", stream=True)
        self.assertIn("v2 stream", stream.text())
        self.assertEqual(stream.message.role, "assistant")

    def test_401_404_and_429_with_retry_after(self):
        with self.assertRaises(openclaw.AuthenticationError) as cm:
            OpenClaw(base_url=BASE, token="wrong-token").status()
        self.assertEqual((cm.exception.status, cm.exception.code), (401, "UNAUTHORIZED"))
        self.assertTrue(cm.exception.request_id)
        with self.assertRaises(openclaw.NotFoundError) as cm:
            self.client.conversations.get("conv-does-not-exist")
        self.assertEqual(cm.exception.code, "NOT_FOUND")
        key = self.client.keys.create(name="py-limited-" + uuid.uuid4().hex[:8],
                                      limits={"requests_per_minute": 1, "burst": 1}).key
        limited = OpenClaw(base_url=BASE, api_key=key, max_retry_wait=5)
        limited.sessions.list()
        with self.assertRaises(openclaw.RateLimitError) as cm:
            limited.sessions.list()
        e = cm.exception
        self.assertEqual((e.status, e.code), (429, "RATE_LIMIT_EXCEEDED"))
        self.assertGreater(e.retry_after, 0)

    def test_pagination_over_real_conversations(self):
        ids = {self.client.conversations.create(title="page %d" % i).id for i in range(3)}
        seen = [c.id for c in self.client.conversations.list(limit=2).auto_paging_iter()]
        self.assertTrue(ids.issubset(seen))
        self.assertEqual(len(seen), len(set(seen)))

    def test_webhook_verifier_accepts_a_gateway_delivery(self):
        received = []

        class Receiver(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                received.append((body, dict(self.headers)))
                self.send_response(204)
                self.end_headers()

        srv = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        secret = "py-webhook-secret"
        hook = self.client.webhooks.create(url="http://127.0.0.1:%d/hook" % srv.server_address[1],
                                           events=["message.received"], secret=secret)
        try:
            self.client.message.send(text="webhook please", session="py-hook")
            deadline = time.time() + 30
            while not received and time.time() < deadline:
                time.sleep(0.1)
            self.assertTrue(received, "no delivery within 30 s")
            body, headers = received[0]
            event = openclaw.webhooks.verify(body, headers, secret)
            self.assertEqual(event.event, "message.received")
            self.assertTrue(openclaw.verify_signature(body, headers["X-OpenClaw-Signature"], secret))
            self.assertTrue(openclaw.verify_standard(body, headers, secret))
            self.assertFalse(openclaw.verify_standard(body, headers, "not-the-secret"))
            self.assertEqual(json.loads(body)["event"], "message.received")
        finally:
            self.client.webhooks.delete(hook.id)
            srv.shutdown()

    def test_tasks_cron_batch_keys_tools_skills(self):
        task = self.client.tasks.create(type="agent", input={"message": "task hi"})
        done = task.wait(timeout=60)
        self.assertEqual(done.status, "completed")
        self.assertEqual(done.progress, 100)
        job = self.client.cron.create(name="py-job", schedule={"kind": "every", "everyMs": 3600000},
                                      payload={"kind": "systemEvent", "text": "tick"})
        self.assertIn(job.id, [j.id for j in self.client.cron.list()])
        self.client.cron.delete(job.id)
        b = self.client.batch.run([{"method": "GET", "path": "/conversations"},
                                   {"method": "GET", "path": "/conversations/nope"}])
        self.assertEqual((b.succeeded, b.failed), (1, 1))
        self.assertTrue(any(t.name == "file_list" for t in self.client.tools.list()))
        self.assertIsInstance(self.client.skills.list(), list)
        spawned = self.client.agents.spawn(task="sub task").wait_for_completion(timeout=60)
        self.assertEqual(spawned.status, "completed")


if __name__ == "__main__":
    unittest.main()

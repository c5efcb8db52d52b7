import asyncio
import json
import os
import unittest

import openclaw
from openclaw import OpenClaw, OpenClawClient, Client, AsyncOpenClaw
from openclaw.webhooks import (sign_body, sign_standard, verify, verify_signature, verify_standard,
                               WebhookVerificationError)

from .stub import Stub


def err(code, message, **extra):
    e = {"code": code, "message": message, "details": None}
    e.update(extra)
    return {"error": e}


class ClientTest(unittest.TestCase):
    def setUp(self):
        self.stub = Stub()
        self.client = OpenClaw(base_url=self.stub.url, token="tok", backoff=0.01)

    def tearDown(self):
        self.stub.close()

    def test_three_seed_names_and_envelope_unwrapped(self):
        self.assertTrue(issubclass(OpenClawClient, OpenClaw) and issubclass(Client, OpenClaw))
        self.stub.add(200, {"success": True, "data": {"messageId": "msg_1", "text": "hi"}, "timestamp": "t"})
        r = self.client.message.send(text="你好", session="default")
        self.assertEqual(r.text, "hi")
        self.assertEqual(r.message_id, "msg_1")
        method, path, headers, body = self.stub.requests[0]
        self.assertEqual((method, path), ("POST", "/api/v1/message"))
        self.assertEqual(headers["Authorization"], "Bearer tok")
        self.assertEqual(json.loads(body), {"text": "你好", "session": "default"})

    def test_env_supplies_base_url_and_key(self):
        os.environ["OPENCLAW_BASE_URL"] = self.stub.url
        os.environ["OPENCLAW_API_KEY"] = "oc_api_sk_env"
        try:
            c = Client()
        finally:
            del os.environ["OPENCLAW_BASE_URL"], os.environ["OPENCLAW_API_KEY"]
        self.stub.add(201, {"id": "conv-1", "agentId": "a"})
        self.assertEqual(c.conversations.create(agent_id="a").id, "conv-1")
        self.assertEqual(self.stub.requests[0][2]["Authorization"], "Bearer oc_api_sk_env")

    def test_errors_carry_status_code_details_request_id(self):
        self.stub.add(401, err("UNAUTHORIZED", "invalid token"))
        with self.assertRaises(openclaw.AuthenticationError) as cm:
            self.client.status()
        e = cm.exception
        self.assertEqual((e.status, e.code, e.message), (401, "UNAUTHORIZED", "invalid token"))
        self.assertEqual(e.request_id, "req_stub1")
        self.stub.add(404, err("NOT_FOUND", "no conversation conv-x"))
        with self.assertRaises(openclaw.NotFoundError) as cm:
            self.client.conversations.get("conv-x")
        self.assertEqual(cm.exception.status, 404)

    def test_429_with_long_retry_after_is_raised_with_retry_after(self):
        self.stub.add(429, err("RATE_LIMIT_EXCEEDED", "rate limit", details="Try again in 42 seconds",
                               retryAfter=42), {"Retry-After": "42"})
        with self.assertRaises(openclaw.RateLimitError) as cm:
            self.client.sessions.list()
        self.assertEqual(cm.exception.retry_after, 42)
        self.assertEqual(cm.exception.retryAfter, 42)
        self.assertEqual(cm.exception.details, "Try again in 42 seconds")
        self.assertEqual(len(self.stub.requests), 1)

    def test_429_and_5xx_are_retried_with_backoff(self):
        self.stub.add(429, err("RATE_LIMIT_EXCEEDED", "slow down", retryAfter=0), {"Retry-After": "0"})
        self.stub.add(503, err("UNAVAILABLE", "starting"))
        self.stub.add(200, {"success": True, "data": {"sessions": []}})
        self.assertEqual(list(self.client.sessions.list()), [])
        self.assertEqual(len(self.stub.requests), 3)

    def test_retries_give_up_after_max_retries(self):
        for _ in range(3):
            self.stub.add(502, err("UPSTREAM_ERROR", "provider down", details="connection refused"))
        with self.assertRaises(openclaw.InternalServerError) as cm:
            self.client.chat.send(message="x")
        self.assertEqual((cm.exception.status, cm.exception.code), (502, "UPSTREAM_ERROR"))
        self.assertEqual(len(self.stub.requests), 3)

    def test_400_is_not_retried(self):
        self.stub.add(400, err("INVALID_REQUEST", "field 'text' is required"))
        with self.assertRaises(openclaw.BadRequestError):
            self.client.message.send(text="")
        self.assertEqual(len(self.stub.requests), 1)

    def test_streams_yield_pieces_and_raise_error_events(self):
        sse = 'data: {"chunk": "春"}\n\ndata: {"chunk": "眠"}\n\n: keep-alive\n\ndata: [DONE]\n\n'
        self.stub.add(200, sse, {"Content-Type": "text/event-stream"})
        self.assertEqual(list(self.client.message.stream(text="写一首诗")), ["春", "眠"])
        v2 = ('data: {"type":"delta","content":"a"}\n\ndata: {"type":"tool_call","toolCall":{"name":"t"}}\n\n'
              'data: {"type":"delta","content":"b"}\n\n'
              'data: {"type":"done","message":{"id":"m1","content":"ab"},"usage":{"totalTokens":3}}\n\n'
              'data: [DONE]\n\n')
        self.stub.add(200, v2, {"Content-Type": "text/event-stream"})
        stream = self.client.messages.send(conversation_id="c1", content="x", stream=True)
        self.assertEqual([c.content for c in stream], ["a", "b"])
        self.assertEqual(stream.message.id, "m1")
        self.assertEqual(stream.usage.total_tokens, 3)
        self.assertEqual(stream.events[0].type, "tool_call")
        broken = 'data: {"content":"par"}\n\ndata: {"error":{"code":"UPSTREAM_ERROR","message":"boom"}}\n\n'
        self.stub.add(200, broken, {"Content-Type": "text/event-stream"})
        got = []
        with self.assertRaises(openclaw.OpenClawError) as cm:
            for c in self.client.chat.stream(message="x", session_id="s"):
                got.append(c.content)
        self.assertEqual(got, ["par"])
        self.assertEqual(cm.exception.code, "UPSTREAM_ERROR")

    def test_pagination_walks_every_page(self):
        self.stub.add(200, {"conversations": [{"id": "c1"}, {"id": "c2"}],
                            "pagination": {"total": 3, "limit": 2, "hasMore": True}})
        self.stub.add(200, {"conversations": [{"id": "c3"}], "pagination": {"total": 3, "limit": 2, "hasMore": False}})
        page = self.client.conversations.list(limit=2)
        self.assertEqual((page.total, page.has_more, len(page)), (3, True, 2))
        self.assertEqual([c.id for c in page.auto_paging_iter()], ["c1", "c2", "c3"])
        self.assertIn("offset=2", self.stub.requests[1][1])

    def test_timeout_raises_api_timeout_error(self):
        import socket
        srv = socket.socket()
        srv.bind(("127.0.0.1", 0))
        srv.listen(1)
        try:
            c = OpenClaw(base_url="http://127.0.0.1:%d" % srv.getsockname()[1], token="t", timeout=0.3,
                         max_retries=0)
            with self.assertRaises(openclaw.APITimeoutError):
                c.message.send(text="x")
        finally:
            srv.close()

    def test_connection_refused_raises_connection_error(self):
        c = OpenClaw(base_url="http://127.0.0.1:9", token="t", max_retries=1, backoff=0.01)
        with self.assertRaises(openclaw.APIConnectionError):
            c.status()

    def test_spawn_waits_for_completion(self):
        self.stub.add(202, {"success": True, "data": {"id": "sub_1", "status": "running"}})
        self.stub.add(200, {"success": True, "data": {"id": "sub_1", "status": "running"}})
        self.stub.add(200, {"success": True, "data": {"id": "sub_1", "status": "completed", "result": "done"}})
        agent = self.client.agents.spawn(task="分析数据", model="claude-3-5-sonnet")
        self.assertEqual(agent.wait_for_completion().result, "done")
        self.assertIn("wait=", self.stub.requests[1][1])

    def test_async_client(self):
        self.stub.add(200, {"success": True, "data": {"text": "hi"}})
        self.stub.add(200, 'data: {"chunk":"a"}\n\ndata: {"chunk":"b"}\n\ndata: [DONE]\n\n')

        async def go():
            c = AsyncOpenClaw(base_url=self.stub.url, token="tok")
            r = await c.message.send(text="x")
            pieces = [p async for p in await c.message.stream(text="y")]
            return r.text, pieces

        self.assertEqual(asyncio.run(go()), ("hi", ["a", "b"]))


class WebhookVerifierTest(unittest.TestCase):
    body = '{"event":"message.received","timestamp":"2026-04-17T01:20:00Z","data":{"content":"hi"}}'

    def test_openclaw_signature(self):
        sig = sign_body(self.body, "s3cret")
        self.assertTrue(verify_signature(self.body, sig, "s3cret"))
        self.assertFalse(verify_signature(self.body, sig, "other"))
        self.assertFalse(verify_signature(self.body + " ", sig, "s3cret"))
        self.assertFalse(verify_signature(self.body, None, "s3cret"))

    def test_standard_webhooks_reference_vector(self):
        # the example from the Standard Webhooks specification's reference implementations
        secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
        body = '{"test": 2432232314}'
        headers = {"webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp": "1614265330",
                   "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="}
        self.assertTrue(verify_standard(body, headers, secret, now=1614265330))
        self.assertFalse(verify_standard(body, headers, secret, now=1614265330 + 3600))
        self.assertTrue(verify_standard(body, headers, secret, tolerance_seconds=None))
        self.assertFalse(verify_standard(body.replace("2", "3"), headers, secret, now=1614265330))

    def test_verify_returns_event_or_raises(self):
        h = {"webhook-id": "wh_1", "webhook-timestamp": "1700000000",
             "webhook-signature": "v1,bogus " + sign_standard(self.body, "plain", "wh_1", 1700000000)}
        self.assertEqual(verify(self.body, h, "plain", tolerance_seconds=None).event, "message.received")
        with self.assertRaises(WebhookVerificationError):
            verify(self.body, h, "wrong", tolerance_seconds=None)
        self.assertEqual(verify(self.body, {"X-OpenClaw-Signature": sign_body(self.body, "k")}, "k").data.content,
                         "hi")


if __name__ == "__main__":
    unittest.main()

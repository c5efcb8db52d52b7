#!/usr/bin/env python3
"""Runs the seed documents' own examples against a running gateway, as written (host and token changed).

usage: seed_examples.py BASE_URL TOKEN API_KEY CSV_FILE
Prints one line per example ("ok <name>" or "FAIL <name>: why") and exits 1 if any failed.
"""
import json
import subprocess
import sys

BASE, TOKEN, API_KEY = sys.argv[1], sys.argv[2], sys.argv[3]  # sys.argv[4]: a CSV file to upload
failures = []


def check(name, cond, why=""):
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else ": " + why))
    if not cond:
        failures.append(name)


def curl(*args):
    """Runs curl as the seeds write it; returns (status, body)."""
    out = subprocess.run(["curl", "-s", "-w", "\n%{http_code}", *args], capture_output=True, text=True, timeout=60)
    body, _, status = out.stdout.rpartition("\n")
    return int(status), body


def envelope(name, status, body, expect=200):
    try:
        j = json.loads(body)
    except ValueError:
        check(name, False, "not JSON: " + body[:200])
        return None
    check(name, status == expect and j.get("success") is True and "data" in j and "timestamp" in j,
          "status %d body %s" % (status, body[:300]))
    return j


# --- seed 001 (OpenClaw API 集成指南) ---
s, b = curl("-X", "POST", BASE + "/api/v1/message", "-H", "Authorization: Bearer " + TOKEN,
            "-H", "Content-Type: application/json", "-d", '{\n    "text": "你好",\n    "session": "default"\n  }')
j = envelope("001 send message", s, b)
check("001 send message has text+usage", j is not None and j["data"].get("text") and "inputTokens" in j["data"]["usage"])

s, b = curl("-H", "Authorization: Bearer " + TOKEN, BASE + "/api/v1/status")
j = envelope("001 status", s, b)
check("001 status shape", j is not None and j["data"]["gateway"]["status"] == "running"
      and "available" in j["data"]["models"] and "total" in j["data"]["sessions"])

s, b = curl("-X", "POST", BASE + "/api/v1/message/stream", "-H", "Authorization: Bearer " + TOKEN,
            "-H", "Content-Type: application/json", "-d", '{"text": "写一首诗"}')
lines = [l[6:] for l in b.split("\n") if l.startswith("data: ")]
check("001 stream chunks then [DONE]", s == 200 and len(lines) >= 2 and lines[-1] == "[DONE]"
      and all("chunk" in json.loads(l) for l in lines[:-1]), b[:300])

s, b = curl(BASE + "/api/v1/sessions", "-H", "Authorization: Bearer " + TOKEN)
j = envelope("001 list sessions", s, b)
check("001 sessions have id/label/createdAt/messageCount", j is not None and any(
    x["id"] == "default" and "label" in x and "createdAt" in x and x["messageCount"] >= 2 for x in j["data"]["sessions"]))

s, b = curl("-X", "POST", BASE + "/api/v1/sessions", "-H", "Authorization: Bearer " + TOKEN,
            "-H", "Content-Type: application/json", "-d", '{"label": "项目讨论", "model": "qwen3.5-plus"}')
j = envelope("001 create session", s, b, 201)
sid = j["data"]["sessionId"] if j else "missing"
s, b = curl("-X", "DELETE", BASE + "/api/v1/sessions/" + sid, "-H", "Authorization: Bearer " + TOKEN)
j = envelope("001 delete session", s, b)
check("001 delete says deleted", j is not None and j["data"]["deleted"] is True)

s, b = curl(BASE + "/api/v1/config/gateway")  # as written: no token -> a well-formed 401 envelope
check("001 config without token is a 401 envelope", s == 401 and json.loads(b)["error"]["code"] == "UNAUTHORIZED", b)
s, b = curl(BASE + "/api/v1/config/gateway", "-H", "Authorization: Bearer " + TOKEN)
j = envelope("001 config gateway", s, b)
check("001 config has port/mode/bind", j is not None and {"port", "mode", "bind"} <= set(j["data"]))

# --- seed 002 (REST API + Webhook) ---
s, b = curl("-X", "POST", BASE + "/api/v1/chat", "-H", "Authorization: Bearer " + API_KEY,
            "-H", "Content-Type: application/json", "-d",
            '{\n"session_id": "user_123",\n"message": "帮我写个Python脚本",\n"context": {\n"model": "claude-3-5-sonnet",\n"temperature": 0.7\n}\n}')
j = envelope("002 chat", s, b)
check("002 chat fields", j is not None and all(k in j["data"] for k in ("id", "content", "model", "usage", "timestamp"))
      and "input_tokens" in j["data"]["usage"])
s, b = curl(BASE + "/api/v1/sessions/user_123", "-H", "Authorization: Bearer " + API_KEY)
j = envelope("002 get session", s, b)
check("002 session has messages", j is not None and len(j["data"]["messages"]) >= 2)

# --- seed 004 (API 使用指南) ---
s, b = curl("-X", "POST", BASE + "/api/v1/sessions", "-H", "Content-Type: application/json",
            "-H", "Authorization: Bearer " + TOKEN, "-d",
            '{\n    "model": "zai/glm-4.7-flash",\n    "messages": [\n      {"role": "user", "content": "Hello"}\n    ]\n  }')
j = envelope("004 create session with messages", s, b, 201)
check("004 sessionId/status/createdAt", j is not None and j["data"]["status"] == "active" and j["data"]["sessionId"]
      and j["data"]["createdAt"])
sid = j["data"]["sessionId"] if j else "missing"
s, b = curl("-X", "POST", BASE + "/api/v1/sessions/" + sid + "/messages", "-H", "Content-Type: application/json",
            "-H", "Authorization: Bearer " + TOKEN, "-d",
            '{"message": {"role": "user", "content": "Your message here"}}')
j = envelope("004 send message", s, b)
check("004 message+usage", j is not None and j["data"]["message"]["role"] == "assistant"
      and "promptTokens" in j["data"]["usage"] and "completionTokens" in j["data"]["usage"])
s, b = curl("-X", "GET", BASE + "/api/v1/system/status", "-H", "Authorization: Bearer " + TOKEN)
j = envelope("004 system status", s, b)
check("004 resources", j is not None and all(k in j["data"]["resources"] for k in ("tokenUsage", "contextUsage", "queueDepth")))

# seed 004's Python example, with the standard library's urllib in place of `requests` (no PyPI package needed;
# the request is the same: POST with these headers and this JSON body, the JSON answer returned)
import urllib.error  # noqa: E402
import urllib.request  # noqa: E402

API_URL = BASE + "/api/v1"


def send_message(messages):
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {API_KEY}"}
    payload = {"model": "zai/glm-4.7-flash", "messages": messages}
    request = urllib.request.Request(f"{API_URL}/sessions", data=json.dumps(payload).encode("utf-8"),
                                     headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as e:  # like requests: a 4xx/5xx answer still has a JSON body to return
        return json.loads(e.read().decode("utf-8"))


result = send_message([{"role": "user", "content": "Hello"}])
check("004 python send_message", result.get("success") is True and result["data"]["message"]["content"], json.dumps(result)[:300])

# --- seed 000 (OpenClaw 任务 API): the Python task example, urllib in place of `requests` ---
import time  # noqa: E402


def post_json(url, body, token):
    request = urllib.request.Request(url, data=json.dumps(body).encode("utf-8"), method="POST", headers={
        "Authorization": "Bearer " + token, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read().decode("utf-8"))


def get_json(url, token):
    request = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read().decode("utf-8"))


status, task = post_json(BASE + "/v1/tasks", {
    'name': '数据处理任务',
    'type': 'data-processing',
    'parameters': {'input_file': 'data.csv'}
}, TOKEN)
task_id = task.get('id')
check("000 python task created (response.json()['id'])", status == 201 and task_id and task.get("status") == "pending",
      json.dumps(task)[:300])
done = {}
for _ in range(300):
    _, done = get_json(BASE + "/v1/tasks/" + str(task_id), TOKEN)
    if done.get("status") in ("completed", "failed", "cancelled"):
        break
    time.sleep(0.1)
check("000 data-processing task completes over the workspace's data.csv", done.get("status") == "completed"
      and "workspace file data.csv" in json.dumps(done.get("result")), json.dumps(done)[:400])
status, other = post_json(BASE + "/v1/tasks", {"name": "翻译", "type": "translation",
                                               "parameters": {"text": "你好", "target": "en"}}, TOKEN)
check("000 a type without a handler runs as an agent task", status == 201 and other.get("id"), json.dumps(other)[:300])

# --- seed 003 (API v2): 消息操作 and 文件操作 ---
status, conv = post_json(BASE + "/v2/conversations", {"agentId": "main", "context": {"userId": "user-456"}}, TOKEN)
check("003 create conversation", status == 201 and conv.get("status") == "active", json.dumps(conv)[:300])
status, msg = post_json(BASE + "/v2/messages", {"conversationId": conv.get("id"), "content": "你好,请帮我分析数据",
                                                "stream": False}, TOKEN)
check("003 POST /v2/messages", status == 201 and msg.get("role") == "assistant", json.dumps(msg)[:300])
status, listed = get_json(BASE + "/v2/messages?conversationId=" + str(conv.get("id")) + "&role=user&limit=10", TOKEN)
check("003 GET /v2/messages filtered", status == 200 and len(listed.get("messages", [])) == 1, json.dumps(listed)[:300])
status, one = get_json(BASE + "/v2/messages/" + str(msg.get("id")), TOKEN)
check("003 GET /v2/messages/{id}", status == 200 and one.get("id") == msg.get("id"), json.dumps(one)[:300])
s, b = curl("-X", "POST", BASE + "/v2/files", "-H", "Authorization: Bearer " + TOKEN, "-F",
            "file=@" + sys.argv[4] + ";filename=data.csv")
f = json.loads(b) if b.startswith("{") else {}
check("003 curl -F upload to /v2/files", s == 201 and f.get("contentType") == "text/csv", b[:300])
status, files = get_json(BASE + "/v2/files?limit=20", TOKEN)
check("003 GET /v2/files", status == 200 and any(x["id"] == f.get("id") for x in files.get("files", [])), str(files)[:300])
status, sent = post_json(BASE + "/v2/conversations/" + str(conv.get("id")) + "/messages", {
    "content": "帮我分析这份报告", "attachments": [{"type": "file", "url": BASE + str(f.get("url"))}]}, TOKEN)
check("003 message with an attachment", status == 201, json.dumps(sent)[:300])


sys.exit(1 if failures else 0)

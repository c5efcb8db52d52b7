package ai.openclaw.it;

import static ai.openclaw.it.SeedExample.of;

import java.util.List;

/**
 * Every code example of the five seeds (issue 13): where each is printed and how {@link SeedDocumentExamplesTest}
 * runs it. {@link SeedDocumentExamplesTest#everyExampleOfTheSeedsIsCatalogued} fails when a seed line that starts
 * code (a curl, an import, a fetch, an openclaw command, …) lies outside every entry, so none is left out.
 */
final class SeedExampleCatalogue {
    private SeedExampleCatalogue() {
    }

    static final String PLACEHOLDER_TASK = "seed 000's JavaScript reads task_12345, a placeholder: the test creates a "
            + "task first and puts its id in place of task_12345 (a client cannot choose a task's id)";
    static final String NOT_INSTALLED = "installs an SDK from a public registry; the SDKs live in sdk/ of this "
            + "repository (README § SDKs) and the snippets using them run against sdk/ (SdkSnippetsTest)";

    static final List<SeedExample> ALL = List.of(
            // ---- seed 000: OpenClaw API参考文档 ----
            of("000-python-create-task", 0, "import requests", "print(f'任务创建成功: {task_id}')", "python",
                    "任务创建成功: task_\\w+\\s*"),
            of("000-js-task-status", 0, "// 获取任务状态", "console.log(`任务状态: ${task.status}`);", "node",
                    "任务状态: (pending|running|completed)\\s*").because(PLACEHOLDER_TASK),
            // ---- seed 001: OpenClaw API 集成指南 ----
            of("001-curl-send-message", 1, "# 发送消息", "}'", "curl", "200 POST /api/v1/message"),
            of("001-cli-token", 1, "# 查看当前 Token", "openclaw auth generate-token", "cli",
                    "test-gateway-token-0123456789", "\\S{32,}"),
            of("001-curl-status", 1, "# 在请求头中携带 Token", "http://localhost:18789/api/v1/status", "curl",
                    "200 GET /api/v1/status"),
            of("001-js-status", 1, "// JavaScript 示例", "});", "node", "(?s)200 \\{\"success\":true,\"data\":\\{\"gateway\".*"),
            of("001-js-stream", 1, "const response = await fetch('http://localhost:18789/api/v1/message/stream'",
                    "console.log(chunk);", "node", "(?s).*data: \\{\"chunk\":.*data: \\[DONE\\].*").plus(1),
            of("001-curl-full-example", 1, "curl -X POST http://localhost:18789/api/v1/message", "}'", "curl",
                    "200 POST /api/v1/message").at(2),
            of("001-curl-config-as-written", 1, "# 获取网关配置", "curl http://localhost:18789/api/v1/config/gateway",
                    "curl", "401").because("seed 001's config example sends no token: as written it gets the 401 "
                    + "UNAUTHORIZED envelope; config is the operator's (it shows the gateway's settings)"),
            of("001-curl-config-with-token", 1, "# 获取网关配置", "curl http://localhost:18789/api/v1/config/gateway",
                    "curl+token", "200 GET /api/v1/config/:path").because("the same with the operator token added"),
            of("001-npm-install", 1, "npm install openclaw-sdk", "npm install openclaw-sdk", "not-run")
                    .because(NOT_INSTALLED),
            of("001-js-sdk", 1, "const OpenClaw = require('openclaw-sdk');", "process.stdout.write(chunk);",
                    "copy:seed001_js.js").plus(1),
            of("001-pip-install", 1, "pip install openclaw-sdk", "pip install openclaw-sdk", "not-run")
                    .because(NOT_INSTALLED),
            of("001-python-sdk", 1, "from openclaw import OpenClaw", "print(memory.content)",
                    "copy:seed001_python.py"),
            of("001-curl-collection", 1, "# 1. 发送消息", "# 5. 获取状态", "curl", "200 POST /api/v1/message",
                    "200 sse", "200 GET /api/v1/sessions", "200 GET /api/v1/memory/search", "200 GET /api/v1/status")
                    .plus(2),
            of("001-html-chat", 1, "<!DOCTYPE html>", "</html>", "elsewhere:ControlUiBrowserTest"),
            of("001-js-token-advice", 1, "// ✅", "const token = 'sk-123456';", "not-run").because("seed 001's token "
                    + "advice is two alternatives, not a program (it declares const token twice, a SyntaxError)"),
            of("001-js-error-handling", 1, "try {", "console.error('未知错误:', error);",
                    "copy:seed001_js_errors.js").plus(2).because("the error-handling example uses a client it does "
                    + "not create; the copy creates one with a wrong token, so the 401 branch runs"),
            // ---- seed 002: REST API + Webhook ----
            of("002-config-api", 2, "# ~/.openclaw/config.yaml", "burst: 10", "config:api"),
            of("002-key-generate", 2, "# 生成随机密钥", "# 输出: oc_api_sk_abc123...", "cli", "[0-9a-f]{64}",
                    "oc_api_sk_\\w{20,}"),
            of("002-curl-chat", 2, "# 请求示例", "}'", "curl", "200 002-response"),
            of("002-curl-session", 2, "curl http://localhost:3000/api/v1/sessions/user_123",
                    "-H \"Authorization: Bearer oc_api_sk_xxx\"", "curl", "200"),
            of("002-curl-spawn", 2, "curl -X POST http://localhost:3000/api/v1/agents/spawn", "}'", "curl", "202"),
            of("002-config-webhooks", 2, "# ~/.openclaw/config.yaml", "events: [\"system.error\"", "config:webhooks")
                    .at(2).plus(1),
            of("002-webhook-payload", 2, "\"event\": \"message.received\",", "\"signature\": \"sha256=xxx\"",
                    "payload").plus(1),
            of("002-python-sdk", 2, "from openclaw import OpenClawClient", "result = sub_agent.wait_for_completion()",
                    "copy:seed002_python.py").because("the page lost the Python indentation; the copy restores it"),
            of("002-js-sdk", 2, "const { OpenClawClient } = require('openclaw-sdk');", "process.stdout.write(",
                    "copy:seed002_js.js").plus(1),
            of("002-go-sdk", 2, "package main", "fmt.Println(resp.Content)", "copy:seed002_go.go").plus(1)
                    .because("Go refuses the unused err the example declares; the copy adds _ = err"),
            of("002-python-verify", 2, "import hmac", "return hmac.compare_digest", "elsewhere:WebhookTest")
                    .because("the page lost the indentation; SeedSnippets runs it, re-indented, over real deliveries"),
            // ---- seed 003: API v2 ----
            of("003-curl-bearer", 3, "# Bearer Token", "https://api.openclaw.ai/v2/agents", "curl", "200"),
            of("003-curl-api-key", 3, "# API Key", "https://api.openclaw.ai/v2/agents", "curl", "200"),
            of("003-js-stream", 3, "const response = await fetch('/v2/conversations/conv-789/messages', {",
                    "console.log(chunk);", "node", "(?s).*data: .*").plus(1).because("seed 003's stream example "
                    + "fetches a relative URL with no credentials from conversation conv-789: the test prefixes the "
                    + "host, adds the Authorization header and uses a conversation it created"),
            of("003-js-verify", 3, "const crypto = require('crypto');", "return signature === `sha256=",
                    "elsewhere:WebhookTest").plus(1).because("SeedSnippets runs it over real deliveries"),
            of("003-pip-install", 3, "pip install openclaw-sdk", "pip install openclaw-sdk", "not-run")
                    .because(NOT_INSTALLED),
            of("003-python-sdk", 3, "from openclaw import Client", "print(chunk.content, end=\"\")",
                    "copy:seed003_python.py").because("the page lost the Python indentation; the copy restores it"),
            of("003-npm-install", 3, "npm install @openclaw/sdk", "npm install @openclaw/sdk", "not-run")
                    .because(NOT_INSTALLED),
            of("003-ts-sdk", 3, "import { OpenClaw } from '@openclaw/sdk';", "process.stdout.write(chunk.content);",
                    "copy:seed003_ts.mjs").plus(1),
            of("003-go-get", 3, "go get github.com/openclaw/go-sdk", "go get github.com/openclaw/go-sdk", "not-run")
                    .because(NOT_INSTALLED),
            of("003-go-sdk", 3, "package main", "fmt.Println(resp.Content)", "copy:seed003_go.go").plus(1),
            of("003-cli-migrate", 3, "# 检查兼容性", "openclaw api migrate --from v1 --to v2", "cli", "(?s).+",
                    "(?s).+"),
            // ---- seed 004: API 使用指南 ----
            of("004-curl", 4, "# 发送消息", "# 检查系统状态", "curl", "201 POST /api/v1/sessions",
                    "200 GET /api/v1/system/status").plus(2),
            of("004-python", 4, "import requests", "print(json.dumps(result, indent=2))", "python",
                    "(?s)\\{\\s*\"success\": true,.*\"sessionId\".*"),
            of("004-js-axios", 4, "const axios = require('axios');", "]).then(result => console.log(result));",
                    "node", "(?s).*success: true.*sessionId.*"));
}

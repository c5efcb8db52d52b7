#!/usr/bin/env python3
"""Prints OpenAPI path-item skeletons (YAML) for routes missing from the document.

Usage: scripts/openapi/skeleton.py ROUTES_FILE [openapi.yaml]
ROUTES_FILE holds one "METHOD path" a line, as Gateway.routes() returns them (OpenApiTest writes the current list
to openclaw-it/target/openapi-routes.txt). Javalin's <id> / {id} both become {id}. Routes already documented are
skipped; paste the output under `paths:` and fill in summaries and schemas. Standard library only.
"""
import re
import sys

DIALECTS = [  # (prefix test, tag, error response ref)
    (lambda p: p in ("/graphql", "/v2/graphql"), "graphql", "GraphqlError"),
    (lambda p: p == "/mcp", "mcp", "McpError"),
    (lambda p: p.startswith("/api/"), "gateway-v1", "GatewayError"),
    (lambda p: p == "/v1/messages" or p.startswith("/v1/messages/"), "anthropic", "AnthropicError"),
    (lambda p: p.startswith(("/v1/chat/", "/v1/models", "/v1/embeddings", "/v1/completions", "/v1/responses")),
     "openai", "OpenAiError"),
    (lambda p: p.startswith("/v2/"), "v2", "TasksError"),
    (lambda p: p.startswith("/v1/"), "tasks-v1", "TasksError"),
    (lambda p: True, "system", "TasksError"),
]


def norm(path):
    return re.sub(r"<([^>]+)>", r"{\1}", path)


def dialect(path):
    for test, tag, err in DIALECTS:
        if test(path):
            return tag, err


def documented(yaml_text):
    out, path = set(), None
    for line in yaml_text.splitlines():
        m = re.match(r"^  (/\S*):\s*$", line)
        if m:
            path = m.group(1)
            continue
        m = re.match(r"^    (get|post|put|patch|delete|head|options):", line)
        if m and path:
            out.add(m.group(1).upper() + " " + path)
    return out


def main():
    routes = [l.split(" ", 1) for l in open(sys.argv[1]).read().split("\n") if l.strip()]
    have = documented(open(sys.argv[2]).read()) if len(sys.argv) > 2 else set()
    by_path = {}
    for method, path in routes:
        if method in ("HEAD", "OPTIONS") or f"{method} {norm(path)}" in have:
            continue
        by_path.setdefault(norm(path), []).append(method)
    for path, methods in sorted(by_path.items()):
        tag, err = dialect(path)
        print(f"  {path}:")
        for name in re.findall(r"{([^}]+)}", path):
            print("    parameters:")
            print(f"      - {{name: {name}, in: path, required: true, schema: {{type: string}}}}")
        for m in methods:
            op = re.sub(r"[^A-Za-z0-9]+", "_", f"{m.lower()}{path}").strip("_")
            print(f"    {m.lower()}:")
            print(f"      tags: [{tag}]")
            print(f"      operationId: {op}")
            print(f"      summary: TODO")
            if m in ("POST", "PUT", "PATCH"):
                print("      requestBody:")
                print("        content: {application/json: {schema: {type: object}}}")
            print("      responses:")
            print("        '200': {description: OK, content: {application/json: {schema: {type: object}}}}")
            print(f"        default: {{$ref: '#/components/responses/{err}'}}")


if __name__ == "__main__":
    main()

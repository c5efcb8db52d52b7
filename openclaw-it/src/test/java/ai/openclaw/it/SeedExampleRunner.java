package ai.openclaw.it;

import ai.openclaw.testkit.ExternalProcess;
import ai.openclaw.testkit.FakeWebSite;
import ai.openclaw.testkit.SeedDocuments;
import ai.openclaw.testkit.SeedDocuments.Operation;
import ai.openclaw.testkit.SeedDocuments.Snippet;
import ai.openclaw.testkit.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one seed example ({@link SeedExample}) as written, with only the host and the token changed (and the
 * placeholders {@link SeedDifferences} lists), and says how its answers differ from what the seed documents.
 */
final class SeedExampleRunner {
    private static final Pattern STATUS = Pattern.compile("\n?@@HTTP (\\d{3})\n");
    private final SeedDocuments seeds;
    private final TestGateway gw;
    private final FakeWebSite site;
    private final String apiKey;
    private final Path tmp;

    SeedExampleRunner(SeedDocuments seeds, TestGateway gw, FakeWebSite site, String apiKey, Path tmp) {
        this.seeds = seeds;
        this.gw = gw;
        this.site = site;
        this.apiKey = apiKey;
        this.tmp = tmp;
    }

    /**
     * The example's text with the test's host, token and key in place of the seed's: the gateway token for
     * {@code YOUR_TOKEN}, {@code YOUR_API_TOKEN} and seed 004's {@code YOUR_API_KEY} (its system status shows the
     * instance-wide resources, which only the operator's credentials see), a generated API key for seed 002's
     * {@code oc_api_sk_xxx} and seed 003's {@code X-API-Key: YOUR_API_KEY}.
     */
    String supplied(String text, int seed) {
        return SeedDifferences.hosts(text, gw.baseUrl(), site).replace("YOUR_API_TOKEN", TestGateway.TOKEN)
                .replace("YOUR_TOKEN", TestGateway.TOKEN).replace("YOUR_API_KEY", seed == 4 ? TestGateway.TOKEN : apiKey)
                .replace("oc_api_sk_xxx", apiKey);
    }

    /** The problems found (empty: it answers as documented), or null when its toolchain is missing. */
    List<String> run(SeedExample e, Snippet s) throws IOException {
        return switch (e.kind()) {
            case "curl", "curl+token" -> curl(e, s);
            case "node" -> node(e, s);
            case "python" -> python(e, s);
            default -> throw new IllegalArgumentException(e.kind());
        };
    }

    private List<String> curl(SeedExample e, Snippet s) throws IOException {
        if (!ExternalProcess.available("curl", "--version")) {
            return null;
        }
        String script = supplied(s.text(), e.seed());
        if (e.kind().equals("curl+token")) {
            script = script.replace("curl ", "curl -H \"Authorization: Bearer " + TestGateway.TOKEN + "\" ");
        }
        Path home = Files.createDirectories(tmp.resolve("curl-" + e.id()));
        // the write-out marks where each command's answer ends; the commands themselves run as printed
        Files.writeString(home.resolve(".curlrc"), "silent\nshow-error\nmax-time = 120\n"
                + "write-out = \"\\n@@HTTP %{http_code}\\n\"\n", StandardCharsets.UTF_8);
        Path file = Files.writeString(home.resolve("example.sh"), script, StandardCharsets.UTF_8);
        ExternalProcess p = ExternalProcess.run(List.of("bash", file.toString()), home,
                Map.of("CURL_HOME", home.toString(), "HOME", home.toString()), 300);
        List<String> problems = new ArrayList<>();
        Matcher m = STATUS.matcher(p.output());
        List<String> bodies = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        int from = 0;
        while (m.find()) {
            bodies.add(p.output().substring(from, m.start()).strip());
            statuses.add(Integer.parseInt(m.group(1)));
            from = m.end();
        }
        if (statuses.size() != e.expect().size()) {
            return List.of("expected " + e.expect().size() + " answers, got " + statuses.size() + ": "
                    + abbreviate(p.output()));
        }
        for (int i = 0; i < statuses.size(); i++) {
            problems.addAll(answer(e, e.expect().get(i), statuses.get(i), bodies.get(i)));
        }
        return problems;
    }

    /** Checks one HTTP answer against {@code STATUS [sse | METHOD PATH | 002-response]}. */
    List<String> answer(SeedExample e, String expect, int status, String body) {
        String[] w = expect.split(" ", 2);
        List<String> problems = new ArrayList<>();
        if (status != Integer.parseInt(w[0])) {
            problems.add("status " + status + " (documented " + w[0] + "): " + abbreviate(body));
            return problems;
        }
        if (w.length == 1 || w[1].equals("sse")) {
            if (w.length > 1 && !(body.contains("data: {\"chunk\":") && body.strip().endsWith("data: [DONE]"))) {
                problems.add("not seed 001's SSE chunks and [DONE]: " + abbreviate(body));
            } else if (w.length == 1 && !body.startsWith("{")) {
                problems.add("not JSON: " + abbreviate(body));
            }
            return problems;
        }
        JsonNode documented = documented(e.seed(), w[1]);
        JsonNode actual;
        try {
            actual = SeedDocuments.json(body);
        } catch (IllegalArgumentException ex) {
            return List.of("not JSON: " + abbreviate(body));
        }
        if (!documented.has("success") && actual.path("success").asBoolean() && actual.has("data")) {
            actual = actual.get("data"); // the documented object is the data of the gateway's v1 envelope
        }
        List<String> missing = SeedDocuments.missingPaths(documented, actual);
        if (!missing.isEmpty()) {
            problems.add("lacks documented fields " + missing + ": " + abbreviate(body));
        }
        return problems;
    }

    /** The response example of the seed's endpoint {@code METHOD PATH} (or seed 002's "# 响应" example). */
    JsonNode documented(int seed, String endpoint) {
        if (endpoint.equals("002-response")) {
            return SeedDocuments.json(seeds.jsonAfter(2, seeds.snippet(2, "# 响应", 1, "# 响应").from()).text());
        }
        for (Operation op : seeds.operations(seed)) {
            if ((op.method() + " " + op.path()).equals(endpoint) && op.response() != null) {
                return SeedDocuments.json(op.response());
            }
        }
        throw new IllegalStateException("seed " + seed + " documents no response for " + endpoint);
    }

    private List<String> node(SeedExample e, Snippet s) throws IOException {
        if (!SdkToolchains.node()) {
            return null;
        }
        Path dir = Files.createDirectories(tmp.resolve("node-" + e.id()));
        String code = supplied(s.text(), e.seed());
        Path npm = Path.of("target/npm/node_modules").toAbsolutePath();
        if (code.contains("require('axios')")) {
            if (!Files.isDirectory(npm.resolve("axios"))) {
                System.out.println("[SKIP] " + e.id() + ": the axios npm package is not installed (scripts/deps.d/"
                        + "seeds.sh; ./scripts/test-deps.sh installs it into openclaw-it/target/npm)");
                return null;
            }
            Files.createSymbolicLink(dir.resolve("node_modules"), npm);
        }
        code = SeedDifferences.placeholders(e, code, gw);
        if (e.id().equals("001-js-status")) {
            // the example stops at the answer; print it so the test can check it
            code += "console.log(response.status + ' ' + JSON.stringify(await response.json()));\n";
        }
        code = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);\n" + code;
        Path file = Files.writeString(dir.resolve("example.mjs"), code, StandardCharsets.UTF_8);
        ExternalProcess p = ExternalProcess.run(List.of("node", file.toString()), dir,
                Map.of("OPENCLAW_TOKEN", TestGateway.TOKEN), 180);
        return output(e, p);
    }

    private List<String> python(SeedExample e, Snippet s) throws IOException {
        if (!SdkToolchains.python()) {
            return null;
        }
        Path dir = Files.createDirectories(tmp.resolve("python-" + e.id()));
        Map<String, String> env = new HashMap<>();
        env.put("PYTHONIOENCODING", "utf-8");
        if (!ExternalProcess.available("python3", "-c", "import requests")) {
            // PyPI's requests is not installed: the standard-library stand-in answers the same calls
            env.put("PYTHONPATH", SeedDocuments.writeRequestsShim(dir.resolve("shim")).toString());
        }
        Path file = Files.writeString(dir.resolve("example.py"), supplied(s.text(), e.seed()), StandardCharsets.UTF_8);
        ExternalProcess p = ExternalProcess.run(List.of("python3", file.toString()), dir, env, 180);
        return output(e, p);
    }

    private static List<String> output(SeedExample e, ExternalProcess p) {
        if (p.exit() != 0) {
            return List.of("exit " + p.exit() + ": " + abbreviate(p.output()));
        }
        if (!Pattern.compile(e.expect().getFirst()).matcher(p.output()).matches()) {
            return List.of("output does not match /" + e.expect().getFirst() + "/: " + abbreviate(p.output()));
        }
        return List.of();
    }

    /** A command line split as a POSIX shell would (quotes removed). */
    static List<String> shellWords(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(line);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return out;
    }

    static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }
}

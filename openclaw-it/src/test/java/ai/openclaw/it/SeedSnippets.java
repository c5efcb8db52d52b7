package ai.openclaw.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs the seeds' own signature checks: seed 002's Python {@code verify_webhook} and seed 003's JS
 * {@code verifySignature}, verbatim, on a received body. Returns null when the interpreter is not installed.
 */
final class SeedSnippets {
    private static final String PYTHON = """
            import hmac
            import hashlib
            import sys
            def verify_webhook(payload, signature, secret):
                expected = hmac.new(
                    secret.encode(),
                    payload.encode(),
                    hashlib.sha256
                ).hexdigest()
                return hmac.compare_digest(f"sha256={expected}", signature)
            body = open(sys.argv[1], encoding="utf-8").read()
            print("ok" if verify_webhook(body, sys.argv[2], sys.argv[3]) else "bad")
            """;
    private static final String JS = """
            const crypto = require('crypto');
            function verifySignature(payload, signature, secret) {
            const expectedSignature = crypto
            .createHmac('sha256', secret)
            .update(JSON.stringify(payload))
            .digest('hex');
            return signature === `sha256=${expectedSignature}`;
            }
            const body = require('fs').readFileSync(process.argv[2], 'utf8');
            console.log(verifySignature(JSON.parse(body), process.argv[3], process.argv[4]) ? "ok" : "bad");
            """;

    private SeedSnippets() {
    }

    /** "ok"/"bad" from the Python snippet, or null without python3. */
    static String python(String body, String signature, String secret) {
        return run("python3", PYTHON, ".py", body, signature, secret);
    }

    /** "ok"/"bad" from the JS snippet, or null without node. */
    static String node(String body, String signature, String secret) {
        return run("node", JS, ".js", body, signature, secret);
    }

    private static String run(String exe, String script, String ext, String body, String signature, String secret) {
        try {
            Path dir = Files.createTempDirectory("seed-snippet");
            Path s = Files.writeString(dir.resolve("verify" + ext), script, StandardCharsets.UTF_8);
            Path b = Files.writeString(dir.resolve("body.json"), body, StandardCharsets.UTF_8);
            Process p;
            try {
                p = new ProcessBuilder(exe, s.toString(), b.toString(), signature, secret).redirectErrorStream(true)
                        .start();
            } catch (IOException e) {
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package ai.openclaw.it;

import ai.openclaw.testkit.ExternalProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Which SDK toolchains this machine has (checked once), and the skip messages when one is missing. */
final class SdkToolchains {
    static final String PYTHON_MISSING = "python3 (3.9+) is not installed: skipping the Python SDK";
    static final String NODE_MISSING = "node 18+ is not installed: skipping the JavaScript/TypeScript SDK";
    static final String GO_MISSING = "go is not installed (scripts/deps.d/sdk.sh installs Debian's golang-go): "
            + "skipping the Go SDK";
    private static Boolean python;
    private static Boolean node;
    private static Boolean go;

    private SdkToolchains() {
    }

    static synchronized boolean python() {
        if (python == null) {
            python = ExternalProcess.available("python3", "-c", "import sys; sys.exit(0 if sys.version_info >= (3, 9) else 1)");
            report(python, PYTHON_MISSING);
        }
        return python;
    }

    static synchronized boolean node() {
        if (node == null) {
            node = ExternalProcess.available("node", "-e",
                    "process.exit(Number(process.versions.node.split('.')[0]) >= 18 ? 0 : 1)");
            report(node, NODE_MISSING);
        }
        return node;
    }

    static synchronized boolean go() {
        if (go == null) {
            go = ExternalProcess.available("go", "version");
            report(go, GO_MISSING);
        }
        return go;
    }

    /** Environment for {@code go}: no network (the SDK is standard library only), caches under target/. */
    static Map<String, String> goEnv(Path tmp) {
        Path target = Path.of("target").toAbsolutePath();
        return Map.of("GOFLAGS", "-mod=mod", "GOPROXY", "off", "GOSUMDB", "off", "GOTOOLCHAIN", "local",
                "GOCACHE", target.resolve("go-cache").toString(), "GOPATH", target.resolve("go-path").toString(),
                "GOWORK", "off");
    }

    static List<String> all() {
        return List.of(python() ? "python3" : "-", node() ? "node" : "-", go() ? "go" : "-");
    }

    private static void report(boolean present, String message) {
        if (!present) {
            System.out.println("[SKIP] " + message);
        }
    }
}

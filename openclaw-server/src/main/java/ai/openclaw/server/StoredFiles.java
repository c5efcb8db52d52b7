package ai.openclaw.server;

import ai.openclaw.config.GatewayConfig;
import ai.openclaw.config.StatePaths;
import ai.openclaw.file.FileService;
import ai.openclaw.file.FileSettings;
import ai.openclaw.store.Database;
import ai.openclaw.store.TikaFileContent;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * Wires {@link FileService} from config: bytes under the state dir's {@code files/}, rows in the database, Tika for
 * types and text, and the {@code web_fetch} private-target rule for fetched URLs.
 *
 * <pre>
 * files: { maxBytes: 20971520, maxTextChars: 200000, contextChars: 20000, fetchTimeoutSeconds: 30 }
 * </pre>
 */
final class StoredFiles {
    private StoredFiles() {
    }

    static FileService open(GatewayConfig config, StatePaths paths, Database db, Clock clock) {
        JsonNode f = config.tree().path("files");
        FileSettings d = FileSettings.DEFAULTS;
        boolean allowPrivate = config.tree().path("tools").path("webFetch").path("allowPrivateTargets").asBoolean(false);
        FileSettings settings = new FileSettings(f.path("maxBytes").asLong(d.maxBytes()),
                f.path("maxTextChars").asInt(d.maxTextChars()), f.path("contextChars").asInt(d.contextChars()),
                allowPrivate, Duration.ofSeconds(f.path("fetchTimeoutSeconds").asLong(d.fetchTimeout().toSeconds())));
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        return FileService.create(paths.stateDir().resolve("files"), db.fileStore(), new TikaFileContent(), settings,
                http, clock);
    }
}

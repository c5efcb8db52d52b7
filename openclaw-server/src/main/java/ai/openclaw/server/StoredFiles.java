package ai.openclaw.server;

import ai.openclaw.config.GatewayConfig;
import ai.openclaw.config.StatePaths;
import ai.openclaw.file.FileService;
import ai.openclaw.file.FileSettings;
import ai.openclaw.llm.Role;
import ai.openclaw.session.Attachment;
import ai.openclaw.session.Attachments;
import ai.openclaw.session.ConversationService;
import ai.openclaw.session.Message;
import ai.openclaw.session.MessageQuery;
import ai.openclaw.store.Database;
import ai.openclaw.tool.ConversationFiles;
import java.util.List;
import java.util.Optional;
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

    /**
     * The files attached to a session's user messages, for {@code file_read}: the latest attachment whose file id
     * or name is {@code ref}.
     */
    static ConversationFiles attachments(ConversationService conversations, FileService files) {
        return (sessionId, ownerFilter, ref) -> {
            List<Message> users;
            try {
                users = conversations.findMessages(new MessageQuery(sessionId, Role.USER, null, 1000), ownerFilter);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
            for (int i = users.size() - 1; i >= 0; i--) {
                for (Attachment a : Attachments.of(users.get(i)).attachments()) {
                    if (a.fileId().equals(ref) || a.name().equals(ref)) {
                        try {
                            return Optional.of(new ConversationFiles.AttachedFile(a.fileId(), a.name(),
                                    a.contentType(), a.size(), files.text(a.fileId(), ownerFilter)));
                        } catch (RuntimeException e) {
                            return Optional.empty();
                        }
                    }
                }
            }
            return Optional.empty();
        };
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

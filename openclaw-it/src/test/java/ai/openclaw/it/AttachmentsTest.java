package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.FileUploads;
import ai.openclaw.testkit.GatewayExtension;
import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.SampleDocuments;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.fake.FakeReply;
import ai.openclaw.testkit.fake.FakeToolCall;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Seed 003 message {@code attachments} over real sockets: a file's extracted text reaches the model, the attachment
 * is stored with the message and shown in its history, {@code file_read} reads it as {@code attachments/<name>}, and
 * bad attachments (unknown ids, private URLs, non-images as images) are clear errors that store nothing.
 */
class AttachmentsTest {
    @RegisterExtension
    static final GatewayExtension env = GatewayExtension.withConfig(fake -> TestGateway.providerConfig(
            fake.openAiBaseUrl(), null) + "agents: { toolsByDefault: true }\n");

    private static String conversation() {
        return env.gateway().post("/v2/conversations", "{}").json().path("id").asText();
    }

    private static String uploadPdf() {
        HttpResult up = FileUploads.upload(env.gateway(), "report.pdf",
                SampleDocuments.pdf("Net profit rose to 17 million in Q3"));
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        return up.json().path("id").asText();
    }

    @Test
    void extractedTextReachesTheModelAndTheAttachmentIsInTheHistory() {
        String fileId = uploadPdf();
        String conv = conversation();
        env.fake().enqueue(FakeReply.text("利润是 1700 万"));
        HttpResult sent = env.gateway().post("/v2/conversations/" + conv + "/messages", "{\"content\": \"帮我分析这份报告\", "
                + "\"attachments\": [{\"type\": \"file\", \"fileId\": \"" + fileId + "\"}]}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String upstream = env.fake().lastRequest().json().path("messages").toString();
        assertThat(upstream).contains("帮我分析这份报告").contains("Net profit rose to 17 million").contains("report.pdf");

        JsonNode history = env.gateway().get("/v2/conversations/" + conv + "/messages").json().path("messages");
        JsonNode user = history.get(0);
        assertThat(user.path("content").asText()).isEqualTo("帮我分析这份报告");
        assertThat(user.at("/attachments/0/fileId").asText()).isEqualTo(fileId);
        assertThat(user.at("/attachments/0/name").asText()).isEqualTo("report.pdf");
        assertThat(user.at("/attachments/0/contentType").asText()).isEqualTo("application/pdf");
        assertThat(env.gateway().get("/v2/messages/" + user.path("id").asText()).json().at("/attachments/0/fileId")
                .asText()).isEqualTo(fileId);
        // the other dialects show the user's text, not the stored form
        assertThat(env.gateway().get("/api/v1/sessions/" + conv + "/messages").body()).contains("帮我分析这份报告")
                .doesNotContain("\\\"attachments\\\"");

        // later turns still give the model the file's text (it is part of the conversation)
        env.fake().enqueue(FakeReply.text("好的"));
        env.gateway().post("/v2/messages", "{\"conversationId\": \"" + conv + "\", \"content\": \"再总结一下\"}");
        assertThat(env.fake().lastRequest().json().path("messages").toString()).contains("Net profit rose");
    }

    @Test
    void imagesReachTheModelAsImageParts() {
        byte[] png = SampleDocuments.png();
        HttpResult up = FileUploads.upload(env.gateway(), "chart.png", png);
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        assertThat(up.json().path("contentType").asText()).isEqualTo("image/png");
        String conv = conversation();
        env.fake().enqueue(FakeReply.text("一个红色方块"));
        HttpResult sent = env.gateway().post("/v2/messages", "{\"conversationId\": \"" + conv + "\", \"content\": "
                + "\"图里是什么\", \"attachments\": [{\"type\": \"image\", \"url\": \"" + up.json().path("url").asText()
                + "\"}]}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        JsonNode user = env.fake().lastRequest().json().path("messages");
        JsonNode last = user.get(user.size() - 1);
        assertThat(last.path("content").isArray()).as(last.toString()).isTrue();
        assertThat(last.at("/content/0/type").asText()).isEqualTo("text");
        assertThat(last.at("/content/0/text").asText()).contains("图里是什么").contains("chart.png");
        assertThat(last.at("/content/1/type").asText()).isEqualTo("image_url");
        assertThat(last.at("/content/1/image_url/url").asText()).isEqualTo("data:image/png;base64,"
                + java.util.Base64.getEncoder().encodeToString(png));
        JsonNode stored = env.gateway().get("/v2/messages?conversationId=" + conv + "&role=user").json()
                .at("/messages/0");
        assertThat(stored.at("/attachments/0/type").asText()).isEqualTo("image");
        assertThat(stored.toString()).doesNotContain("base64");
    }

    @Test
    void fileReadReadsTheConversationsAttachments() {
        String fileId = uploadPdf();
        String conv = conversation();
        env.fake().enqueue(FakeReply.text("收到"));
        assertThat(env.gateway().post("/v2/messages", "{\"conversationId\": \"" + conv + "\", \"content\": \"存档\", "
                + "\"attachments\": [{\"fileId\": \"" + fileId + "\"}]}").status()).isEqualTo(201);
        env.fake().enqueue(FakeReply.toolCalls(List.of(FakeToolCall.of("file_read",
                "{\"path\": \"attachments/report.pdf\"}"))));
        env.fake().enqueue(FakeReply.echoToolResult());
        HttpResult r = env.gateway().post("/v2/messages", "{\"conversationId\": \"" + conv + "\", \"content\": "
                + "\"读一下附件\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String transcript = env.gateway().get("/v2/messages?conversationId=" + conv + "&role=tool").json().toString();
        assertThat(transcript).contains("Net profit rose to 17 million").contains(fileId);

        // another conversation's attachments are not readable from here
        String other = conversation();
        env.fake().enqueue(FakeReply.toolCalls(List.of(FakeToolCall.of("file_read",
                "{\"path\": \"attachments/report.pdf\"}"))));
        env.fake().enqueue(FakeReply.echoToolResult());
        env.gateway().post("/v2/messages", "{\"conversationId\": \"" + other + "\", \"content\": \"读一下附件\"}");
        String otherTranscript = env.gateway().get("/v2/messages?conversationId=" + other + "&role=tool").json()
                .toString();
        assertThat(otherTranscript).doesNotContain("Net profit").contains("not found");
    }

    @Test
    void badAttachmentsAreClearErrorsAndStoreNothing() {
        String conv = conversation();
        long files = env.gateway().get("/v2/files").json().at("/pagination/total").asLong();
        String[] bodies = {
            "[{\"type\": \"file\", \"url\": \"http://127.0.0.1:8080/internal.pdf\"}]",
            "[{\"type\": \"file\", \"url\": \"http://10.1.2.3/x.pdf\"}]",
            "[{\"fileId\": \"file_doesnotexist0000000\"}]",
            "[{\"type\": \"file\"}]",
            "[{\"type\": \"video\", \"url\": \"https://example.com/a.mp4\"}]",
            "[\"https://example.com/a.pdf\"]",
        };
        int[] statuses = {400, 400, 404, 400, 400, 400};
        String[] mentions = {"attachments[0].url", "attachments[0].url", "attachments[0]", "attachments[0]",
            "attachments[0].type", "attachments[0]"};
        for (int i = 0; i < bodies.length; i++) {
            HttpResult r = env.gateway().post("/v2/conversations/" + conv + "/messages", "{\"content\": \"看看\", "
                    + "\"attachments\": " + bodies[i] + "}");
            assertThat(r.status()).as(bodies[i] + " → " + r.body()).isEqualTo(statuses[i]);
            assertThat(r.json().at("/error/message").asText()).as(bodies[i]).contains(mentions[i]);
        }
        String pdf = uploadPdf();
        HttpResult notImage = env.gateway().post("/v2/conversations/" + conv + "/messages", "{\"content\": \"看图\", "
                + "\"attachments\": [{\"type\": \"image\", \"fileId\": \"" + pdf + "\"}]}");
        assertThat(notImage.status()).isEqualTo(400);
        assertThat(notImage.json().at("/error/message").asText()).contains("image").contains("application/pdf");

        assertThat(env.gateway().get("/v2/conversations/" + conv).json().path("messageCount").asInt()).isZero();
        assertThat(env.gateway().get("/v2/files").json().at("/pagination/total").asLong()).isEqualTo(files + 1);
    }

    @Test
    void aFetchedAttachmentIsStoredAndRemovedAgainWhenTheTurnFails() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] md = SampleDocuments.utf8("# Plan\n\nShip the gateway on Friday.\n");
        server.createContext("/plan.md", ex -> {
            ex.sendResponseHeaders(200, md.length);
            ex.getResponseBody().write(md);
            ex.close();
        });
        server.start();
        try (var fake = ai.openclaw.testkit.fake.FakeProvider.start();
             TestGateway gw = TestGateway.start(TestGateway.providerConfig(fake.openAiBaseUrl(), null)
                     + "tools: { webFetch: { allowPrivateTargets: true } }\n")) {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/plan.md";
            String conv = gw.post("/v2/conversations", "{}").json().path("id").asText();
            fake.enqueue(FakeReply.text("周五发布"));
            HttpResult ok = gw.post("/v2/conversations/" + conv + "/messages", "{\"content\": \"计划是什么\", "
                    + "\"attachments\": [{\"type\": \"file\", \"url\": \"" + url + "\"}]}");
            assertThat(ok.status()).as(ok.body()).isEqualTo(201);
            assertThat(fake.lastRequest().json().path("messages").toString()).contains("Ship the gateway on Friday");
            JsonNode user = gw.get("/v2/conversations/" + conv + "/messages").json().at("/messages/0");
            assertThat(user.at("/attachments/0/url").asText()).isEqualTo(url);
            assertThat(user.at("/attachments/0/contentType").asText()).isEqualTo("text/markdown");
            assertThat(gw.get("/v2/files").json().at("/pagination/total").asLong()).isEqualTo(1);

            fake.enqueue(FakeReply.error(500, "provider down"));
            HttpResult failed = gw.post("/v2/conversations/" + conv + "/messages", "{\"content\": \"再看\", "
                    + "\"attachments\": [{\"type\": \"file\", \"url\": \"" + url + "\"}]}");
            assertThat(failed.status()).isEqualTo(502);
            assertThat(gw.get("/v2/files").json().at("/pagination/total").asLong()).isEqualTo(1);
        } finally {
            server.stop(0);
        }
    }
}

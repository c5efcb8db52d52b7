package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.FileUploads;
import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.SampleDocuments;
import ai.openclaw.testkit.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 003 {@code /v2/files} over real sockets: multipart uploads of real PDF/DOCX/XLSX/PPTX/HTML/Markdown/CSV files
 * with their text extracted and their type detected from the bytes, fetching a URL, listing, download, delete,
 * ownership, and bad input (oversized, disguised, unknown ids, private URLs) that leaves nothing stored.
 */
class FilesApiTest {
    static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = TestGateway.start("files: { maxBytes: 200000 }\n");
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static JsonNode upload(String name, byte[] bytes) {
        HttpResult r = FileUploads.upload(gw, name, bytes);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static String text(String id) {
        return gw.get("/v2/files/" + id + "/text").json().path("text").asText();
    }

    @Test
    void extractsTextAndDetectsTypeFromTheBytes() {
        Map<String, byte[]> docs = new java.util.LinkedHashMap<>();
        docs.put("report.pdf", SampleDocuments.pdf("Quarterly revenue grew 42 percent"));
        docs.put("memo.docx", SampleDocuments.docx("Docx memo about revenue 42"));
        docs.put("table.xlsx", SampleDocuments.xlsx("Spreadsheet revenue 42"));
        docs.put("deck.pptx", SampleDocuments.pptx("Slide revenue 42"));
        docs.put("page.html", SampleDocuments.utf8("<html><body><h1>Html revenue 42</h1><script>x()</script></body></html>"));
        docs.put("notes.md", SampleDocuments.utf8("# Markdown revenue 42\n\n- item\n"));
        docs.put("data.csv", SampleDocuments.utf8("name,value\nrevenue,42\n"));
        Map<String, String> types = Map.of("report.pdf", "application/pdf",
                "memo.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "table.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "deck.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                "page.html", "text/html", "notes.md", "text/markdown", "data.csv", "text/csv");
        for (var e : docs.entrySet()) {
            JsonNode f = upload(e.getKey(), e.getValue());
            assertThat(f.path("id").asText()).startsWith("file_");
            assertThat(f.path("name").asText()).isEqualTo(e.getKey());
            assertThat(f.path("contentType").asText()).as(e.getKey()).isEqualTo(types.get(e.getKey()));
            assertThat(f.path("size").asLong()).isEqualTo(e.getValue().length);
            String t = text(f.path("id").asText());
            assertThat(t).as(e.getKey()).contains("42").containsIgnoringCase("revenue");
            assertThat(t).doesNotContain("<h1>").doesNotContain("x()");
            HttpResponse<byte[]> d = FileUploads.download(gw, "/v2/files/" + f.path("id").asText() + "/content");
            assertThat(d.statusCode()).isEqualTo(200);
            assertThat(d.body()).isEqualTo(e.getValue());
            assertThat(d.headers().firstValue("Content-Type").orElse("")).startsWith(types.get(e.getKey()));
        }
        // a file named without an extension is typed by its bytes alone
        assertThat(upload("noextension", SampleDocuments.pdf("x")).path("contentType").asText())
                .isEqualTo("application/pdf");
    }

    @Test
    void listsPagesGetsAndDeletes() {
        String a = upload("a.txt", SampleDocuments.utf8("alpha")).path("id").asText();
        String b = upload("b.txt", SampleDocuments.utf8("beta")).path("id").asText();
        JsonNode page = gw.get("/v2/files?limit=1").json();
        assertThat(page.path("files")).hasSize(1);
        assertThat(page.at("/pagination/hasMore").asBoolean()).isTrue();
        assertThat(page.at("/files/0/id").asText()).isEqualTo(b);
        assertThat(gw.get("/v2/files?limit=1&page=2").json().at("/files/0/id").asText()).isEqualTo(a);
        assertThat(gw.get("/v2/files/" + a).json().path("name").asText()).isEqualTo("a.txt");
        assertThat(gw.delete("/v2/files/" + a).json().path("deleted").asBoolean()).isTrue();
        assertThat(gw.get("/v2/files/" + a).status()).isEqualTo(404);
        assertThat(gw.get("/v2/files/" + a + "/content").status()).isEqualTo(404);
        assertThat(gw.delete("/v2/files/" + a).status()).isEqualTo(404);
        assertThat(Files.exists(gw.stateDir().resolve("files").resolve(a))).isFalse();
        assertThat(Files.exists(gw.stateDir().resolve("files").resolve(b))).isTrue();
    }

    @Test
    void badUploadsAreClearErrorsAndLeaveNothingStored() throws IOException {
        long before = gw.get("/v2/files").json().at("/pagination/total").asLong();
        List<Path> blobsBefore = blobs();

        HttpResult big = FileUploads.upload(gw, "big.txt", new byte[300_000]);
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.json().at("/error/code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(big.json().at("/error/message").asText()).contains("files.maxBytes");

        HttpResult disguised = FileUploads.upload(gw, "report.pdf", SampleDocuments.elf());
        assertThat(disguised.status()).isEqualTo(400);
        assertThat(disguised.json().at("/error/message").asText()).contains("report.pdf").contains("application/pdf");
        HttpResult htmlAsPdf = FileUploads.upload(gw, "invoice.pdf", SampleDocuments.utf8("<html><script>alert(1)"
                + "</script></html>"));
        assertThat(htmlAsPdf.status()).isEqualTo(400);
        HttpResult pdfAsCsv = FileUploads.upload(gw, "data.csv", SampleDocuments.pdf("not csv"));
        assertThat(pdfAsCsv.status()).isEqualTo(400);

        HttpResult empty = FileUploads.upload(gw, "empty.txt", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().at("/error/message").asText()).contains("file");
        HttpResult wrongPart = FileUploads.post(gw, "/v2/files", FileUploads.multipart("document", "x.txt",
                "text/plain", SampleDocuments.utf8("x")), Map.of("Authorization", "Bearer " + TestGateway.TOKEN));
        assertThat(wrongPart.status()).isEqualTo(400);
        assertThat(wrongPart.json().at("/error/message").asText()).contains("'file'");
        HttpResult broken = gw.send("POST", "/v2/files", "--x\r\nnot multipart", Map.of("Authorization", "Bearer "
                + TestGateway.TOKEN, "Content-Type", "multipart/form-data; boundary=zzz"));
        assertThat(broken.status()).isEqualTo(400);
        // Jetty will not read another request on this connection: the answer must say so, or the client reuses it
        assertThat(broken.header("Connection")).isEqualToIgnoringCase("close");
        HttpResult noUrl = gw.post("/v2/files", "{}");
        assertThat(noUrl.status()).isEqualTo(400);
        assertThat(noUrl.json().at("/error/message").asText()).contains("url");
        HttpResult privateUrl = gw.post("/v2/files", "{\"url\": \"http://127.0.0.1:9/secret.txt\"}");
        assertThat(privateUrl.status()).isEqualTo(400);
        assertThat(privateUrl.json().at("/error/message").asText()).contains("url").contains("private");
        HttpResult metadataUrl = gw.post("/v2/files", "{\"url\": \"http://169.254.169.254/latest/meta-data\"}");
        assertThat(metadataUrl.status()).isEqualTo(400);
        HttpResult fileScheme = gw.post("/v2/files", "{\"url\": \"file:///etc/passwd\"}");
        assertThat(fileScheme.status()).isEqualTo(400);

        for (String p : List.of("/v2/files/file_unknown000000000000", "/v2/files/nope/content", "/v2/files/x/text")) {
            HttpResult r = gw.get(p);
            assertThat(r.status()).as(p).isEqualTo(404);
            assertThat(r.json().at("/error/code").asText()).isEqualTo("NOT_FOUND");
        }
        assertThat(gw.get("/v2/files").json().at("/pagination/total").asLong()).isEqualTo(before);
        assertThat(blobs()).containsExactlyInAnyOrderElementsOf(blobsBefore);
        try (Stream<Path> tmp = Files.list(gw.stateDir().resolve("files/.tmp"))) {
            assertThat(tmp).isEmpty();
        }
    }

    @Test
    void fetchesAUrlWhenPrivateTargetsAreAllowedAndOwnersAreSeparate() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] csv = SampleDocuments.utf8("city,temp\nBeijing,21\n");
        server.createContext("/data.csv", ex -> {
            ex.sendResponseHeaders(200, csv.length);
            ex.getResponseBody().write(csv);
            ex.close();
        });
        server.createContext("/missing.csv", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
        try (TestGateway open = TestGateway.start("tools: { webFetch: { allowPrivateTargets: true } }\n")) {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            HttpResult f = open.post("/v2/files", "{\"url\": \"" + base + "/data.csv\"}");
            assertThat(f.status()).as(f.body()).isEqualTo(201);
            assertThat(f.json().path("name").asText()).isEqualTo("data.csv");
            assertThat(f.json().path("contentType").asText()).isEqualTo("text/csv");
            assertThat(f.json().path("sourceUrl").asText()).isEqualTo(base + "/data.csv");
            String id = f.json().path("id").asText();
            assertThat(open.get("/v2/files/" + id + "/text").json().path("text").asText()).contains("Beijing,21");
            HttpResult missing = open.post("/v2/files", "{\"url\": \"" + base + "/missing.csv\"}");
            assertThat(missing.status()).isEqualTo(502);
            assertThat(missing.json().at("/error/code").asText()).isEqualTo("UPSTREAM_ERROR");

            String key = open.post("/api/v1/keys", "{\"name\": \"files-a\", \"scopes\": [\"chat\"]}").json()
                    .at("/data/key").asText();
            Map<String, String> asKey = Map.of("Authorization", "Bearer " + key);
            HttpResult mine = FileUploads.upload(open, "mine.txt", SampleDocuments.utf8("key's own"), asKey);
            assertThat(mine.status()).isEqualTo(201);
            String mineId = mine.json().path("id").asText();
            assertThat(open.send("GET", "/v2/files/" + id, null, asKey).status()).isEqualTo(404);
            assertThat(open.send("DELETE", "/v2/files/" + id, null, asKey).status()).isEqualTo(404);
            JsonNode list = open.send("GET", "/v2/files", null, asKey).json();
            assertThat(list.path("files")).hasSize(1);
            assertThat(list.at("/files/0/id").asText()).isEqualTo(mineId);
            assertThat(open.get("/v2/files/" + mineId).status()).isEqualTo(200);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void leftoversOfAnInterruptedUploadAreRemovedAtStart() throws IOException {
        String kept = upload("kept.txt", SampleDocuments.utf8("kept")).path("id").asText();
        Path dir = gw.stateDir().resolve("files");
        gw.restart(() -> {
            try {
                Files.writeString(dir.resolve(".tmp/file_crashed.part"), "half");
                Files.writeString(dir.resolve("file_orphan0000000000000"), "renamed, row never written");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(Files.exists(dir.resolve(".tmp/file_crashed.part"))).isFalse();
        assertThat(Files.exists(dir.resolve("file_orphan0000000000000"))).isFalse();
        assertThat(text(kept)).isEqualTo("kept");
    }

    private static List<Path> blobs() throws IOException {
        try (Stream<Path> s = Files.list(gw.stateDir().resolve("files"))) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}

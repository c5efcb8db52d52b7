package ai.openclaw.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Multipart uploads to and byte downloads from a {@link TestGateway} over a real socket (issue 13, /v2/files). */
public final class FileUploads {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private FileUploads() {
    }

    /** A multipart/form-data body with one file part. */
    public record Body(String contentType, byte[] bytes) {
    }

    /**
     * Builds a {@code multipart/form-data} body with one part.
     *
     * @param field the part name, e.g. {@code file}
     * @param filename the part's filename, or null for a plain field
     * @param partType the part's Content-Type
     * @param content the part's bytes
     */
    public static Body multipart(String field, String filename, String partType, byte[] content) {
        String boundary = "----openclawtest" + Long.toHexString(System.nanoTime());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\nContent-Type: " + partType
                + "\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Body("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    /** Uploads {@code content} as the {@code file} part to {@code POST /v2/files} with the gateway token. */
    public static HttpResult upload(TestGateway gw, String filename, byte[] content) {
        return upload(gw, filename, content, Map.of("Authorization", "Bearer " + TestGateway.TOKEN));
    }

    /** Uploads {@code content} as the {@code file} part to {@code POST /v2/files} with the given headers. */
    public static HttpResult upload(TestGateway gw, String filename, byte[] content, Map<String, String> headers) {
        Body body = multipart("file", filename, "application/octet-stream", content);
        return post(gw, "/v2/files", body, headers);
    }

    /** POSTs a prepared body. */
    public static HttpResult post(TestGateway gw, String path, Body body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gw.baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        headers.forEach(b::header);
        HttpResponse<byte[]> r = send(b.build());
        return new HttpResult(r.statusCode(), headers(r), new String(r.body(), StandardCharsets.UTF_8));
    }

    /** GETs a path with the gateway token and returns the body's bytes (status and headers alongside). */
    public static HttpResponse<byte[]> download(TestGateway gw, String path) {
        return send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TestGateway.TOKEN).GET().build());
    }

    private static HttpResponse<byte[]> send(HttpRequest req) {
        try {
            return HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(req.method() + " " + req.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> headers(HttpResponse<?> r) {
        Map<String, String> h = new LinkedHashMap<>();
        r.headers().map().forEach((k, v) -> {
            if (!v.isEmpty()) {
                h.put(k.toLowerCase(Locale.ROOT), v.get(0));
            }
        });
        return h;
    }
}

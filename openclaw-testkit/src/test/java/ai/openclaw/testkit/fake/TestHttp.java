package ai.openclaw.testkit.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** A small real-socket HTTP client for the fake provider tests. */
final class TestHttp {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private TestHttp() {}

    static HttpRequest.Builder postRequest(String url, String body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    static HttpResponse<String> post(String url, String body, String... headers) {
        return send(postRequest(url, body, headers).build());
    }

    static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    /**
     * What a raw socket read from the server until it closed the connection.
     *
     * @param status the status code of the response
     * @param headers the response headers, lower-cased names
     * @param body the body: de-chunked when the response was chunked, as received otherwise
     * @param complete whether the body was complete: the terminating zero-size chunk arrived, or
     *     as many bytes as {@code content-length} announced
     */
    record RawResponse(int status, Map<String, String> headers, String body, boolean complete) {}

    /**
     * Sends one POST over a plain socket ({@code Connection: close}) and reads until the server closes it.
     *
     * <p>Used to see exactly what the server wrote before dropping a connection, which
     * {@link HttpClient} does not reliably report once the body has failed.
     */
    static RawResponse rawPost(int port, String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            byte[] all = socket.getInputStream().readAllBytes();
            return parseRaw(all);
        }
    }

    private static RawResponse parseRaw(byte[] all) {
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int headerEnd = text.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            throw new AssertionError("no complete response head in: " + text);
        }
        String[] lines = text.substring(0, headerEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        int pos = headerEnd + 4;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean complete;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            complete = false;
            while (true) {
                int lineEnd = text.indexOf("\r\n", pos);
                if (lineEnd < 0) {
                    break;
                }
                int size = Integer.parseInt(text.substring(pos, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    complete = true;
                    break;
                }
                int dataStart = lineEnd + 2;
                int available = Math.min(size, all.length - dataStart);
                body.write(all, dataStart, Math.max(0, available));
                if (available < size || dataStart + size + 2 > all.length) {
                    break;
                }
                pos = dataStart + size + 2;
            }
        } else {
            body.write(all, pos, all.length - pos);
            String length = headers.get("content-length");
            complete = length == null || Long.parseLong(length) == all.length - pos;
        }
        return new RawResponse(status, headers, body.toString(StandardCharsets.UTF_8), complete);
    }
}

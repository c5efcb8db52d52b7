package ai.openclaw.server.api.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Wraps the MCP SDK's servlet response so that its error answers (4xx/5xx) reach the client as plain JSON-RPC error
 * objects ({@code {"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"…"}}}) and never as the SDK's
 * serialised exception (which carries a stack trace and class names). Successful answers, SSE streams included, pass
 * through unbuffered.
 */
final class JsonRpcErrorResponse extends HttpServletResponseWrapper {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Java type names and Jackson's details, which must never reach a client. */
    private static final java.util.regex.Pattern INTERNAL = java.util.regex.Pattern.compile(
            "\\b(?:com|org|java|javax|jdk|sun|io|ai|net|de|tools)\\.[a-z0-9_]+(?:\\.[a-z0-9_]+)*\\.[A-Z]"
                    + "|Exception|reference chain|\\[Source:|line: \\d+, column");
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private int status = 200;
    private boolean capturing;
    private PrintWriter writer;

    JsonRpcErrorResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
        capturing = sc >= 400;
        super.setStatus(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        setStatus(sc);
        captured.write(msg == null ? new byte[0] : msg.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void sendError(int sc) throws IOException {
        setStatus(sc);
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (!capturing) {
            return super.getWriter();
        }
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(captured, StandardCharsets.UTF_8), true);
        }
        return writer;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (!capturing) {
            return super.getOutputStream();
        }
        return new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
                captured.write(b);
            }
        };
    }

    /** Writes the captured error as a clean JSON-RPC error, if the SDK answered with one. */
    void finish() throws IOException {
        if (!capturing) {
            return;
        }
        if (writer != null) {
            writer.flush();
        }
        String message = "MCP request refused";
        int code = status == 404 ? -32001 : -32600;
        try {
            JsonNode n = JSON.readTree(captured.toByteArray());
            JsonNode e = n == null ? null : n.has("jsonRpcError") ? n.get("jsonRpcError") : n.get("error");
            if (e != null && e.hasNonNull("message")) {
                message = e.get("message").asText();
                code = e.path("code").asInt(code);
            } else if (n != null && n.hasNonNull("message")) {
                message = n.get("message").asText();
            }
        } catch (IOException | RuntimeException notJson) {
            String text = captured.toString(StandardCharsets.UTF_8).strip();
            if (!text.isEmpty() && text.length() < 300 && !text.contains("Exception")) {
                message = text;
            }
        }
        if (INTERNAL.matcher(message).find()) {
            // the SDK passes Jackson's text through (type names, reference chains): say what is wrong, not where
            message = code == -32700 ? "parse error: the body is not valid JSON"
                    : "invalid request: the body is not a valid JSON-RPC 2.0 message for this endpoint";
        }
        if (message.length() > 500) {
            message = message.substring(0, 500);
        }
        ObjectNode out = JSON.createObjectNode().put("jsonrpc", "2.0").putNull("id");
        out.putObject("error").put("code", code).put("message", message);
        byte[] body = JSON.writeValueAsBytes(out);
        HttpServletResponse r = (HttpServletResponse) getResponse();
        if (!r.isCommitted()) {
            r.resetBuffer();
            r.setStatus(status);
            r.setContentType("application/json");
            r.setContentLength(body.length);
            r.getOutputStream().write(body);
        }
    }
}

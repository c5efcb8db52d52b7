package ai.openclaw.server.api.v2;

import ai.openclaw.auth.Principal;
import ai.openclaw.auth.Scopes;
import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.file.FileService;
import ai.openclaw.file.StoredFile;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.JsonBody;
import ai.openclaw.util.Page;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Seed 003 file operations (文件操作) under {@code /v2/files}: upload ({@code multipart/form-data} with a {@code
 * file} part, or JSON {@code {"url": …}} to fetch one), list with {@code pagination}, metadata, the extracted text,
 * download, delete. Scope {@code chat}; each file belongs to the credential that stored it.
 */
public final class FileRoutes {
    /** Room for multipart boundaries and headers beyond the file itself, in bytes. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;
    private final GatewayServices services;

    private FileRoutes(GatewayServices services) {
        this.services = services;
    }

    /** Registers the routes. */
    public static void register(RoutesConfig routes, GatewayServices services) {
        FileRoutes r = new FileRoutes(services);
        routes.post("/v2/files", r::create);
        routes.get("/v2/files", r::list);
        routes.get("/v2/files/{id}", r::get);
        routes.get("/v2/files/{id}/content", r::download);
        routes.get("/v2/files/{id}/text", r::text);
        routes.delete("/v2/files/{id}", r::delete);
    }

    private FileService files() {
        return services.files();
    }

    private void create(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        StoredFile f;
        if (type.startsWith("multipart/form-data")) {
            f = upload(ctx, p);
        } else if (type.startsWith("application/json") || type.isEmpty()) {
            JsonBody body = JsonBody.read(ctx, services.maxBodyBytes());
            f = files().fetch(p.ownerId(), "url", body.requireText("url"));
        } else {
            throw OpenClawException.invalid("POST /v2/files takes multipart/form-data with a 'file' part or JSON "
                    + "{\"url\": …}, not " + ctx.contentType());
        }
        Http.json(ctx, 201, view(f));
    }

    private StoredFile upload(Context ctx, Principal p) {
        long max = files().settings().maxBytes();
        long declared = ctx.req().getContentLengthLong();
        if (declared > max + MULTIPART_OVERHEAD) {
            ctx.header("Connection", "close"); // the body is not read: the connection cannot carry another request
            throw tooLarge(max);
        }
        ctx.req().setAttribute("org.eclipse.jetty.multipartConfig", new MultipartConfigElement(
                System.getProperty("java.io.tmpdir"), max, max + MULTIPART_OVERHEAD, 1024 * 1024));
        Part part;
        try {
            part = ctx.req().getPart("file");
        } catch (Exception e) {
            // Jetty closes a connection whose multipart body failed to parse: say so, or a client that reuses the
            // connection for its next request (the JDK's HttpClient does) gets no answer to it
            ctx.header("Connection", "close");
            String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT)
                    + String.valueOf(e.getCause() == null ? "" : e.getCause().getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("max") || m.contains("size") || m.contains("413")) {
                throw tooLarge(max);
            }
            throw OpenClawException.invalid("the multipart/form-data body could not be read");
        }
        if (part == null || part.getSubmittedFileName() == null) {
            throw OpenClawException.invalid("field 'file' is missing: send the file as a multipart part named 'file' "
                    + "with a filename");
        }
        if (part.getSize() > max) {
            throw tooLarge(max);
        }
        try (InputStream in = part.getInputStream()) {
            return files().upload(p.ownerId(), part.getSubmittedFileName(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                part.delete();
            } catch (IOException e) {
                // Jetty removes it at the end of the request anyway
            }
        }
    }

    private void list(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        Http.Paging paging = Http.paging(ctx);
        Page<StoredFile> page = files().list(p.ownerFilter(), paging.offset(), paging.limit());
        ArrayNode items = Json.arr();
        page.items().forEach(f -> items.add(view(f)));
        ObjectNode out = Json.obj();
        out.set("files", items);
        out.set("pagination", V2Views.pagination(page));
        Http.json(ctx, 200, out);
    }

    private void get(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        Http.json(ctx, 200, view(files().get(ctx.pathParam("id"), p.ownerFilter())));
    }

    private void text(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        StoredFile f = files().get(ctx.pathParam("id"), p.ownerFilter());
        Http.json(ctx, 200, Json.obj().put("id", f.id()).put("contentType", f.contentType())
                .put("text", files().text(f.id(), p.ownerFilter())));
    }

    private void download(Context ctx) throws IOException {
        Principal p = Http.require(ctx, Scopes.CHAT);
        StoredFile f = files().get(ctx.pathParam("id"), p.ownerFilter());
        Path path = files().content(f.id(), p.ownerFilter());
        Http.setOverhead(ctx);
        ctx.attribute(Http.RENDERED, Boolean.TRUE);
        ctx.status(200).contentType(f.contentType());
        ctx.header("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(f.name(), StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Length", Long.toString(f.sizeBytes()));
        ctx.result(Files.newInputStream(path));
    }

    private void delete(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        StoredFile f = files().delete(ctx.pathParam("id"), p.ownerFilter());
        Http.json(ctx, 200, Json.obj().put("id", f.id()).put("deleted", true));
    }

    /** A file's v2 view. */
    static ObjectNode view(StoredFile f) {
        ObjectNode o = Json.obj();
        o.put("id", f.id());
        o.put("name", f.name());
        o.put("contentType", f.contentType());
        o.put("size", f.sizeBytes());
        o.put("sha256", f.sha256());
        if (f.sourceUrl() != null) {
            o.put("sourceUrl", f.sourceUrl());
        }
        o.put("textChars", f.textChars());
        o.put("url", "/v2/files/" + f.id() + "/content");
        o.put("createdAt", Json.time(f.createdAt()));
        return o;
    }

    private static OpenClawException tooLarge(long max) {
        return new OpenClawException(ErrorCode.PAYLOAD_TOO_LARGE, "file exceeds the limit of " + max
                + " bytes (files.maxBytes)", null, false, null);
    }
}

package ai.openclaw.store;

import ai.openclaw.file.FileContent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FileContent} with Apache Tika: the media type from the bytes (magic numbers, and the entries of ZIP
 * containers such as DOCX/XLSX/PPTX), compared with the type the file name implies; text from PDF (PDFBox),
 * Office OOXML and legacy formats (POI), HTML and plain text, Markdown and CSV.
 */
public final class TikaFileContent implements FileContent {
    private static final Logger LOG = LoggerFactory.getLogger("openclaw.files");
    /** Tika's default configuration (the parser modules on the class path), loaded on first use. */
    private static final class Loaded {
        static final TikaConfig CONFIG = TikaConfig.getDefaultConfig();
        static final AutoDetectParser PARSER = new AutoDetectParser(CONFIG);
    }

    /** Creates the analyser; Tika itself loads on the first file (it takes a moment, so start-up does not wait). */
    public TikaFileContent() {
    }

    @Override
    public Analysis analyse(Path file, String name, int maxTextChars) {
        Detector detector = Loaded.CONFIG.getDetector();
        MediaTypeRegistry registry = Loaded.CONFIG.getMediaTypeRegistry();
        MediaType bytes;
        try (TikaInputStream in = TikaInputStream.get(file)) {
            bytes = detector.detect(in, new Metadata());
        } catch (IOException e) {
            bytes = MediaType.OCTET_STREAM;
        }
        MediaType byName = nameType(name);
        boolean matches = byName == null || registry.isInstanceOf(bytes, byName) || registry.isInstanceOf(byName, bytes);
        MediaType reported = byName != null && !byName.equals(bytes) && registry.isInstanceOf(byName, bytes)
                ? byName : bytes;
        String text = matches && maxTextChars > 0 ? text(file, bytes, maxTextChars) : null;
        return new Analysis(reported.getBaseType().toString(), byName == null ? null : byName.toString(), matches,
                text);
    }

    private MediaType nameType(String name) {
        Metadata m = new Metadata();
        m.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        try {
            MediaType t = Loaded.CONFIG.getDetector().detect(null, m);
            return t == null || MediaType.OCTET_STREAM.equals(t) ? null : t.getBaseType();
        } catch (IOException e) {
            return null;
        }
    }

    private String text(Path file, MediaType type, int maxChars) {
        WriteOutContentHandler out = new WriteOutContentHandler(maxChars);
        Metadata m = new Metadata();
        m.set(Metadata.CONTENT_TYPE, type.toString());
        try (InputStream in = TikaInputStream.get(file)) {
            Loaded.PARSER.parse(in, new BodyContentHandler(out), m, new ParseContext());
        } catch (Exception e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                LOG.debug("no text extracted from a {} file: {}", type, e.toString());
                String partial = out.toString();
                return partial.isBlank() ? null : partial.strip();
            }
        }
        String s = out.toString().strip();
        return s.isEmpty() ? null : s;
    }
}

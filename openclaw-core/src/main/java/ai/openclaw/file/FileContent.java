package ai.openclaw.file;

import java.nio.file.Path;

/** Detects a file's media type from its bytes and extracts its text (implemented with Apache Tika). */
public interface FileContent {
    /**
     * Analyses a file on disk.
     *
     * @param file the bytes
     * @param name the file name the client gave, used only to judge whether the bytes match it
     * @param maxTextChars the most characters of text to extract
     * @return the analysis; never null
     */
    Analysis analyse(Path file, String name, int maxTextChars);

    /**
     * The outcome of {@link #analyse}.
     *
     * @param contentType the media type of the bytes (the name's more specific type when the bytes agree with it,
     *     e.g. {@code text/csv} for CSV text); never null
     * @param nameType the media type the file name implies, or null when the name implies none
     * @param matchesName false when the name implies a type the bytes are not (a disguised file)
     * @param text the extracted text, or null when the type has none or extraction failed
     */
    record Analysis(String contentType, String nameType, boolean matchesName, String text) {
    }
}

package ai.openclaw.memory.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a Markdown memory file into chunks: one per paragraph (blank-line separated) and one per list item;
 * headings end a chunk and are not chunks themselves. The chunk text is the file's text (list markers removed);
 * over-long chunks are cut at {@code maxChars}.
 */
final class MarkdownChunker {
    private static final Pattern BULLET = Pattern.compile("^([-*+]|\\d+[.)])\\s+");

    private MarkdownChunker() {
    }

    /** The chunks of {@code markdown}, in order. */
    static List<String> chunks(String markdown, int maxChars) {
        List<String> out = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        for (String line : markdown.replace("\r\n", "\n").split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("#") || t.isEmpty()) {
                flush(out, para, maxChars);
            } else if (BULLET.matcher(t).find()) {
                flush(out, para, maxChars);
                para.append(BULLET.matcher(t).replaceFirst(""));
            } else {
                if (!para.isEmpty()) {
                    para.append('\n');
                }
                para.append(t);
            }
        }
        flush(out, para, maxChars);
        return out;
    }

    private static void flush(List<String> out, StringBuilder para, int maxChars) {
        String text = para.toString().strip();
        para.setLength(0);
        for (int i = 0; i < text.length(); i += maxChars) {
            out.add(text.substring(i, Math.min(text.length(), i + maxChars)));
        }
    }
}

package ai.openclaw.memory.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class AnalysisAndChunkingTest {
    private static List<String> tokens(String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (MemoryAnalyzer a = new MemoryAnalyzer(); TokenStream ts = a.tokenStream("content", text)) {
            CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(t.toString());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void chineseIsSegmentedIntoWordsNotCharacters() throws IOException {
        assertThat(tokens("用户偏好简洁的回复风格")).containsExactly("用户", "偏好", "简洁", "回复", "风格");
        assertThat(tokens("OpenClaw 配置文件位于")).containsExactly("openclaw", "配置", "文件", "位于");
    }

    @Test
    void englishIsLowerCasedStemmedAndStopWordsDropped() throws IOException {
        assertThat(tokens("The user prefers concise Replies")).containsExactly("user", "prefer", "concis", "repli");
    }

    @Test
    void markdownIsChunkedByParagraphAndListItem() {
        String md = """
                # Preferences

                - likes tea
                - 用户的猫叫做小白

                ## Infra
                Backups run nightly
                at 02:30 UTC.

                1. first step
                """;
        assertThat(MarkdownChunker.chunks(md, 1000)).containsExactly("likes tea", "用户的猫叫做小白",
                "Backups run nightly\nat 02:30 UTC.", "first step");
        assertThat(MarkdownChunker.chunks("abcdefghij", 4)).containsExactly("abcd", "efgh", "ij");
        assertThat(MarkdownChunker.chunks("# only a heading\n\n", 100)).isEmpty();
    }

    @Test
    void autoPicksTheChineseModelForCjkText() {
        OnnxEmbeddings e = new OnnxEmbeddings("auto");
        assertThat(e.modelFor("hello world")).isEqualTo(OnnxEmbeddings.MINILM);
        assertThat(e.modelFor("用户偏好")).isEqualTo(OnnxEmbeddings.BGE_ZH);
        assertThat(e.queryModels("用户偏好")).containsExactly(OnnxEmbeddings.BGE_ZH);
        assertThat(e.queryModels("where")).containsExactly(OnnxEmbeddings.MINILM);
        assertThat(new OnnxEmbeddings("auto", true).queryModels("where")).containsExactly(OnnxEmbeddings.MINILM,
                OnnxEmbeddings.BGE_ZH);
        assertThat(new OnnxEmbeddings(OnnxEmbeddings.MINILM).modelFor("用户")).isEqualTo(OnnxEmbeddings.MINILM);
    }

    @Test
    void aRepeatedTextGetsTheSameVectorFromTheCacheAsACopy() {
        OnnxEmbeddings e = new OnnxEmbeddings("auto");
        float[] first = e.embed(OnnxEmbeddings.MINILM, "which port does the gateway use");
        float[] again = e.embed(OnnxEmbeddings.MINILM, "which port does the gateway use");
        assertThat(again).containsExactly(first).isNotSameAs(first);
        first[0] = 42f;
        assertThat(e.embed(OnnxEmbeddings.MINILM, "which port does the gateway use")[0]).isNotEqualTo(42f);
        String longText = "word ".repeat(OnnxEmbeddings.CACHED_MAX_CHARS);
        assertThat(e.embed(OnnxEmbeddings.MINILM, longText)).hasSize(384);
        assertThat(e.embed(OnnxEmbeddings.BGE_ZH, "用户偏好")).hasSize(512);
    }
}

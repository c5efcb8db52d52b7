package ai.openclaw.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting of streamed text and tool arguments, and the token estimate. */
class ChunkingTest {

    @Test
    void wordsKeepTheirLeadingWhitespace() {
        assertThat(Chunking.words("Hello  world, how\nare you? "))
                .containsExactly("Hello", "  world,", " how", "\nare", " you?", " ");
        assertThat(Chunking.words("")).isEmpty();
        assertThat(Chunking.words("  lead")).containsExactly("  lead");
    }

    @Test
    void cjkTextIsSplitPerCharacterAndMixedTextStaysIntact() {
        assertThat(Chunking.words("你好，世界")).containsExactly("你", "好", "，", "世", "界");
        String mixed = "用 Java 写一个 gateway 😀 吧！";
        assertThat(String.join("", Chunking.words(mixed))).isEqualTo(mixed);
        assertThat(Chunking.words(mixed)).contains(" Java", " gateway", " 😀");
    }

    @Test
    void evenSplitGivesTheRequestedCountWithoutBreakingSurrogates() {
        assertThat(Chunking.evenly("abcdefghij", 3)).containsExactly("abc", "def", "ghij");
        assertThat(Chunking.evenly("ab", 5)).containsExactly("a", "b");
        List<String> emoji = Chunking.evenly("😀😃😄😁", 2);
        assertThat(emoji).containsExactly("😀😃", "😄😁");
        assertThat(Chunking.chunks("one two", 0)).containsExactly("one", " two");
        assertThat(Chunking.chunks("one two", 1)).containsExactly("one two");
    }

    @Test
    void argumentFragmentsAreAtLeastTwoAndReassemble() {
        assertThat(Chunking.fragments("{}")).containsExactly("{", "}");
        String args = "{\"city\":\"Paris\",\"days\":[1,2,3],\"note\":\"北京\"}";
        List<String> fragments = Chunking.fragments(args);
        assertThat(fragments.size()).isGreaterThanOrEqualTo(2);
        assertThat(String.join("", fragments)).isEqualTo(args);
    }

    @Test
    void tokenEstimateIsAQuarterOfTheCharactersRoundedUpAndAtLeastOne() {
        assertThat(Chunking.estimateTokens("")).isEqualTo(1);
        assertThat(Chunking.estimateTokens("abcd")).isEqualTo(1);
        assertThat(Chunking.estimateTokens("abcde")).isEqualTo(2);
        assertThat(Chunking.estimateTokens("x".repeat(400))).isEqualTo(100);
    }
}

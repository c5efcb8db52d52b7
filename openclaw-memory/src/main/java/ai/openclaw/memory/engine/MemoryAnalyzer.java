package ai.openclaw.memory.engine;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;

/**
 * The analyzer for memory text: Lucene smartcn's HMM segmenter splits Chinese into words ({@code 用户|偏好|简洁}), not
 * single characters; English is lower-cased and Porter-stemmed; English and common Chinese function words and
 * punctuation are dropped.
 */
final class MemoryAnalyzer extends Analyzer {
    private static final CharArraySet STOP = stopWords();

    private static CharArraySet stopWords() {
        CharArraySet set = new CharArraySet(200, true);
        set.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        set.addAll(SmartChineseAnalyzer.getDefaultStopSet());
        for (String w : new String[] {"的", "了", "是", "在", "和", "与", "及", "或", "吗", "呢", "吧", "啊", "也", "都",
            "就", "还", "我", "你", "他", "她", "它", "这", "那", "什么", "怎么", "哪里", "哪", "么", "i", "me", "my", "we",
            "our", "you", "your", "what", "which", "who", "how", "does", "do", "did", "where", "when", "why", "can",
            "about", "should", "would", "could", "has", "have", "had", "from", "its", "am", "any", "some"}) {
            set.add(w);
        }
        return CharArraySet.unmodifiableSet(set);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new HMMChineseTokenizer();
        TokenStream result = new LowerCaseFilter(source);
        result = new StopFilter(result, STOP);
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
    }
}

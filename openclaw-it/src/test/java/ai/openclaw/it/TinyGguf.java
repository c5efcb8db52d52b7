package ai.openclaw.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a tiny but valid GGUF (v3) llama model: 1 layer, 16-wide embeddings, a byte-fallback SentencePiece
 * vocabulary and random F32 weights (seeded). It produces gibberish, which is all a test of the loading and
 * generation path needs; nothing is downloaded.
 */
final class TinyGguf {
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

    private TinyGguf() {
    }

    /** Writes the model to {@code file}. */
    static void write(Path file) throws IOException {
        TinyGguf g = new TinyGguf();
        g.build();
        Files.write(file, g.buf.toByteArray());
    }

    private void build() {
        int embd = 16;
        int ff = 32;
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
        for (int i = 0; i < 256; i++) {
            tokens.add(String.format("<0x%02X>", i));
        }
        tokens.addAll(List.of("▁", "▁hello", "▁world", "a", "e", "o"));
        int vocab = tokens.size();
        String[][] tensors = {
            {"token_embd.weight", embd + "," + vocab}, {"output_norm.weight", "" + embd},
            {"output.weight", embd + "," + vocab}, {"blk.0.attn_norm.weight", "" + embd},
            {"blk.0.attn_q.weight", embd + "," + embd}, {"blk.0.attn_k.weight", embd + "," + embd},
            {"blk.0.attn_v.weight", embd + "," + embd}, {"blk.0.attn_output.weight", embd + "," + embd},
            {"blk.0.ffn_norm.weight", "" + embd}, {"blk.0.ffn_gate.weight", embd + "," + ff},
            {"blk.0.ffn_down.weight", ff + "," + embd}, {"blk.0.ffn_up.weight", embd + "," + ff}};
        u32(0x46554747L);
        u32(3);
        u64(tensors.length);
        u64(17);
        kvStr("general.architecture", "llama");
        kvStr("general.name", "openclaw-test-tiny");
        kvU32("llama.context_length", 256);
        kvU32("llama.embedding_length", embd);
        kvU32("llama.block_count", 1);
        kvU32("llama.feed_forward_length", ff);
        kvU32("llama.attention.head_count", 2);
        kvU32("llama.attention.head_count_kv", 2);
        kvU32("llama.rope.dimension_count", 8);
        str("llama.attention.layer_norm_rms_epsilon");
        u32(6);
        f32(1e-5f);
        kvStr("tokenizer.ggml.model", "llama");
        str("tokenizer.ggml.tokens");
        u32(9);
        u32(8);
        u64(vocab);
        tokens.forEach(this::str);
        str("tokenizer.ggml.scores");
        u32(9);
        u32(6);
        u64(vocab);
        for (int i = 0; i < vocab; i++) {
            f32(i < 259 ? 0f : -1f * i);
        }
        str("tokenizer.ggml.token_type");
        u32(9);
        u32(5);
        u64(vocab);
        for (int i = 0; i < vocab; i++) {
            u32(i == 0 ? 2 : i < 3 ? 3 : i < 259 ? 6 : 1);
        }
        kvU32("tokenizer.ggml.bos_token_id", 1);
        kvU32("tokenizer.ggml.eos_token_id", 2);
        kvU32("tokenizer.ggml.unknown_token_id", 0);
        long offset = 0;
        long[] counts = new long[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            String[] dims = tensors[i][1].split(",");
            str(tensors[i][0]);
            u32(dims.length);
            long n = 1;
            for (String d : dims) {
                u64(Long.parseLong(d));
                n *= Long.parseLong(d);
            }
            u32(0);
            u64(offset);
            counts[i] = n;
            offset = (offset + n * 4 + 31) / 32 * 32;
        }
        while (buf.size() % 32 != 0) {
            buf.write(0);
        }
        Random r = new Random(42);
        for (int i = 0; i < tensors.length; i++) {
            boolean norm = tensors[i][0].contains("norm");
            for (long j = 0; j < counts[i]; j++) {
                f32(norm ? 1f : (float) (r.nextGaussian() * 0.1));
            }
            while (buf.size() % 32 != 0) {
                buf.write(0);
            }
        }
    }

    private void u32(long v) {
        buf.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
    }

    private void u64(long v) {
        buf.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
    }

    private void f32(float v) {
        buf.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(v).array());
    }

    private void str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        u64(b.length);
        buf.writeBytes(b);
    }

    private void kvU32(String k, long v) {
        str(k);
        u32(4);
        u32(v);
    }

    private void kvStr(String k, String v) {
        str(k);
        u32(8);
        str(v);
    }
}

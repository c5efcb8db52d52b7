package ai.openclaw.util;

import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Generates and checks the ids of stored things ({@code session_…}, {@code msg_…}) and secrets. */
public final class Ids {
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final char[] SECRET_ALPHABET =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom SECURE = new SecureRandom();
    private static final int SEQUENCE_CHARS = 11;
    private static final int RANDOM_CHARS = 9;
    /** 36^11: the sequence part's range. */
    private static final long SEQUENCE_RANGE = 131_621_703_842_267_136L;
    /**
     * The sequence part of new ids: starts at a random point (so two processes' ids interleave nowhere near each
     * other) and counts up, so that ids made one after another sort one after another and a B-tree index on them
     * appends to its rightmost pages instead of dirtying a random page per insert.
     */
    private static final AtomicLong SEQUENCE = new AtomicLong(ThreadLocalRandom.current().nextLong(SEQUENCE_RANGE / 2));

    private Ids() {
    }

    /**
     * A new unique id with the given prefix, e.g. {@code newId("msg")} → {@code msg_05k3j9…}: 20 base-36 characters,
     * an 11-character sequence that counts up within the process from a random start, then 9 random characters
     * (about 46 bits). Ids of one process sort in the order they were made, so inserting them into a B-tree index
     * touches its last pages only (SQLite's group commit writes a handful of pages per batch instead of one page per
     * row). Not a secret: never use an id as a capability.
     */
    public static String newId(String prefix) {
        char[] out = new char[SEQUENCE_CHARS + RANDOM_CHARS];
        long seq = SEQUENCE.getAndIncrement() % SEQUENCE_RANGE;
        for (int i = SEQUENCE_CHARS - 1; i >= 0; i--) {
            out[i] = ALPHABET[(int) (seq % 36)];
            seq /= 36;
        }
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = SEQUENCE_CHARS; i < out.length; i++) {
            out[i] = ALPHABET[r.nextInt(ALPHABET.length)];
        }
        return prefix + "_" + new String(out);
    }

    /** A new secret of {@code length} base-62 characters from a {@link SecureRandom}. */
    public static String newSecret(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = SECRET_ALPHABET[SECURE.nextInt(SECRET_ALPHABET.length)];
        }
        return new String(out);
    }

    /**
     * Whether a client-chosen id is safe to store and echo: 1–128 characters of letters, digits and
     * {@code . _ : @ -}, starting with a letter or digit.
     */
    public static boolean isSafeId(String id) {
        if (id == null || id.isEmpty() || id.length() > 128) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || (c != '.' && c != '_' && c != ':' && c != '@' && c != '-'))) {
                return false;
            }
        }
        return true;
    }
}

package ai.openclaw.util;

import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Generates and checks the ids of stored things ({@code session_…}, {@code msg_…}) and secrets. */
public final class Ids {
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final char[] SECRET_ALPHABET =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom SECURE = new SecureRandom();
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");

    private Ids() {
    }

    /**
     * A new random id with the given prefix, e.g. {@code newId("msg")} → {@code msg_k3j9…} (20 random base-36
     * characters, about 103 bits; not a secret).
     */
    public static String newId(String prefix) {
        char[] out = new char[20];
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < out.length; i++) {
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
        return id != null && SAFE_ID.matcher(id).matches();
    }
}

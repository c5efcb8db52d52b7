package ai.openclaw.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts secrets at rest (webhook and task-callback signing secrets) with AES-256-GCM from the JDK. A sealed value is
 * {@code enc:v1:} followed by the base64 of a 12-byte random nonce and the ciphertext with its 16-byte tag; a stored
 * value without that prefix is a secret written before encryption existed and is read as it is (and re-sealed at
 * start). The key is {@code $OPENCLAW_SECRET_KEY} (the base64 of 32 bytes, e.g. {@code openssl rand -base64 32}; any
 * other text is hashed with SHA-256 into a key), else the state dir's {@code secret.key} (created on first start with
 * 32 random bytes, file mode 0600). Losing the key makes the sealed secrets unreadable.
 */
public final class SecretCipher {
    /** The prefix of sealed values. */
    public static final String PREFIX = "enc:v1:";
    /** The environment variable holding the key. */
    public static final String ENV = "OPENCLAW_SECRET_KEY";
    /** The key file's name in the state dir. */
    public static final String KEY_FILE = "secret.key";
    private static final Logger LOG = LoggerFactory.getLogger("openclaw.secrets");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecretKeySpec key;

    private SecretCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** A cipher with this 32-byte key. */
    public static SecretCipher of(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes, not " + key.length);
        }
        return new SecretCipher(key.clone());
    }

    /**
     * The gateway's cipher: the key from {@code $OPENCLAW_SECRET_KEY}, else from {@code <stateDir>/secret.key}
     * (created, mode 0600, when missing; a file readable by others is narrowed to 0600 with a warning).
     *
     * @throws UncheckedIOException when the key file cannot be read or written
     * @throws IllegalArgumentException when the key file does not hold the base64 of 32 bytes
     */
    public static SecretCipher load(Path stateDir, Map<String, String> env) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return of(keyFromText(fromEnv.strip()));
        }
        Path file = stateDir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] k = new byte[32];
                RANDOM.nextBytes(k);
                try {
                    createPrivate(file, Base64.getEncoder().encodeToString(k) + "\n");
                    LOG.info("created the secret encryption key {} (mode 0600); keep it with the database", file);
                    return of(k);
                } catch (FileAlreadyExistsException raced) {
                    // another gateway on this state dir created it first: read theirs
                }
            }
            narrow(file);
            byte[] k;
            try {
                k = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.UTF_8).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " must hold the base64 of 32 bytes");
            }
            if (k.length != 32) {
                throw new IllegalArgumentException(file + " must hold the base64 of 32 bytes, not " + k.length);
            }
            return of(k);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key " + file, e);
        }
    }

    private static byte[] keyFromText(String text) {
        try {
            byte[] k = Base64.getDecoder().decode(text);
            if (k.length == 32) {
                return k;
            }
        } catch (IllegalArgumentException notBase64) {
            // a passphrase: hashed below
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static void createPrivate(Path file, String content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static void narrow(Path file) throws IOException {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            Set<PosixFilePermission> owner = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            if (!owner.containsAll(p)) {
                LOG.warn("{} was readable by others; narrowed to mode 0600", file);
                Files.setPosixFilePermissions(file, owner);
            }
        } catch (UnsupportedOperationException notPosix) {
            // nothing to check on this file system
        }
    }

    /** Whether a stored value is sealed (else it is legacy plain text). */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** Seals a secret for storage; null stays null and a sealed value stays as it is. */
    public String seal(String plain) {
        if (plain == null || isSealed(plain)) {
            return plain;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + ct.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(ct, 0, out, nonce.length, ct.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * The secret of a stored value: sealed values decrypted, legacy plain text as it is, null as null.
     *
     * @throws IllegalStateException when a sealed value does not decrypt with this key (another key, or tampered)
     */
    public String open(String stored) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            if (in.length <= NONCE_BYTES) {
                throw new IllegalStateException("a sealed secret is too short");
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            return new String(c.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored secret cannot be decrypted with the current key ($" + ENV
                    + " or the state dir's " + KEY_FILE + " changed?)");
        }
    }
}

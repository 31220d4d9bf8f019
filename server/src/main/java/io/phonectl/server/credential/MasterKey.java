package io.phonectl.server.credential;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/**
 * The AES-256 key for credentials at rest: from {@code PHONECTL_MASTER_KEY} or the data folder's key file (created
 * once with mode 0600; refused if others may read it). The key id (first 16 hex digits of its SHA-256) is stored
 * beside every sealed secret, so a wrong key is named as such instead of failing as a corrupt secret.
 */
public final class MasterKey {

    public static final String FILE = "master.key";
    static final int BYTES = 32;

    private final SecretKey key;
    private final String id;

    private MasterKey(byte[] raw) {
        this.key = new SecretKeySpec(raw, "AES");
        try {
            this.id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public static MasterKey load(CredentialConfig config, Path dataDir) throws IOException {
        if (config.masterKey() != null) {
            return new MasterKey(decode(config.masterKey(), CredentialConfig.ENV));
        }
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            byte[] raw = new byte[BYTES];
            new SecureRandom().nextBytes(raw);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(
                        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
                Files.writeString(file, Base64.getEncoder().encodeToString(raw) + "\n", StandardCharsets.US_ASCII);
                return new MasterKey(raw);
            } catch (FileAlreadyExistsException raced) {
                // another process made it first: read theirs
            }
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
            throw new IOException("master key file " + file + " has mode " + PosixFilePermissions.toString(perms)
                    + ": it must be readable by its owner only (chmod 600)");
        }
        return new MasterKey(decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString()));
    }

    private static byte[] decode(String text, String where) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": the master key must be base64 (of " + BYTES + " bytes)");
        }
        if (raw.length != BYTES) {
            throw new IllegalArgumentException(where + ": the master key must be " + BYTES + " bytes (base64), not "
                    + raw.length);
        }
        return raw;
    }

    SecretKey key() {
        return key;
    }

    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + "]";
    }
}

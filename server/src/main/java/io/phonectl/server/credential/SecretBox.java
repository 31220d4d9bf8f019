package io.phonectl.server.credential;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * AES-256-GCM from the JDK: a fresh 96-bit nonce per secret, a 128-bit tag, and the credential's name as associated
 * data (a sealed secret copied onto another row does not open). Public for the other secrets the service keeps
 * at rest (webhook secrets, its callback credentials).
 */
public final class SecretBox {

    public record Sealed(byte[] nonce, byte[] box) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final MasterKey key;

    /** The id of the key that seals (stored next to each sealed secret). */
    public String keyId() {
        return key.id();
    }

    public SecretBox(MasterKey key) {
        this.key = key;
    }

    public Sealed seal(String secret, String name) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(128, nonce));
            c.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            return new Sealed(nonce, c.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    public String open(Sealed sealed, String name) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(128, sealed.nonce()));
            c.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(sealed.box()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // never the secret or the key in the message
            throw new IllegalStateException("the secret of credential set \"" + name + "\" does not open with the "
                    + "master key " + key.id() + " (altered, or sealed under another name)");
        }
    }
}

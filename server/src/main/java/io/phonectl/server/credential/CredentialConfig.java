package io.phonectl.server.credential;

/**
 * Where the key that encrypts device credentials comes from.
 *
 * @param masterKey base64 of 32 bytes ({@code PHONECTL_MASTER_KEY}); null = the key file {@value MasterKey#FILE} in
 *                  the data folder, created with mode 0600 on first start. Replicas sharing a PostgreSQL database
 *                  must share the key: give them the same variable.
 */
public record CredentialConfig(String masterKey) {

    public static final String ENV = "PHONECTL_MASTER_KEY";

    public static CredentialConfig fromEnvironment() {
        String v = System.getenv(ENV);
        return new CredentialConfig(v == null || v.isBlank() ? null : v.strip());
    }

    public static CredentialConfig keyFile() {
        return new CredentialConfig(null);
    }

    @Override
    public String toString() {
        return "CredentialConfig[" + (masterKey == null ? "key file" : ENV + "=***") + "]";
    }
}

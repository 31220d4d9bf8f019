package io.phonectl.client.credentials;

import java.io.IOException;
import io.phonectl.client.files.CappedFiles;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Turns a credentials reference into {@link Credentials}. References (as an inventory's {@code credentials}
 * column or a command-line option carries them):
 * <ul>
 *   <li>{@code env} (or empty): {@code PHONECTL_USER} and {@code PHONECTL_PASSWORD};</li>
 *   <li>{@code env:PREFIX}: {@code PREFIX_USER} and {@code PREFIX_PASSWORD};</li>
 *   <li>{@code file:PATH}: a properties file with {@code user} and {@code password};</li>
 *   <li>{@code file:PATH#key}: the same file with {@code key.user} and {@code key.password}.</li>
 * </ul>
 * Passwords are never written inline in an inventory: a reference always points elsewhere.
 * The environment is injected so that tests need no real variables.
 */
public final class CredentialResolver {

    public static final String DEFAULT_PREFIX = "PHONECTL";

    private final Map<String, String> environment;

    public CredentialResolver(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    /** Reads the process environment. */
    public static CredentialResolver fromSystemEnvironment() {
        return new CredentialResolver(System.getenv());
    }

    /**
     * @param reference    the reference (null or blank means {@code env})
     * @param userOverride a user name that replaces the one from the source, or null
     * @throws CredentialsException naming the reference and what is missing
     */
    public Credentials resolve(String reference, String userOverride) {
        String ref = reference == null || reference.isBlank() ? "env" : reference.trim();
        Credentials found;
        if (ref.equals("env")) {
            found = fromEnvironment(DEFAULT_PREFIX, userOverride);
        } else if (ref.startsWith("env:")) {
            found = fromEnvironment(ref.substring(4), userOverride);
        } else if (ref.startsWith("file:")) {
            found = fromFile(ref.substring(5), userOverride);
        } else {
            throw new CredentialsException("credentials reference \"" + ref
                    + "\": must be env, env:PREFIX, file:PATH or file:PATH#key");
        }
        return found;
    }

    private Credentials fromEnvironment(String prefix, String userOverride) {
        String userVar = prefix + "_USER";
        String passwordVar = prefix + "_PASSWORD";
        String password = environment.get(passwordVar);
        if (password == null) {
            throw new CredentialsException("credentials reference env:" + prefix + ": environment variable "
                    + passwordVar + " is not set");
        }
        String user = userOverride != null && !userOverride.isBlank() ? userOverride : environment.get(userVar);
        if (user == null || user.isBlank()) {
            throw new CredentialsException("credentials reference env:" + prefix + ": environment variable "
                    + userVar + " is not set and no user was given");
        }
        return Credentials.of(user, password);
    }

    private static Credentials fromFile(String spec, String userOverride) {
        int hash = spec.lastIndexOf('#');
        String file = hash >= 0 ? spec.substring(0, hash) : spec;
        String key = hash >= 0 ? spec.substring(hash + 1) + "." : "";
        Properties props = new Properties();
        try (Reader r = new StringReader(CappedFiles.readString(Path.of(file), CappedFiles.SECRETS,
                "a credentials file"))) {
            props.load(r);
        } catch (CappedFiles.TooLargeException e) {
            throw new CredentialsException("credentials reference file:" + spec + ": " + e.getMessage());
        } catch (IOException e) {
            throw new CredentialsException("credentials reference file:" + spec + ": cannot read " + file
                    + " (" + e.getClass().getSimpleName() + ")");
        }
        String password = props.getProperty(key + "password");
        if (password == null) {
            throw new CredentialsException("credentials reference file:" + spec + ": no property " + key + "password");
        }
        String user = userOverride != null && !userOverride.isBlank() ? userOverride : props.getProperty(key + "user");
        if (user == null || user.isBlank()) {
            throw new CredentialsException("credentials reference file:" + spec + ": no property " + key
                    + "user and no user was given");
        }
        return Credentials.of(user, password);
    }
}

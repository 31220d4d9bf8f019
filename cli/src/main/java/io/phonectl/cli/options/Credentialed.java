package io.phonectl.cli.options;

import io.phonectl.client.credentials.CredentialResolver;
import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.credentials.CredentialsException;
import io.phonectl.client.inventory.PhoneEntry;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Credential options shared by the XSI and xAPI commands. A password is never taken from the command line
 * (it would land in shell history and process listings): it comes from PHONECTL_PASSWORD, from a file, or from a
 * credentials reference as {@link CredentialResolver} reads it.
 */
public final class Credentialed {

    @Option(names = "--user", paramLabel = "USER",
            description = "User name (default: PHONECTL_USER, or the inventory's user column).")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File whose first line is the password (instead of PHONECTL_PASSWORD).")
    Path passwordFile;

    @Option(names = "--credentials", paramLabel = "REF",
            description = "Credentials reference: env, env:PREFIX, file:PATH or file:PATH#key (properties user/password).")
    String reference;

    /** Read once: a fleet push asks for every phone, from many threads. */
    private String filePassword;

    /** Credentials for one device; {@code fallbackUser} (an inventory's user column) applies when --user is absent. */
    public Credentials resolve(String fallbackUser) {
        String u = user != null ? user : fallbackUser;
        if (passwordFile != null) {
            String password = filePassword();
            String who = u != null && !u.isBlank() ? u : System.getenv("PHONECTL_USER");
            if (who == null || who.isBlank()) {
                throw new CredentialsException("--password-file needs a user: give --user or set PHONECTL_USER");
            }
            return Credentials.of(who, password);
        }
        return CredentialResolver.fromSystemEnvironment().resolve(reference, u);
    }

    /** Whether any credential option was given (a receiver then checks what phones send). */
    public boolean given() {
        return user != null || passwordFile != null || reference != null;
    }

    public Credentials resolve() {
        return resolve(null);
    }

    /**
     * Credentials for one phone of an inventory: its own credentials reference when it has one, else these options
     * (--user overrides the inventory's user column). Resolution failures make that phone NO_CREDENTIALS.
     */
    public Credentials forPhone(PhoneEntry phone) {
        if (!phone.credentials().isEmpty()) {
            return CredentialResolver.fromSystemEnvironment().resolve(phone.credentials(),
                    user != null ? user : phone.user());
        }
        return resolve(phone.user());
    }

    private synchronized String filePassword() {
        if (filePassword == null) {
            filePassword = readPassword(passwordFile);
        }
        return filePassword;
    }

    private static String readPassword(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.getFirst().isEmpty()) {
                throw new CredentialsException("--password-file " + file + ": the first line is empty");
            }
            return lines.getFirst();
        } catch (IOException e) {
            throw new CredentialsException("--password-file " + file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
    }
}

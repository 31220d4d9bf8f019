package io.phonectl.server.credential;

import java.time.Instant;

/** A credential set as the API shows it: never its secret. {@code devices} counts the devices that use it. */
public record Credential(long id, String name, String user, long devices, Instant createdAt, Instant updatedAt) {
}

package io.phonectl.server.device;

import java.util.List;

/**
 * A device as written by a client or read from an import file, before validation ({@link DeviceRules}). Every
 * member but name and address may be null. {@code credentials} is the name of a credential set, never a password.
 */
public record DeviceInput(String name, String address, String model, String kind, String site, List<String> tags,
                          String user, String credentials) {

    public DeviceInput {
        tags = tags == null ? null : List.copyOf(tags);
    }
}

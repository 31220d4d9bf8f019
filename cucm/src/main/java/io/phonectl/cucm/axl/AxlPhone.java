package io.phonectl.cucm.axl;

import java.util.List;
import java.util.Objects;

/**
 * A phone as AXL describes it. Tags that were not asked for are null. {@code model} and {@code product} are CUCM's
 * product names ("Cisco 8845"); {@code lines} comes only from getPhone.
 */
public record AxlPhone(String uuid, String name, String description, String product, String model,
                       String phoneClass, String protocol, String devicePoolName, List<Line> lines) {

    public AxlPhone {
        Objects.requireNonNull(name, "name");
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** The directory number on line 1, or null. */
    public String primaryDn() {
        return lines.stream().filter(l -> l.index() == 1).map(Line::pattern).findFirst().orElse(null);
    }

    /** One line appearance: its position, directory number and partition (may be empty). */
    public record Line(int index, String pattern, String partition) {
    }
}

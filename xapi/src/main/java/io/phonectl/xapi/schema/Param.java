package io.phonectl.xapi.schema;

import io.phonectl.xapi.tree.Leaf;

/**
 * A command parameter, or a field of an event. {@code multiple} is how many values it takes at most
 * (1 = single-valued); {@code defaultValue} is null when the device has none.
 */
public record Param(String name, ValueSpace value, boolean required, int multiple, Leaf defaultValue) {
}

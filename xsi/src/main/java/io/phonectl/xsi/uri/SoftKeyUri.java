package io.phonectl.xsi.uri;

import io.phonectl.xsi.Sources;

import java.util.List;

/** {@code SoftKey:<name>}: presses a built-in softkey of the current object (Dial and EditDial only in Directory). */
public record SoftKeyUri(String name) implements InternalUri {

    public static final List<String> NAMES = List.of("Back", "Cancel", "Exit", "Next", "Search", "Select", "Submit",
            "Update", "Dial", "EditDial", "<<");

    public SoftKeyUri {
        if (!NAMES.contains(name)) {
            throw UriRules.fail("SoftKey name", name, "must be one of " + String.join(", ", NAMES), Sources.CONTROL_SPEC);
        }
    }

    @Override
    public String family() {
        return "SoftKey";
    }

    @Override
    public String format() {
        return "SoftKey:" + name;
    }

    @Override
    public String feature() {
        return "SoftKey:" + name;
    }
}

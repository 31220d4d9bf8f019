package io.phonectl.xsi.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The project's own copies of facts taken from the seeds ({@code src/test/resources/seed-facts/}). */
public final class FactFiles {

    private FactFiles() {
    }

    /** The non-blank, non-comment lines of the test resource {@code seed-facts/NAME}. */
    public static List<String> lines(Class<?> owner, String name) {
        String resource = "/seed-facts/" + name;
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("test resource " + resource + " is missing");
            }
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }
}

package io.phonectl.xsi.action;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the action table (actions.txt, format described at its top). A malformed table is a programming error. */
final class ActionTableReader {

    private ActionTableReader() {
    }

    static List<ActionSpec> readResource(String name) {
        try (InputStream in = ActionTableReader.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ActionSpec> read(List<String> lines) {
        List<ActionSpec> actions = new ArrayList<>();
        String[] head = null;
        List<ParamSpec> params = new ArrayList<>();
        int lineNo = 0;
        for (String raw : lines) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("action ")) {
                if (head != null) {
                    actions.add(action(head, params));
                }
                head = fields(line.substring(7), 4, lineNo);
                params = new ArrayList<>();
            } else if (line.startsWith("param ")) {
                if (head == null) {
                    throw new IllegalStateException("line " + lineNo + ": param before any action");
                }
                params.add(param(fields(line.substring(6), 7, lineNo), lineNo));
            } else {
                throw new IllegalStateException("line " + lineNo + ": expected 'action' or 'param': " + line);
            }
        }
        if (head != null) {
            actions.add(action(head, params));
        }
        return actions;
    }

    private static ActionSpec action(String[] f, List<ParamSpec> params) {
        return new ActionSpec(f[0], ActionKind.parse(f[1]), f[2], f[3], params);
    }

    private static ParamSpec param(String[] f, int lineNo) {
        Set<String> flags = new HashSet<>(Arrays.asList(f[5].split("\\s+")));
        boolean required = flags.contains("required");
        if (required == flags.contains("optional")) {
            throw new IllegalStateException("line " + lineNo + ": exactly one of required/optional");
        }
        ParamSpec.Origin origin = flags.contains("spec") ? ParamSpec.Origin.SPEC
                : flags.contains("template") ? ParamSpec.Origin.TEMPLATE
                : flags.contains("ext") ? ParamSpec.Origin.EXT : null;
        if (origin == null) {
            throw new IllegalStateException("line " + lineNo + ": one of spec/template/ext");
        }
        return new ParamSpec(f[0], ParamType.parse(f[1]), Allowed.parse(f[2]), dash(f[3]), dash(f[4]),
                required, origin, flags.contains("checked"), f[6]);
    }

    private static Optional<String> dash(String v) {
        return v.equals("-") ? Optional.empty() : Optional.of(v);
    }

    private static String[] fields(String text, int count, int lineNo) {
        String[] parts = text.split("\\|", count);
        if (parts.length != count) {
            throw new IllegalStateException("line " + lineNo + ": expected " + count + " fields separated by |");
        }
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].strip();
        }
        return parts;
    }
}

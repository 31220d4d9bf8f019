package io.phonectl.sim.xapi;

import java.util.ArrayList;
import java.util.List;

/**
 * Paths written with slashes as the HTTP API and HttpFeedback expressions use them: {@code /Status/Audio/Volume},
 * {@code /Status/Call[2]/Status} or {@code /Status/Call/2/Status}; {@code //} or {@code **} is a wildcard level.
 */
final class Locations {
    private Locations() {}

    static List<Object> parse(String location) {
        List<Object> out = new ArrayList<>();
        if (location == null) return out;
        String[] parts = location.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.isEmpty()) {
                if (i > 0 && i < parts.length - 1 && !out.isEmpty()) out.add("**"); // "a//b"
                continue;
            }
            int bracket = p.indexOf('[');
            if (bracket > 0 && p.endsWith("]")) {
                out.add(p.substring(0, bracket));
                String idx = p.substring(bracket + 1, p.length() - 1);
                if (idx.matches("\\d{1,9}")) out.add(Integer.parseInt(idx));
            } else if (p.matches("\\d{1,9}")) {
                out.add(Integer.parseInt(p));
            } else {
                out.add(p);
            }
        }
        return out;
    }
}

package io.phonectl.cli.sim;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where tools keep what they write by default (the simulator's fleet files), so that nothing lands in the working
 * directory unless asked: {@code $PHONECTL_STATE_DIR}, else {@code $XDG_STATE_HOME/phonectl}, else
 * {@code ~/.local/state/phonectl} (the XDG base-directory default).
 */
final class StateFolder {

    private StateFolder() {
    }

    static Path resolve(Map<String, String> env, String userHome) {
        String explicit = env.get("PHONECTL_STATE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        String xdg = env.get("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "phonectl");
        }
        return Path.of(userHome, ".local", "state", "phonectl");
    }

    static Path current() {
        return resolve(System.getenv(), System.getProperty("user.home"));
    }
}

package io.phonectl.xapi.terminal;

import io.phonectl.xapi.call.XapiCall;

import java.util.Objects;
import java.util.Optional;

/** A terminal-mode input: the call plus the optional {@code | resultId="…"} tag echoed in the answer. */
public record TerminalRequest(XapiCall call, String resultId) {

    public TerminalRequest {
        Objects.requireNonNull(call, "call");
    }

    public static TerminalRequest of(XapiCall call) {
        return new TerminalRequest(call, null);
    }

    public Optional<String> tag() {
        return Optional.ofNullable(resultId);
    }
}

package io.phonectl.xapi.call;

import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.tree.Leaf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One xAPI operation, independent of the wire format: the WebSocket mapping is {@link XapiCalls}, the terminal
 * mapping {@code terminal.TerminalInput}. Paths of Get/Query/Set/Subscribe start with the document name
 * ({@code Status}, {@code Configuration}, {@code Event}); a command path omits {@code Command}.
 */
public sealed interface XapiCall {

    record Get(XPath path) implements XapiCall {
    }

    record Query(XPath query) implements XapiCall {
    }

    record Set(XPath path, Leaf value) implements XapiCall {
    }

    /**
     * Parameters keep their order; a multi-valued parameter has several values ({@code ConnectorId: 2 ConnectorId:
     * 3}, {@code "ConnectorId":[2,3]}); {@code body} is the multi-line payload or null.
     */
    record Command(XPath command, Map<String, List<Leaf>> params, String body) implements XapiCall {
        public Command {
            Objects.requireNonNull(command, "command");
            LinkedHashMap<String, List<Leaf>> copy = new LinkedHashMap<>();
            params.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            params = java.util.Collections.unmodifiableMap(copy);
        }

        public Optional<String> bodyText() {
            return Optional.ofNullable(body);
        }
    }

    record Subscribe(XPath query, boolean notifyCurrentValue) implements XapiCall {
    }

    /** WebSocket deregistration: by the integer Id the subscribe result returned. */
    record Unsubscribe(long id) implements XapiCall {
    }

    /** Terminal deregistration ({@code xFeedback Deregister /Status/…}): by path, the terminal has no Ids. */
    record Deregister(XPath query) implements XapiCall {
    }
}

package io.phonectl.cucm.axl;

import io.phonectl.cucm.CucmParseException;
import io.phonectl.cucm.CucmValidationException;
import io.phonectl.cucm.soap.Soap;
import io.phonectl.cucm.xml.XmlNode;
import io.phonectl.cucm.xml.XmlWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes AXL requests (client side) and reads them back (simulator side). */
public final class AxlRequests {

    /** The operations of this subset; anything else is an unknown operation to the simulator. */
    public static final Set<String> OPERATIONS = Set.of("listPhone", "getPhone", "executeSQLQuery", "listChange");
    /** Requests are small; a larger one is refused before parsing. */
    public static final int MAX_REQUEST_BYTES = 256 * 1024;

    private AxlRequests() {
    }

    /** The request document, namespace {@code ns} bound to the version's AXL namespace. */
    public static byte[] encode(AxlVersion version, AxlRequest request) {
        XmlWriter w = new XmlWriter(256);
        w.open("ns:" + request.operation());
        request.writeBody(w);
        w.close("ns:" + request.operation());
        return Soap.envelope("ns", version.namespace(), w.toString());
    }

    /**
     * Reads a request; the caller has already checked that the body element is one of {@link #OPERATIONS}.
     *
     * @throws CucmParseException      when a required element is missing or not a number
     * @throws CucmValidationException when a value breaks the operation's rules
     */
    public static AxlRequest decode(XmlNode op) {
        return switch (op.name()) {
            case "listPhone" -> listPhone(op);
            case "getPhone" -> {
                String name = op.text("name");
                String uuid = op.text("uuid");
                yield new GetPhone(name == null || name.isEmpty() ? null : name, uuid == null || uuid.isEmpty() ? null : uuid);
            }
            case "executeSQLQuery" -> new ExecuteSqlQuery(op.text("sql", ""));
            case "listChange" -> listChange(op);
            default -> throw new CucmParseException("not an operation of this subset: " + op.name());
        };
    }

    private static ListPhone listPhone(XmlNode op) {
        XmlNode criteria = op.child("searchCriteria")
                .orElseThrow(() -> new CucmParseException("listPhone without searchCriteria"));
        Map<String, String> search = new LinkedHashMap<>();
        criteria.children().forEach(c -> search.put(c.name(), c.text().strip()));
        List<String> tags = new ArrayList<>();
        op.child("returnedTags").ifPresent(r -> r.children().forEach(c -> tags.add(c.name())));
        return new ListPhone(search, tags, integer(op, "skip"), integer(op, "first"));
    }

    private static ListChange listChange(XmlNode op) {
        List<String> objects = new ArrayList<>();
        op.child("objectList").ifPresent(l -> l.children("object").forEach(o -> objects.add(o.text().strip())));
        XmlNode start = op.child("startChangeId").orElse(null);
        if (start == null) {
            return ListChange.first(objects);
        }
        String queueId = start.attribute("queueId");
        long id;
        try {
            id = Long.parseLong(start.text().strip());
        } catch (NumberFormatException e) {
            throw new CucmParseException("startChangeId \"" + start.text().strip() + "\" is not a number");
        }
        return new ListChange(id, queueId == null ? "" : queueId, objects);
    }

    private static Integer integer(XmlNode op, String name) {
        String t = op.text(name);
        if (t == null || t.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            throw new CucmParseException(name + " \"" + t + "\" is not a number");
        }
    }
}

package io.phonectl.sim.cucm;

import io.phonectl.cucm.CucmException;
import io.phonectl.cucm.axl.AxlFaults;
import io.phonectl.cucm.axl.AxlPhone;
import io.phonectl.cucm.axl.AxlRequest;
import io.phonectl.cucm.axl.AxlRequests;
import io.phonectl.cucm.axl.AxlResponses;
import io.phonectl.cucm.axl.AxlVersion;
import io.phonectl.cucm.axl.ExecuteSqlQuery;
import io.phonectl.cucm.axl.GetPhone;
import io.phonectl.cucm.axl.ListChange;
import io.phonectl.cucm.axl.ListPhone;
import io.phonectl.cucm.soap.Soap;
import io.phonectl.cucm.soap.SoapFault;
import io.phonectl.sim.net.Reply;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /axl/}: listPhone, getPhone, executeSQLQuery and listChange over the directory, with AXL's versioning
 * rules, its 8 MB reply throttle and its faults. Other AXL operations are answered as a JAX-WS service answers an
 * operation it does not have.
 */
final class AxlEndpoint {

    static final String CONTENT_TYPE = "text/xml;charset=UTF-8";

    private final CucmDirectory directory;
    private final int maxReplyBytes;

    AxlEndpoint(CucmDirectory directory, int maxReplyBytes) {
        this.directory = directory;
        this.maxReplyBytes = maxReplyBytes;
    }

    Reply handle(String soapAction, byte[] body) {
        Soap.Message m;
        try {
            m = Soap.read(body, AxlRequests.MAX_REQUEST_BYTES);
        } catch (CucmException e) {
            return fault(SoapFault.client("Unmarshalling Error: " + e.getMessage()));
        }
        if (m.isFault()) {
            return fault(SoapFault.client("a request cannot be a Fault"));
        }
        String op = m.body().name();
        AxlVersion version = AxlVersion.fromNamespace(m.namespace());
        if (version == null || !AxlVersion.SUPPORTED.contains(version)) {
            return fault(SoapFault.client("namespace \"" + m.namespace() + "\" is not an AXL schema this server offers "
                    + AxlVersion.SUPPORTED.stream().map(AxlVersion::namespace).toList()));
        }
        AxlVersion.Action action = AxlVersion.parseAction(soapAction);
        if (soapAction != null && !soapAction.isBlank()) {
            if (action == null) {
                return fault(SoapFault.client("SOAPAction " + soapAction + " is not \"CUCM:DB ver=N.N operation\""));
            }
            if (!action.version().equals(version) || !action.operation().equals(op)) {
                return fault(SoapFault.client("SOAPAction " + soapAction + " does not match the body ("
                        + version.number() + " " + op + "): both must name the same version and operation"));
            }
        }
        if (!AxlRequests.OPERATIONS.contains(op)) {
            return fault(SoapFault.client("Cannot find dispatch method for {" + version.namespace() + "}" + op));
        }
        AxlRequest request;
        try {
            request = AxlRequests.decode(m.body());
        } catch (CucmException e) {
            return fault(SoapFault.axl(e.getMessage(), 5003, op));
        }
        return switch (request) {
            case ListPhone l -> listPhone(version, l);
            case GetPhone g -> getPhone(version, g);
            case ExecuteSqlQuery q -> sql(version, q);
            case ListChange c -> listChange(version, c);
        };
    }

    private Reply listPhone(AxlVersion v, ListPhone l) {
        Map<String, Pattern> criteria = new java.util.HashMap<>();
        l.searchCriteria().forEach((k, val) -> criteria.put(k, Wildcards.axl(val)));
        List<AxlPhone> all = directory.list(p -> criteria.entrySet().stream().allMatch(e -> {
            String value = switch (e.getKey()) {
                case "name" -> p.name();
                case "description" -> p.description();
                case "protocol" -> p.protocol();
                case "devicePoolName" -> p.devicePoolName();
                default -> ""; // criteria the simulator does not model match only an empty pattern
            };
            return e.getValue().matcher(value == null ? "" : value).matches();
        }));
        int from = l.skip() == null ? 0 : Math.min(l.skip(), all.size());
        int to = l.first() == null ? all.size() : (int) Math.min(all.size(), (long) from + l.first());
        List<AxlPhone> page = all.subList(from, to);
        return throttled(AxlResponses.listPhone(v, page, l.returnedTags()), page.size(), "listPhone");
    }

    private Reply getPhone(AxlVersion v, GetPhone g) {
        return (g.name() != null ? directory.byName(g.name()) : directory.byUuid(g.uuid()))
                .map(p -> ok(AxlResponses.getPhone(v, p)))
                .orElseGet(() -> fault(SoapFault.axl("Item not valid: The specified " + (g.name() != null
                        ? g.name() : g.uuid()) + " was not found", 5007, "getPhone")));
    }

    private Reply sql(AxlVersion v, ExecuteSqlQuery q) {
        SqlQuery query = SqlQuery.parse(q.sql());
        if (query == null) {
            return fault(SoapFault.axl("A syntax error has occurred.", -201, "executeSQLQuery"));
        }
        List<Map<String, String>> rows = query.run(directory.list(p -> true));
        return throttled(AxlResponses.sqlRows(v, rows), rows.size(), "executeSQLQuery");
    }

    private Reply listChange(AxlVersion v, ListChange c) {
        try {
            return ok(AxlResponses.listChange(v, directory.changes(c.startChangeId(), c.queueId(),
                    new HashSet<>(c.objects()))));
        } catch (ChangeQueue.Gone gone) {
            return fault(gone.wrongQueue ? AxlFaults.queueIdMismatch() : SoapFault.axl("The startChangeId "
                    + c.startChangeId() + " is no longer in the change queue. A full sync is needed.", 5008,
                    "listChange"));
        }
    }

    /** AXL refuses to send more than 8 MB and says how many rows would fit. */
    private Reply throttled(byte[] reply, int rows, String request) {
        if (reply.length <= maxReplyBytes) {
            return ok(reply);
        }
        long suggested = Math.max(1, (long) rows * maxReplyBytes / reply.length);
        return fault(AxlFaults.tooLarge(rows, suggested, request));
    }

    static Reply ok(byte[] doc) {
        return new Reply(200, CONTENT_TYPE, Map.of(), doc);
    }

    static Reply fault(SoapFault f) {
        return new Reply(500, CONTENT_TYPE, Map.of(), Soap.fault(f));
    }
}

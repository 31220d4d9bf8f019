package io.phonectl.client.cucm;

import io.phonectl.cucm.axl.AxlFaults;
import io.phonectl.cucm.axl.AxlPhone;
import io.phonectl.cucm.axl.AxlRequest;
import io.phonectl.cucm.axl.AxlRequests;
import io.phonectl.cucm.axl.AxlResponses;
import io.phonectl.cucm.axl.ChangeBatch;
import io.phonectl.cucm.axl.ExecuteSqlQuery;
import io.phonectl.cucm.axl.GetPhone;
import io.phonectl.cucm.axl.ListChange;
import io.phonectl.cucm.axl.ListPhone;
import io.phonectl.cucm.soap.Soap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AXL requests discovery makes, on the publisher: listPhone page by page, the line query with SKIP/FIRST when
 * one answer would be too large, getPhone, listChange. Counts its requests.
 */
public final class AxlClient {

    static final String ROLES = "\"Standard AXL API Access\" and \"Standard CCM Admin Users\" (or its read-only form)";
    /** Returned tags discovery needs from listPhone. */
    static final List<String> TAGS = List.of("name", "description", "model", "protocol", "devicePoolName");
    /** Line 1's directory number of every phone (device → devicenumplanmap → numplan); typemodel names the model. */
    static final String LINE_QUERY = "d.name, tm.name as model, n.dnorpattern as dn from device d inner join typemodel tm "
            + "on tm.enum = d.tkmodel left outer join devicenumplanmap m on m.fkdevice = d.pkid and m.numplanindex = 1 "
            + "left outer join numplan n on n.pkid = m.fknumplan where d.tkclass = 1 order by d.name";

    private final CucmTransport transport;
    private int requests;

    public AxlClient(CucmTransport transport) {
        this.transport = transport;
    }

    public int requests() {
        return requests;
    }

    private Soap.Message call(AxlRequest r) {
        requests++;
        CucmClientConfig c = transport.config();
        return transport.post("AXL", ROLES, c.uri(c.host(), "/axl/"), c.axlVersion().soapAction(r.operation()),
                AxlRequests.encode(c.axlVersion(), r));
    }

    private static Soap.Message ok(String request, Soap.Message m) {
        if (m.isFault()) {
            throw new CucmClientException.Fault(request, m.fault());
        }
        return m;
    }

    /** A fault that says how many rows fit, or empty. */
    private static Optional<AxlFaults.TooLarge> tooLarge(Soap.Message m) {
        return m.isFault() ? AxlFaults.tooLarge(m.fault()) : Optional.empty();
    }

    /** Every phone, {@code first} at a time; a page AXL finds too large is asked again smaller. */
    public List<AxlPhone> listPhones(DiscoveryListener listener) {
        List<AxlPhone> out = new ArrayList<>();
        int page = transport.config().axlPage();
        int skip = 0;
        while (true) {
            Soap.Message m = call(ListPhone.page(TAGS, skip, page));
            Optional<AxlFaults.TooLarge> big = tooLarge(m);
            if (big.isPresent()) {
                int smaller = shrink(big.get(), page);
                listener.phase("AXL phones (pages of " + smaller + ": a page of " + page + " was over 8 MB)", -1);
                page = smaller;
                continue;
            }
            List<AxlPhone> got = AxlResponses.readListPhone(ok("listPhone", m));
            out.addAll(got);
            listener.progress(out.size(), -1);
            if (got.size() < page) {
                return out;
            }
            skip += got.size();
        }
    }

    /** Nine tenths of what AXL suggests (rows differ in size), at least one, less than before. */
    private static int shrink(AxlFaults.TooLarge t, int current) {
        int suggested = (int) Math.min(Integer.MAX_VALUE, Math.max(1, t.suggestedRows() * 9 / 10));
        if (current <= 1) {
            throw new CucmClientException.Protocol("AXL says one row is too large: " + t, null);
        }
        return Math.min(suggested, current - 1);
    }

    /**
     * Line 1's number per phone name. One query when it fits; otherwise the rows AXL reports, split into
     * {@code SKIP s FIRST n} slices of the suggested size.
     */
    public Map<String, String> lineOneNumbers(DiscoveryListener listener) {
        Map<String, String> out = new LinkedHashMap<>();
        Soap.Message whole = call(new ExecuteSqlQuery("select " + LINE_QUERY));
        Optional<AxlFaults.TooLarge> big = tooLarge(whole);
        if (big.isEmpty()) {
            AxlResponses.readSqlRows(ok("executeSQLQuery", whole)).forEach(r -> out.put(r.get("name"), r.get("dn")));
            return out;
        }
        int slice = shrink(big.get(), Integer.MAX_VALUE);
        long total = big.get().totalRows();
        listener.phase("AXL lines (" + total + " rows in slices of " + slice + ": one answer would be over 8 MB)",
                (int) total);
        int skip = 0;
        while (true) {
            Soap.Message m = call(new ExecuteSqlQuery("select skip " + skip + " first " + slice + " " + LINE_QUERY));
            Optional<AxlFaults.TooLarge> still = tooLarge(m);
            if (still.isPresent()) {
                slice = shrink(still.get(), slice);
                continue;
            }
            List<Map<String, String>> rows = AxlResponses.readSqlRows(ok("executeSQLQuery", m));
            rows.forEach(r -> out.put(r.get("name"), r.get("dn")));
            skip += rows.size();
            listener.progress(skip, (int) total);
            if (rows.size() < slice) {
                return out;
            }
        }
    }

    /** One phone by uuid (braces and case as listChange writes them), or empty when it is gone. */
    public Optional<AxlPhone> phoneByUuid(String uuid) {
        Soap.Message m = call(GetPhone.byUuid(uuid));
        if (m.isFault()) {
            if (m.fault().message().startsWith("Item not valid")) {
                return Optional.empty();
            }
            throw new CucmClientException.Fault("getPhone", m.fault());
        }
        return Optional.of(AxlResponses.readGetPhone(m));
    }

    /** One listChange answer; a fault (queue gone) is thrown as {@link CucmClientException.Fault}. */
    public ChangeBatch changes(ListChange request) {
        return AxlResponses.readListChange(ok("listChange", call(request)));
    }
}

package io.phonectl.cucm.axl;

import io.phonectl.cucm.CucmParseException;
import io.phonectl.cucm.soap.Soap;
import io.phonectl.cucm.xml.XmlNode;
import io.phonectl.cucm.xml.XmlWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes AXL responses (simulator side) and reads them (client side). Readers are tolerant: unknown elements are
 * ignored, order does not matter and nil or missing tags read as null, as the AXL guide asks of clients.
 */
public final class AxlResponses {

    private AxlResponses() {
    }

    private static String open(AxlVersion v, String op) {
        return "<ns:" + op + "Response xmlns:ns=\"" + v.namespace() + "\">";
    }

    /** listPhoneResponse with only the returned tags asked for. */
    public static byte[] listPhone(AxlVersion v, List<AxlPhone> phones, List<String> tags) {
        XmlWriter w = new XmlWriter(64 + phones.size() * 48 * Math.max(1, tags.size()));
        w.raw(open(v, "listPhone")).open("return");
        for (AxlPhone p : phones) {
            writePhone(w, p, tags, false);
        }
        w.close("return").raw("</ns:listPhoneResponse>");
        return Soap.response(w.toString());
    }

    /** getPhoneResponse: every modelled tag and the lines. */
    public static byte[] getPhone(AxlVersion v, AxlPhone p) {
        XmlWriter w = new XmlWriter(1024);
        w.raw(open(v, "getPhone")).open("return");
        writePhone(w, p, ListPhone.TAGS, true);
        w.close("return").raw("</ns:getPhoneResponse>");
        return Soap.response(w.toString());
    }

    private static void writePhone(XmlWriter w, AxlPhone p, List<String> tags, boolean lines) {
        w.open("phone", "uuid", p.uuid() == null ? "" : p.uuid());
        for (String t : tags) {
            switch (t) {
                case "name" -> w.element("name", p.name());
                case "description" -> w.element("description", p.description());
                case "product" -> w.element("product", p.product());
                case "model" -> w.element("model", p.model());
                case "class" -> w.element("class", p.phoneClass());
                case "protocol" -> w.element("protocol", p.protocol());
                case "devicePoolName" -> w.element("devicePoolName", p.devicePoolName());
                default -> {
                    // ListPhone validated the tags
                }
            }
        }
        if (lines) {
            w.open("lines");
            for (AxlPhone.Line l : p.lines()) {
                w.open("line").element("index", l.index()).open("dirn").element("pattern", l.pattern())
                        .element("routePartitionName", l.partition()).close("dirn").close("line");
            }
            w.close("lines");
        }
        w.close("phone");
    }

    /** executeSQLQueryResponse: one {@code row} per result row, one element per column. */
    public static byte[] sqlRows(AxlVersion v, List<Map<String, String>> rows) {
        XmlWriter w = new XmlWriter(64 + rows.size() * 96);
        w.raw(open(v, "executeSQLQuery")).open("return");
        for (Map<String, String> row : rows) {
            w.open("row");
            row.forEach(w::element);
            w.close("row");
        }
        w.close("return").raw("</ns:executeSQLQueryResponse>");
        return Soap.response(w.toString());
    }

    public static byte[] listChange(AxlVersion v, ChangeBatch batch) {
        XmlWriter w = new XmlWriter(256 + batch.changes().size() * 160);
        ChangeBatch.QueueInfo q = batch.queue();
        w.raw(open(v, "listChange")).open("queueInfo").element("firstChangeId", q.firstChangeId())
                .element("lastChangeId", q.lastChangeId()).element("nextStartChangeId", q.nextStartChangeId())
                .element("queueId", q.queueId()).close("queueInfo").open("changes");
        for (ChangeBatch.Change c : batch.changes()) {
            w.open("change", "type", c.type(), "uuid", c.uuid()).element("id", c.id()).element("action", c.action())
                    .element("doGet", c.doGet());
            if (!c.changedTags().isEmpty()) {
                w.open("changedTags");
                c.changedTags().forEach((k, val) -> w.open("changedTag", "name", k).text(val).close("changedTag"));
                w.close("changedTags");
            }
            w.close("change");
        }
        w.close("changes").raw("</ns:listChangeResponse>");
        return Soap.response(w.toString());
    }

    // ---- reading ----

    public static List<AxlPhone> readListPhone(Soap.Message m) {
        XmlNode ret = m.expect("listPhoneResponse").child("return").orElse(null);
        List<AxlPhone> out = new ArrayList<>();
        if (ret != null) {
            for (XmlNode p : ret.children("phone")) {
                out.add(phone(p));
            }
        }
        return out;
    }

    public static AxlPhone readGetPhone(Soap.Message m) {
        XmlNode p = m.expect("getPhoneResponse").child("return").flatMap(r -> r.child("phone"))
                .orElseThrow(() -> new CucmParseException("getPhoneResponse without return/phone"));
        return phone(p);
    }

    private static AxlPhone phone(XmlNode p) {
        String name = p.text("name");
        if (name == null || name.isEmpty()) {
            throw new CucmParseException("phone without a name");
        }
        List<AxlPhone.Line> lines = new ArrayList<>();
        p.child("lines").ifPresent(ls -> ls.children("line").forEach(l -> {
            String idx = l.text("index", "0");
            int index;
            try {
                index = Integer.parseInt(idx);
            } catch (NumberFormatException e) {
                throw new CucmParseException("line index \"" + idx + "\" is not a number");
            }
            XmlNode dirn = l.child("dirn").orElse(null);
            lines.add(new AxlPhone.Line(index, dirn == null ? null : dirn.text("pattern"),
                    dirn == null ? null : dirn.text("routePartitionName")));
        }));
        String uuid = p.attribute("uuid");
        return new AxlPhone(uuid == null || uuid.isEmpty() ? null : uuid, name, p.text("description"),
                p.text("product"), p.text("model"), p.text("class"), p.text("protocol"), p.text("devicePoolName"), lines);
    }

    public static List<Map<String, String>> readSqlRows(Soap.Message m) {
        XmlNode ret = m.expect("executeSQLQueryResponse").child("return").orElse(null);
        List<Map<String, String>> rows = new ArrayList<>();
        if (ret != null) {
            for (XmlNode r : ret.children("row")) {
                Map<String, String> row = new LinkedHashMap<>();
                r.children().forEach(c -> row.put(c.name(), c.nil() ? null : c.text().strip()));
                rows.add(row);
            }
        }
        return rows;
    }

    public static ChangeBatch readListChange(Soap.Message m) {
        XmlNode r = m.expect("listChangeResponse");
        XmlNode q = r.child("queueInfo").orElseThrow(() -> new CucmParseException("listChangeResponse without queueInfo"));
        ChangeBatch.QueueInfo info = new ChangeBatch.QueueInfo(number(q, "firstChangeId"), number(q, "lastChangeId"),
                number(q, "nextStartChangeId"), q.text("queueId", ""));
        List<ChangeBatch.Change> changes = new ArrayList<>();
        r.child("changes").ifPresent(cs -> cs.children("change").forEach(c -> {
            Map<String, String> tags = new LinkedHashMap<>();
            c.child("changedTags").ifPresent(t -> t.children("changedTag").forEach(
                    tag -> tags.put(String.valueOf(tag.attribute("name")), tag.text().strip())));
            String uuid = c.attribute("uuid");
            changes.add(new ChangeBatch.Change(c.attribute("type") == null ? "" : c.attribute("type"),
                    uuid == null ? "" : uuid, number(c, "id"), c.text("action", ""),
                    "true".equalsIgnoreCase(c.text("doGet", "false")), tags));
        }));
        return new ChangeBatch(info, changes);
    }

    private static long number(XmlNode n, String name) {
        String t = n.text(name);
        if (t == null || t.isEmpty()) {
            throw new CucmParseException("<" + n.name() + "> without " + name);
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new CucmParseException(name + " \"" + t + "\" is not a number");
        }
    }
}

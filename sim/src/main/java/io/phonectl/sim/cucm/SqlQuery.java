package io.phonectl.sim.cucm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one executeSQLQuery shape the simulator answers: the device/typemodel/numplan query discovery tools send,
 * with Informix {@code SKIP n FIRST m} paging, any subset of its columns, an optional name filter and the device
 * pool join. Anything else is refused as a syntax error: the simulator has no SQL engine (docs/cucm.md).
 */
record SqlQuery(int skip, int first, List<Column> columns, String nameLike) {

    /** A column the query may select, its SQL expression and the row element it becomes. */
    enum Column {
        NAME("d.name", "name"), DESCRIPTION("d.description", "description"), MODEL("tm.name as model", "model"),
        DEVICEPOOL("dp.name as devicepool", "devicepool"), DN("n.dnorpattern as dn", "dn"), PKID("d.pkid", "pkid");

        final String expression;
        final String element;

        Column(String expression, String element) {
            this.expression = expression;
            this.element = element;
        }
    }

    private static final Pattern SHAPE = Pattern.compile("select(?: skip (\\d{1,9}))?(?: first (\\d{1,9}))? (.+?) "
            + "from device d inner join typemodel tm on tm\\.enum = d\\.tkmodel"
            + "( inner join devicepool dp on dp\\.pkid = d\\.fkdevicepool)?"
            + " left outer join devicenumplanmap m on m\\.fkdevice = d\\.pkid and m\\.numplanindex = 1"
            + " left outer join numplan n on n\\.pkid = m\\.fknumplan where d\\.tkclass = 1"
            + "(?: and d\\.name like '([^']*)')? order by d\\.name");

    /** Parses the statement, or returns null when it is not the supported shape. */
    static SqlQuery parse(String sql) {
        String s = sql.strip().replaceAll("\\s+", " ").replaceAll(" ?, ?", ", ").replaceAll(" ?= ?", " = ");
        Matcher m = SHAPE.matcher(s.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        List<Column> cols = new ArrayList<>();
        for (String c : m.group(3).split(", ")) {
            Column col = null;
            for (Column k : Column.values()) {
                if (k.expression.equals(c.strip())) {
                    col = k;
                }
            }
            if (col == null || (col == Column.DEVICEPOOL && m.group(4) == null)) {
                return null;
            }
            cols.add(col);
        }
        // the name pattern keeps its case from the original text
        String like = null;
        if (m.group(5) != null) {
            Matcher orig = Pattern.compile("(?i)like '([^']*)'").matcher(s);
            like = orig.find() ? orig.group(1) : m.group(5);
        }
        return new SqlQuery(m.group(1) == null ? 0 : Integer.parseInt(m.group(1)),
                m.group(2) == null ? Integer.MAX_VALUE : Integer.parseInt(m.group(2)), cols, like);
    }

    /** The result rows over the directory's phones, ordered by name, SKIP and FIRST applied. */
    List<Map<String, String>> run(List<io.phonectl.cucm.axl.AxlPhone> phones) {
        List<Map<String, String>> rows = new ArrayList<>();
        java.util.regex.Pattern like = nameLike == null ? null : Wildcards.axl(nameLike);
        int skipped = 0;
        for (io.phonectl.cucm.axl.AxlPhone p : phones) {
            if (like != null && !like.matcher(p.name()).matches()) {
                continue;
            }
            if (skipped++ < skip) {
                continue;
            }
            if (rows.size() >= first) {
                break;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (Column c : columns) {
                row.put(c.element, switch (c) {
                    case NAME -> p.name();
                    case DESCRIPTION -> p.description();
                    case MODEL -> p.model();
                    case DEVICEPOOL -> p.devicePoolName();
                    case DN -> p.primaryDn();
                    case PKID -> p.uuid() == null ? null : p.uuid().replace("{", "").replace("}", "")
                            .toLowerCase(Locale.ROOT);
                });
            }
            rows.add(row);
        }
        return rows;
    }
}

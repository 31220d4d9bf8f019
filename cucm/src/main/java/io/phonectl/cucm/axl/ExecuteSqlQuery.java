package io.phonectl.cucm.axl;

import io.phonectl.cucm.CucmValidationException;
import io.phonectl.cucm.xml.XmlWriter;

/** {@code executeSQLQuery}: one Informix SELECT against the CUCM database; rows come back as name/value maps. */
public record ExecuteSqlQuery(String sql) implements AxlRequest {

    public ExecuteSqlQuery {
        if (sql == null || sql.isBlank()) {
            throw new CucmValidationException("sql", "\"\"", "must be a SELECT statement", "AXL schema, executeSQLQuery");
        }
    }

    @Override
    public String operation() {
        return "executeSQLQuery";
    }

    @Override
    public void writeBody(XmlWriter w) {
        w.element("sql", sql);
    }
}

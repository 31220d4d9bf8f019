package io.phonectl.cucm.axl;

import io.phonectl.cucm.xml.XmlWriter;

/** One AXL request of the subset discovery uses; each writes the children of its operation element. */
public sealed interface AxlRequest permits ListPhone, GetPhone, ExecuteSqlQuery, ListChange {

    /** The operation element's name, also the last word of the SOAPAction. */
    String operation();

    /** Writes the operation element's children (unqualified, as the AXL schema wants them). */
    void writeBody(XmlWriter w);
}

package io.phonectl.xsi.object;

/**
 * Anything the XSI codec writes or reads: display objects ({@link XsiObject}) and the component-API messages
 * in {@code io.phonectl.xsi.component}. Not sealed because its two families live in different packages.
 */
public interface XsiDocument {
    /** The XML root element name, exactly as the phone spells it (case-sensitive). */
    String rootElement();
}

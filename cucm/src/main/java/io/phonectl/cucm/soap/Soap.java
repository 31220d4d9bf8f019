package io.phonectl.cucm.soap;

import io.phonectl.cucm.CucmParseException;
import io.phonectl.cucm.xml.XmlNode;
import io.phonectl.cucm.xml.XmlTree;
import io.phonectl.cucm.xml.XmlWriter;

import java.nio.charset.StandardCharsets;

/**
 * SOAP 1.1 envelopes as AXL and RisPort70 exchange them: writing an envelope around a body, writing a fault, and
 * reading a document back into its body element or its fault.
 */
public final class Soap {

    public static final String ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private Soap() {
    }

    /**
     * A complete request or response: declaration, {@code soapenv:Envelope} declaring {@code soapenv}, {@code xsi} and
     * the given prefix, an empty header (as SoapUI and the DevNet samples send it) and the body.
     */
    public static byte[] envelope(String prefix, String namespace, String body) {
        String doc = DECLARATION + "<soapenv:Envelope xmlns:soapenv=\"" + ENVELOPE_NS + "\" xmlns:xsi=\"" + XSI_NS
                + "\" xmlns:" + prefix + "=\"" + XmlWriter.escape(namespace) + "\"><soapenv:Header/><soapenv:Body>"
                + body + "</soapenv:Body></soapenv:Envelope>";
        return doc.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A response envelope as AXL and RisPort write it: no header, the body element declaring its own namespace
     * (and {@code xsi} on the Envelope, for nil values).
     */
    public static byte[] response(String body) {
        return (DECLARATION + "<soapenv:Envelope xmlns:soapenv=\"" + ENVELOPE_NS + "\" xmlns:xsi=\"" + XSI_NS
                + "\"><soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>").getBytes(StandardCharsets.UTF_8);
    }

    /** A fault envelope; with an AXL code it carries the {@code axlError} detail the way AXL writes it. */
    public static byte[] fault(SoapFault f) {
        XmlWriter w = new XmlWriter(512);
        w.raw(DECLARATION).raw("<soapenv:Envelope xmlns:soapenv=\"" + ENVELOPE_NS + "\"><soapenv:Body><soapenv:Fault>");
        w.element("faultcode", f.code()).element("faultstring", f.message());
        if (f.axlCode() != null) {
            w.open("detail").open("axlError").element("axlcode", f.axlCode()).element("axlmessage", f.message())
                    .element("request", f.axlRequest()).close("axlError").close("detail");
        }
        w.raw("</soapenv:Fault></soapenv:Body></soapenv:Envelope>");
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads an envelope: the first element of its Body, or the fault it carries.
     *
     * @throws CucmParseException when the document is not a SOAP envelope with a body element
     */
    public static Message read(byte[] document, int maxBytes) {
        XmlNode root = XmlTree.parse(document, maxBytes);
        if (!root.name().equals("Envelope")) {
            throw new CucmParseException("expected a SOAP Envelope, found <" + root.name() + ">");
        }
        XmlNode body = root.child("Body").orElseThrow(() -> new CucmParseException("SOAP Envelope without a Body"));
        if (body.children().isEmpty()) {
            throw new CucmParseException("SOAP Body is empty");
        }
        XmlNode first = body.children().getFirst();
        if (first.name().equals("Fault")) {
            return new Message(null, fault(first), null);
        }
        String ns = first.declaredNamespace(first.prefix());
        if (ns == null) {
            ns = body.declaredNamespace(first.prefix());
        }
        if (ns == null) {
            ns = root.declaredNamespace(first.prefix());
        }
        return new Message(first, null, ns == null ? "" : ns);
    }

    private static SoapFault fault(XmlNode f) {
        String code = f.text("faultcode", "soapenv:Server");
        String message = f.text("faultstring", "");
        XmlNode error = f.child("detail").flatMap(d -> d.child("axlError")).orElse(null);
        Integer axlCode = null;
        String request = null;
        if (error != null) {
            String c = error.text("axlcode");
            try {
                axlCode = c == null ? null : Integer.valueOf(c);
            } catch (NumberFormatException e) {
                throw new CucmParseException("axlcode \"" + c + "\" is not a number");
            }
            request = error.text("request");
            if (message.isEmpty()) {
                message = error.text("axlmessage", "");
            }
        }
        return new SoapFault(code, message, axlCode, request);
    }

    /**
     * A read envelope: either {@code body} (the operation element) or {@code fault} is set.
     *
     * @param namespace the namespace the body element's prefix is bound to (on itself, the Body or the Envelope)
     */
    public record Message(XmlNode body, SoapFault fault, String namespace) {

        public boolean isFault() {
            return fault != null;
        }

        /** The body element, or a parse error naming what was expected when this is a fault. */
        public XmlNode expect(String operation) {
            if (fault != null) {
                throw new CucmParseException("expected <" + operation + ">, got a fault: " + fault);
            }
            if (!body.name().equals(operation)) {
                throw new CucmParseException("expected <" + operation + ">, found <" + body.name() + ">");
            }
            return body;
        }
    }
}

package io.phonectl.xsi.codec;

import io.phonectl.xsi.XsiException;
import io.phonectl.xsi.XsiParseException;
import io.phonectl.xsi.xml.SafeXml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads bytes into a {@link Node} tree through {@link SafeXml}, enforcing depth and the declaration rules. */
final class TreeReader {

    private static final Pattern WELL_FORMED_DECL = Pattern.compile(
            "<\\?xml\\s+version\\s*=\\s*([\"'])1\\.[01]\\1(\\s+encoding\\s*=\\s*([\"'])[A-Za-z][A-Za-z0-9._-]*\\3)?"
                    + "(\\s+standalone\\s*=\\s*([\"'])(yes|no)\\5)?\\s*\\?>");
    private static final Pattern CHARSET = Pattern.compile("(?:encoding|charset)\\s*=\\s*[\"']?([A-Za-z][A-Za-z0-9._-]*)");

    private TreeReader() {
    }

    static Node read(byte[] bytes, XsiCodec.Mode mode) {
        XMLStreamReader r = open(bytes, mode);
        try {
            if (mode == XsiCodec.Mode.STRICT) {
                checkDeclaration(r);
            }
            Deque<Node> stack = new ArrayDeque<>();
            Node root = null;
            while (r.hasNext()) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        var loc = r.getLocation();
                        if (stack.size() >= SafeXml.MAX_DEPTH) {
                            throw new XsiParseException("elements nested deeper than " + SafeXml.MAX_DEPTH,
                                    loc.getLineNumber(), loc.getColumnNumber());
                        }
                        Node n = new Node(r.getLocalName(), loc.getLineNumber(), loc.getColumnNumber());
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            n.attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        }
                        if (stack.isEmpty()) {
                            root = n;
                        } else {
                            stack.peek().children.add(n);
                        }
                        stack.push(n);
                    }
                    case XMLStreamConstants.END_ELEMENT -> stack.pop();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!stack.isEmpty()) {
                            stack.peek().text.append(r.getText());
                        }
                    }
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE -> {
                        var loc = r.getLocation();
                        throw new XsiParseException("DTDs and entity references are refused",
                                loc.getLineNumber(), loc.getColumnNumber());
                    }
                    default -> {
                    }
                }
            }
            if (root == null) {
                throw new XsiParseException("no root element");
            }
            return root;
        } catch (XMLStreamException e) {
            throw SafeXml.parseError(e);
        } catch (XsiException e) {
            throw e;
        } catch (RuntimeException e) {
            // The JDK parser occasionally escapes with unchecked exceptions on broken input; keep the contract.
            throw new XsiParseException("malformed XML: " + e.getClass().getSimpleName(), -1, -1, e);
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing left to release
            }
        }
    }

    private static XMLStreamReader open(byte[] bytes, XsiCodec.Mode mode) {
        if (mode == XsiCodec.Mode.LENIENT) {
            String repaired = repairProlog(bytes);
            if (repaired != null) {
                return SafeXml.open(repaired);
            }
        }
        checkUtf8(bytes);
        return SafeXml.open(bytes);
    }

    /**
     * Malformed UTF-8 is refused here, with its position, before the JDK parser sees it: that parser would
     * otherwise also print a "[Fatal Error]" line to stderr for every such request.
     */
    private static void checkUtf8(byte[] bytes) {
        String prolog = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
        Matcher m = CHARSET.matcher(prolog.startsWith("<?xml") ? prolog.substring(0, Math.max(0, prolog.indexOf('>'))) : "");
        if (m.find() && declaresOtherCharset(m.group(1))) {
            return;
        }
        var decoder = StandardCharsets.UTF_8.newDecoder();
        var in = java.nio.ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            int col = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            throw new XsiParseException("invalid UTF-8 byte sequence at byte " + at, line, col);
        }
    }

    /**
     * Lenient mode only: a malformed declaration such as {@code <?xml version="1.0" charset="UTF-8">} (shipped by a
     * widely used client) is dropped and its charset honoured. Returns null when the bytes need no repair.
     */
    static String repairProlog(byte[] bytes) {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        int head = Math.min(bytes.length, start + 200);
        String prefix = new String(bytes, start, head - start, StandardCharsets.ISO_8859_1);
        String stripped = prefix.stripLeading();
        if (!stripped.startsWith("<?xml")) {
            return null;
        }
        int lead = prefix.length() - stripped.length();
        int gt = stripped.indexOf('>');
        if (gt < 0) {
            return null;
        }
        String decl = stripped.substring(0, gt + 1);
        if (lead == 0 && start == 0 && WELL_FORMED_DECL.matcher(decl).matches()) {
            return null;
        }
        Charset cs = StandardCharsets.UTF_8;
        Matcher m = CHARSET.matcher(decl);
        if (m.find()) {
            try {
                cs = Charset.forName(m.group(1));
            } catch (IllegalArgumentException e) {
                throw new XsiParseException("unknown charset in XML declaration: " + m.group(1), 1, 1);
            }
        }
        int skip = start + lead + decl.length();
        return new String(bytes, skip, bytes.length - skip, cs);
    }

    private static boolean declaresOtherCharset(String name) {
        try {
            return !Charset.forName(name).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false; // unknown name: the parser falls back to UTF-8, so check as UTF-8
        }
    }

    private static void checkDeclaration(XMLStreamReader r) {
        String version = r.getVersion();
        String enc = r.getCharacterEncodingScheme();
        if (version != null && !version.equals("1.0")) {
            throw new XsiParseException("strict mode: XML version must be 1.0, got " + version, 1, 1);
        }
        if (enc != null) {
            String e = enc.toUpperCase(Locale.ROOT);
            if (!e.equals("UTF-8") && !e.equals("ISO-8859-1")) {
                throw new XsiParseException("strict mode: declared encoding must be UTF-8 or ISO-8859-1, got " + enc, 1, 1);
            }
        }
    }
}

package io.phonectl.sim;

import io.phonectl.sim.phone.SimPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 16 point 2: {@code /DeviceLogX?n} in the shape phones write, read the way usecallmanager.nz {@code xmlinfo}
 * reads it (strip every {@code <?xml … ?>}, parse, take each {@code status}'s text as the timestamp and its first child
 * as the message), with the JDK's own DOM parser and a plain HTTP client.
 */
class DeviceLogShapeTest {

    static FleetHost host;

    @BeforeAll
    static void start() throws Exception {
        host = FleetHost.start(SimConfig.ephemeral(2, List.of("CP-7962", "CP-8845")));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    /** xmlinfo's repair: {@code re.sub(r'(?x) <\? xml .*? \?>', '', text)}. */
    static final Pattern DECLARATION = Pattern.compile("<\\?xml.*?\\?>");

    record Line(String timestamp, String element, String message) {
    }

    static List<Line> readAsXmlinfo(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(
                DECLARATION.matcher(text).replaceAll("").getBytes(StandardCharsets.UTF_8)));
        List<Line> out = new ArrayList<>();
        NodeList statuses = d.getDocumentElement().getElementsByTagName("status");
        for (int i = 0; i < statuses.getLength(); i++) {
            Element s = (Element) statuses.item(i);
            Node first = s.getFirstChild();
            Element child = null;
            for (Node n = s.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() == Node.ELEMENT_NODE) {
                    child = (Element) n;
                    break;
                }
            }
            assertThat(first.getNodeType()).as("status starts with its timestamp text").isEqualTo(Node.TEXT_NODE);
            assertThat(child).as("status holds a child element after the timestamp").isNotNull();
            out.add(new Line(first.getTextContent().strip(), child.getTagName(), child.getTextContent()));
        }
        return out;
    }

    static String page(SimPhone p, String path) {
        HttpResponse<byte[]> r = Http.get(FleetHost.uriOf(p).resolve(path), null);
        assertThat(r.statusCode()).isEqualTo(200);
        return Http.text(r);
    }

    @Test
    void a79xxLogRepeatsDeclarationsInsideTheDocumentAndReadsAfterTheRepair() throws Exception {
        SimPhone p = host.phones().get(0);
        p.log("TFTP server 127.0.0.1 & <backup>");
        String xml = page(p, "/DeviceLogX?0");
        int declarations = xml.split("<\\?xml", -1).length - 1;
        assertThat(declarations).as("one leading declaration and one per status line").isGreaterThan(2);
        var strict = DocumentBuilderFactory.newInstance().newDocumentBuilder();
        strict.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // the failure is the answer, not console noise
        assertThatThrownBy(() -> strict.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))))
                .as("not well-formed, as 79xx pages are").isInstanceOf(org.xml.sax.SAXParseException.class);
        List<Line> lines = readAsXmlinfo(xml);
        assertThat(lines).anySatisfy(l -> assertThat(l.message()).contains("booted"));
        Line last = lines.getLast();
        assertThat(last.message()).isEqualTo("TFTP server 127.0.0.1 & <backup>");
        assertThat(last.timestamp()).matches("\\d{1,2}:\\d{2}:\\d{2}[ap]");
        assertThat(last.element()).isEqualTo("message");
    }

    @Test
    void laterModelsWriteTheSameShapeWellFormed() throws Exception {
        SimPhone p = host.phones().get(1);
        String xml = page(p, "/DeviceLogX?0");
        assertThat(xml.split("<\\?xml", -1).length - 1).isEqualTo(1);
        List<Line> lines = readAsXmlinfo(xml);
        assertThat(lines).isNotEmpty().allSatisfy(l -> {
            assertThat(l.timestamp()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
            assertThat(l.element()).isEqualTo("message");
        });
    }

    @Test
    void theHtmlPageShowsTheSameLines() throws Exception {
        SimPhone p = host.phones().get(0);
        p.log("line for the html page");
        List<Line> lines = readAsXmlinfo(page(p, "/DeviceLogX?0"));
        String html = page(p, "/DeviceLog?0");
        for (Line l : lines) {
            assertThat(html).contains("<tr><td>" + l.timestamp() + "</td><td>");
        }
        assertThat(html).contains("line for the html page");
        assertThat(readAsXmlinfo(page(p, "/DeviceLogX?1"))).isEmpty();
    }
}

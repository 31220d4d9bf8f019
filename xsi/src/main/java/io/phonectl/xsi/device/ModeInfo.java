package io.phonectl.xsi.device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /CGI/ModeInfo}: what the phone's screen shows (its "plane": title, softkey set, fields), as the
 * {@code CiscoIPPhoneModeInfo} document of Cisco's phone administration guides (sample ModeInfo output). 79xx phones
 * send it with a {@code text/html} Content-Type (reference notes §2.5), so readers judge the body, not the header.
 * Password-protected on the phones ({@code /CGI/Java/ModeInfo} too on 7800/8800). Read tolerantly, names in any case;
 * written in the sample's element names and order.
 *
 * @param planeFieldCount as the phone states it (a writer passes {@code fields.size()})
 */
public record ModeInfo(String planeTitle, int planeFieldCount, String planeSoftKeyIndex, String planeSoftKeyMask,
                       String prompt, String notification, String status, List<Field> fields) {

    public static final String ROOT = "CiscoIPPhoneModeInfo";
    public static final String PATH = "/CGI/ModeInfo";

    public ModeInfo {
        planeTitle = Objects.requireNonNullElse(planeTitle, "");
        planeSoftKeyIndex = Objects.requireNonNullElse(planeSoftKeyIndex, "");
        planeSoftKeyMask = Objects.requireNonNullElse(planeSoftKeyMask, "");
        prompt = Objects.requireNonNullElse(prompt, "");
        notification = Objects.requireNonNullElse(notification, "");
        status = Objects.requireNonNullElse(status, "");
        fields = List.copyOf(fields);
    }

    /** One {@code CiscoIPPhoneFields}: a line of the screen (a menu entry's name, a setting's value). */
    public record Field(String fieldType, String fieldAttr, String fieldHelpIndex, String fieldName, String fieldValue) {
        public Field {
            fieldType = Objects.requireNonNullElse(fieldType, "");
            fieldAttr = Objects.requireNonNullElse(fieldAttr, "");
            fieldHelpIndex = Objects.requireNonNullElse(fieldHelpIndex, "");
            fieldName = Objects.requireNonNullElse(fieldName, "");
            fieldValue = Objects.requireNonNullElse(fieldValue, "");
        }

        static Field read(PageElement e) {
            return new Field(e.text("FieldType"), e.text("FieldAttr"), e.text("fieldHelpIndex"), e.text("FieldName"),
                    e.text("FieldValue"));
        }

        PageElement element() {
            return PageElement.of("CiscoIPPhoneFields", List.of(PageElement.leaf("FieldType", fieldType),
                    PageElement.leaf("FieldAttr", fieldAttr), PageElement.leaf("fieldHelpIndex", fieldHelpIndex),
                    PageElement.leaf("FieldName", fieldName), PageElement.leaf("FieldValue", fieldValue)));
        }
    }

    /** Flat pairs for printing: the plane, then Field1 = "name: value", … */
    public Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("PlaneTitle", planeTitle);
        m.put("PlaneFieldCount", String.valueOf(planeFieldCount));
        m.put("PlaneSoftKeyIndex", planeSoftKeyIndex);
        m.put("PlaneSoftKeyMask", planeSoftKeyMask);
        if (!prompt.isEmpty()) {
            m.put("Prompt", prompt);
        }
        if (!status.isEmpty()) {
            m.put("Status", status);
        }
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            m.put("Field" + (i + 1), f.fieldValue().isEmpty() ? f.fieldName() : f.fieldName() + ": " + f.fieldValue());
        }
        return m;
    }

    public String toXml() {
        List<PageElement> children = new ArrayList<>(List.of(PageElement.leaf("PlaneTitle", planeTitle),
                PageElement.leaf("PlaneFieldCount", String.valueOf(planeFieldCount)),
                PageElement.leaf("PlaneSoftKeyIndex", planeSoftKeyIndex),
                PageElement.leaf("PlaneSoftKeyMask", planeSoftKeyMask), PageElement.leaf("Prompt", prompt),
                PageElement.leaf("Notify", notification), PageElement.leaf("Status", status)));
        fields.forEach(f -> children.add(f.element()));
        return PageElement.of(ROOT, children).toXml();
    }

    /** The page; {@link io.phonectl.xsi.XsiParseException} for anything else, an HTML page above all. */
    public static ModeInfo parse(byte[] xml) {
        PageElement root = PageElement.read(xml, ROOT, ROOT::equalsIgnoreCase);
        return new ModeInfo(root.text("PlaneTitle"),
                (int) Math.min(Integer.MAX_VALUE, DevicePageCodec.digits(root.text("PlaneFieldCount"))),
                root.text("PlaneSoftKeyIndex"), root.text("PlaneSoftKeyMask"), root.text("Prompt"),
                root.text("Notify"), root.text("Status"),
                root.all("CiscoIPPhoneFields").stream().map(Field::read).toList());
    }
}

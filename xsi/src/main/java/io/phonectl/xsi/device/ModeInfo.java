package io.phonectl.xsi.device;

import java.util.List;
import java.util.Objects;

/**
 * {@code /CGI/ModeInfo} and {@code /CGI/Java/ModeInfo}: what the phone's screen (its "plane") shows, root
 * {@code CiscoIPPhoneModeInfo} with one {@code CiscoIPPhoneFields} per line (sample in the 8800 and 7832 administration
 * guides). 79xx phones send the same XML labelled text/html (usecallmanager.nz {@code xmlinfo}).
 */
public record ModeInfo(String planeTitle, int planeSoftKeyIndex, int planeSoftKeyMask, String prompt,
                       List<Field> fields) {

    public static final String ROOT = "CiscoIPPhoneModeInfo";

    /** One line of the plane. */
    public record Field(int fieldType, String fieldAttr, int fieldHelpIndex, String fieldName, String fieldValue) {
        public Field {
            fieldAttr = Objects.requireNonNullElse(fieldAttr, "");
            fieldName = Objects.requireNonNullElse(fieldName, "");
            fieldValue = Objects.requireNonNullElse(fieldValue, "");
        }
    }

    public ModeInfo {
        planeTitle = Objects.requireNonNullElse(planeTitle, "");
        prompt = Objects.requireNonNullElse(prompt, "");
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public String toXml() {
        StringBuilder b = new StringBuilder(512).append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<").append(ROOT).append(">\n");
        InfoTree.field(b, "   ", "PlaneTitle", planeTitle);
        InfoTree.field(b, "   ", "PlaneFieldCount", Integer.toString(fields.size()));
        InfoTree.field(b, "   ", "PlaneSoftKeyIndex", Integer.toString(planeSoftKeyIndex));
        InfoTree.field(b, "   ", "PlaneSoftKeyMask", Integer.toString(planeSoftKeyMask));
        InfoTree.field(b, "   ", "Prompt", prompt);
        InfoTree.field(b, "   ", "Notify", "");
        InfoTree.field(b, "   ", "Status", "");
        for (Field f : fields) {
            b.append("   <CiscoIPPhoneFields>\n");
            InfoTree.field(b, "      ", "FieldType", Integer.toString(f.fieldType()));
            InfoTree.field(b, "      ", "FieldAttr", f.fieldAttr());
            InfoTree.field(b, "      ", "fieldHelpIndex", Integer.toString(f.fieldHelpIndex()));
            InfoTree.field(b, "      ", "FieldName", f.fieldName());
            InfoTree.field(b, "      ", "FieldValue", f.fieldValue());
            b.append("   </CiscoIPPhoneFields>\n");
        }
        return b.append("</").append(ROOT).append(">\n").toString();
    }

    /** Tolerant: missing fields read as empty or 0; PlaneFieldCount is taken from the fields actually present. */
    public static ModeInfo parse(byte[] xml) {
        InfoTree t = InfoTree.parse(xml, ROOT);
        return new ModeInfo(t.text("PlaneTitle"), (int) t.number("PlaneSoftKeyIndex", 0),
                (int) t.number("PlaneSoftKeyMask", 0), t.text("Prompt"),
                t.all("CiscoIPPhoneFields").stream().map(f -> new Field((int) f.number("FieldType", 0), f.text("FieldAttr"),
                        (int) f.number("fieldHelpIndex", 0), f.text("FieldName"), f.text("FieldValue"))).toList());
    }
}

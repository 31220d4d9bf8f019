package io.phonectl.xsi.uri;

import io.phonectl.xsi.Sources;

/**
 * {@code Dial:<digits>[:<useAppUI>:<applicationId>[:<audibleFeedback>]]}. Digits use the DTMF alphabet
 * {@code 0-9#*ABCD,} (comma = 1 s pause, no maximum length); useAppUI and audibleFeedback are 0/1 (8800 only).
 * Absent optional parameters are null.
 */
public record DialUri(String digits, Boolean useAppUI, String applicationId, Boolean audibleFeedback)
        implements InternalUri {

    public DialUri {
        UriRules.dtmf("Dial digits", digits, true);
        UriRules.applicationId("Dial applicationId", applicationId);
    }

    public static DialUri of(String digits) {
        return new DialUri(digits, null, null, null);
    }

    @Override
    public String family() {
        return "Dial";
    }

    @Override
    public String format() {
        StringBuilder b = new StringBuilder("Dial:").append(digits);
        if (useAppUI != null || applicationId != null || audibleFeedback != null) {
            b.append(':').append(UriRules.flagText(useAppUI)).append(':').append(applicationId == null ? "" : applicationId);
        }
        if (audibleFeedback != null) {
            b.append(':').append(UriRules.flagText(audibleFeedback));
        }
        return b.toString();
    }

    static DialUri parse(String[] p) {
        if (p.length > 5) {
            throw UriRules.fail("Dial", String.join(":", p), "has at most 4 parameters: digits, useAppUI,"
                    + " applicationId, audibleFeedback", Sources.CONTROL_SPEC);
        }
        return new DialUri(p.length > 1 ? p[1] : null,
                UriRules.flag("Dial useAppUI", p.length > 2 ? p[2] : null, Sources.CONTROL_SPEC),
                p.length > 3 && !p[3].isEmpty() ? p[3] : null,
                UriRules.flag("Dial audibleFeedback", p.length > 4 ? p[4] : null, Sources.CONTROL_SPEC));
    }
}

package io.phonectl.xsi.uri;

import io.phonectl.xsi.Sources;

/**
 * {@code SendDigits:<digits>:<audibleFeedback>::<applicationId>} (in-call DTMF). The third field is empty
 * in the spec's syntax; absent optional parameters are null.
 */
public record SendDigitsUri(String digits, Boolean audibleFeedback, String applicationId) implements InternalUri {

    public SendDigitsUri {
        UriRules.dtmf("SendDigits digits", digits, false);
        UriRules.applicationId("SendDigits applicationId", applicationId);
    }

    @Override
    public String family() {
        return "SendDigits";
    }

    @Override
    public String format() {
        StringBuilder b = new StringBuilder("SendDigits:").append(digits);
        if (audibleFeedback != null || applicationId != null) {
            b.append(':').append(UriRules.flagText(audibleFeedback));
        }
        if (applicationId != null) {
            b.append("::").append(applicationId);
        }
        return b.toString();
    }

    static SendDigitsUri parse(String[] p) {
        String whole = String.join(":", p);
        if (p.length > 5 || (p.length > 3 && !p[3].isEmpty())) {
            throw UriRules.fail("SendDigits", whole, "syntax is SendDigits:digits:audibleFeedback::applicationId",
                    Sources.CONTROL_SPEC);
        }
        return new SendDigitsUri(p.length > 1 ? p[1] : null,
                UriRules.flag("SendDigits audibleFeedback", p.length > 2 ? p[2] : null, Sources.CONTROL_SPEC),
                p.length > 4 && !p[4].isEmpty() ? p[4] : null);
    }
}

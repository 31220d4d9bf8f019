package io.phonectl.xsi.uri;

import io.phonectl.xsi.Sources;
import io.phonectl.xsi.Violation;
import io.phonectl.xsi.model.PhoneModel;

import java.util.List;

/** Which internal URIs may ride inside a CiscoIPPhoneExecute (reference notes §2.1, control spec Notify). */
final class ExecuteRules {
    private ExecuteRules() {
    }

    static List<Violation> violations(InternalUri uri, PhoneModel model) {
        String field = "ExecuteItem URL";
        return switch (uri) {
            case NotifyUri n -> List.of(Violation.of(field, n.toString(),
                    "Notify URIs are not supported inside CiscoIPPhoneExecute (only in event handlers and softkeys)",
                    Sources.NOTES_EXECUTE));
            case SoftKeyUri s when model == null || !model.softKeyInExecute() -> List.of(Violation.of(field, s.format(),
                    "SoftKey URIs are not supported inside CiscoIPPhoneExecute"
                            + (model == null ? " (except on the 8821)" : " on " + model.name() + " (only the 8821 allows them)"),
                    Sources.NOTES_EXECUTE));
            case AppUri a when a.applicationId() == null -> List.of(Violation.of(field, a.format(),
                    "App URIs inside CiscoIPPhoneExecute must carry the applicationId", Sources.NOTES_EXECUTE));
            default -> List.of();
        };
    }
}

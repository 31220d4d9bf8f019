package io.phonectl.xsi.model;

import io.phonectl.xsi.Sources;
import io.phonectl.xsi.Violation;
import io.phonectl.xsi.uri.AppUri;
import io.phonectl.xsi.uri.InternalUri;
import io.phonectl.xsi.uri.NotifyUri;
import io.phonectl.xsi.uri.SoftKeyUri;

import java.util.List;

/**
 * Which internal URIs may ride inside a CiscoIPPhoneExecute (reference notes §2.1, control spec Notify). A catalog
 * question like {@link PhoneModel#support}: it depends on the model (SoftKey only on the 8821), so it lives beside it.
 */
public final class ExecuteRules {
    private ExecuteRules() {
    }

    /**
     * What is wrong with carrying this URI in a CiscoIPPhoneExecute item for the given model (null = model unknown,
     * general rules apply). Empty when allowed. Model support itself is {@link PhoneModel#support}.
     */
    public static List<Violation> violations(InternalUri uri, PhoneModel model) {
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

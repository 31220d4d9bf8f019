package io.phonectl.xsi.model;

import io.phonectl.xsi.Sources;
import io.phonectl.xsi.uri.InternalUri;
import io.phonectl.xsi.uri.KeyUri;

import java.util.Set;

/** Evaluates the deny/only/needs rules of models.txt for one model and one feature. */
final class Supports {
    private Supports() {
    }

    /** Root elements an XSI phone may be sent or may fetch (control spec, seeds/000, reference notes §2.1). */
    static final Set<String> OBJECTS = Set.of("CiscoIPPhoneMenu", "CiscoIPPhoneText", "CiscoIPPhoneInput",
            "CiscoIPPhoneDirectory", "CiscoIPPhoneImage", "CiscoIPPhoneImageFile", "CiscoIPPhoneGraphicMenu",
            "CiscoIPPhoneGraphicFileMenu", "CiscoIPPhoneIconMenu", "CiscoIPPhoneIconFileMenu", "CiscoIPPhoneStatus",
            "CiscoIPPhoneStatusFile", "CiscoIPPhoneExecute", "CiscoIPPhoneResponse", "CiscoIPPhoneError",
            "startMedia", "stopMedia", "setBackground", "setRingTone", "getDeviceCaps");

    static Support of(PhoneModel model, InternalUri uri) {
        if (uri instanceof KeyUri key && "Soft".equals(key.stem()) && key.number() > model.softKeyButtons()) {
            return new Support.Unsupported(model.name() + " has softkeys 1-" + model.softKeyButtons()
                    + " (Key:Soft1-5 on 8800, 1-2 on 8821, 1-4 on most phones)", Sources.CONTROL_SPEC);
        }
        return evaluate(model, "uri:" + uri.feature());
    }

    static Support ofObject(PhoneModel model, String root) {
        if (root == null || !OBJECTS.contains(root)) {
            return new Support.Unsupported("\"" + root + "\" is not an object root element of the XSI spec"
                    + " (names are case-sensitive)", Sources.CONTROL_SPEC);
        }
        return evaluate(model, "object:" + root);
    }

    static Support ofApi(PhoneModel model, ComponentApi api) {
        return evaluate(model, api.feature());
    }

    static Support evaluate(PhoneModel model, String feature) {
        return evaluate(model, feature, 0);
    }

    private static Support evaluate(PhoneModel model, String feature, int depth) {
        if (depth > 8) {
            throw new IllegalStateException("models.txt: 'needs' rules form a cycle at " + feature);
        }
        Support table = componentTable(model, feature);
        if (!table.supported()) {
            return table;
        }
        for (SupportRule r : model.rules().rules()) {
            if (!r.matches(feature)) {
                continue;
            }
            switch (r.kind()) {
                case DENY -> {
                    if (r.inScope(model)) {
                        return new Support.Unsupported(r.reason(), r.source());
                    }
                }
                case ONLY -> {
                    if (!r.inScope(model)) {
                        return new Support.Unsupported(r.reason(), r.source());
                    }
                }
                case NEEDS -> {
                    Support needed = evaluate(model, r.required(), depth + 1);
                    if (!needed.supported()) {
                        return needed;
                    }
                }
            }
        }
        return Support.SUPPORTED;
    }

    /** The seeds/000 support table: "Not supported" rows have no component API at all. */
    private static Support componentTable(PhoneModel model, String feature) {
        boolean componentApi = feature.equals(ComponentApi.RTP_STREAMING.feature())
                || feature.equals(ComponentApi.APP_MANAGEMENT.feature())
                || feature.equals(ComponentApi.APP_EVENT_HANDLERS.feature());
        if (componentApi && "none".equals(model.componentApiFirmware())) {
            return new Support.Unsupported("the component API support table lists " + model.name()
                    + " as not supporting the Application Management and RTP Streaming APIs", Sources.SUPPORT_TABLE);
        }
        return Support.SUPPORTED;
    }
}

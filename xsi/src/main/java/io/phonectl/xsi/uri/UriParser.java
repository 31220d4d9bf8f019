package io.phonectl.xsi.uri;

import io.phonectl.xsi.Sources;

/** Dispatches on the family prefix; each family checks its own parameters. */
final class UriParser {
    private UriParser() {
    }

    static final String FAMILIES = "Key, SoftKey, Display, Init, Device, Dial, EditDial, SendDigits, Play, RTPRx, RTPTx,"
            + " RTPMRx, RTPMTx, App, Notify, QueryStringParam, SettingsMenu, Button, Resource, Vibrate";

    static InternalUri parse(String text) {
        if (text == null || text.isEmpty()) {
            throw UriRules.fail("URI", text, "is required", Sources.CONTROL_SPEC);
        }
        if (InternalUri.isHttp(text)) {
            throw UriRules.fail("URI", text, "is an HTTP(S) URL, not an internal URI", Sources.CONTROL_SPEC);
        }
        int colon = text.indexOf(':');
        String family = colon < 0 ? text : text.substring(0, colon);
        String rest = colon < 0 ? null : text.substring(colon + 1);
        String[] parts = text.split(":", -1);
        RtpKind rtp = RtpKind.ofFamily(family);
        if (rtp != null) {
            return "Stop".equals(rest) ? new RtpStopUri(rtp) : RtpUri.parse(rtp, parts);
        }
        return switch (family) {
            case "Key" -> new KeyUri(single(family, rest));
            case "SoftKey" -> new SoftKeyUri(single(family, rest));
            case "Display" -> display(parts);
            case "Init" -> new InitUri(Enums.parse("Init target", single(family, rest), InitUri.Target.class));
            case "Device" -> new DeviceUri(Enums.parse("Device command", single(family, rest), DeviceUri.Command.class));
            case "Dial" -> DialUri.parse(parts);
            case "EditDial" -> new EditDialUri(rest);
            case "SendDigits" -> SendDigitsUri.parse(parts);
            case "Play" -> new PlayUri(rest);
            case "App" -> AppUri.parse(parts);
            case "Notify" -> NotifyUri.parse(text);
            case "QueryStringParam" -> new QueryStringParamUri(rest);
            case "SettingsMenu" -> new SettingsMenuUri(rest);
            case "Button" -> new ButtonUri(Enums.parse("Button", single(family, rest), ButtonUri.Button.class));
            case "Resource" -> new ResourceUri(rest);
            case "Vibrate" -> VibrateUri.parse(parts);
            default -> throw UriRules.fail("URI family", family, "must be one of " + FAMILIES
                    + " (or an http:// or https:// URL where URLs are allowed)", Sources.CONTROL_SPEC);
        };
    }

    private static String single(String family, String rest) {
        if (rest == null || rest.isEmpty() || rest.indexOf(':') >= 0) {
            throw UriRules.fail(family + " URI", rest, "syntax is " + family + ":<name> with exactly one name",
                    Sources.CONTROL_SPEC);
        }
        return rest;
    }

    private static DisplayUri display(String[] p) {
        if (p.length == 2 && "Default".equals(p[1])) {
            return DisplayUri.defaults();
        }
        if (p.length != 3 || !("On".equals(p[1]) || "Off".equals(p[1]))) {
            throw UriRules.fail("Display URI", String.join(":", p), "syntax is Display:On:<minutes>,"
                    + " Display:Off:<minutes> or Display:Default", Sources.CONTROL_SPEC);
        }
        return new DisplayUri(DisplayUri.Mode.valueOf(p[1]),
                UriRules.integer("Display minutes", p[2], 0, DisplayUri.MAX_MINUTES, Sources.CONTROL_SPEC));
    }
}

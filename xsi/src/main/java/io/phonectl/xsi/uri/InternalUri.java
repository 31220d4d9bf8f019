package io.phonectl.xsi.uri;

import io.phonectl.xsi.object.Urls;

/**
 * An internal URI of the XSI control spec (Key:…, Dial:…, RTPRx:…), as opposed to an HTTP(S) URL.
 * Records validate on construction, so every instance is valid and {@code parse(format(x)).equals(x)}.
 */
public sealed interface InternalUri permits KeyUri, SoftKeyUri, DisplayUri, InitUri, DeviceUri, DialUri,
        EditDialUri, SendDigitsUri, PlayUri, RtpUri, RtpStopUri, AppUri, NotifyUri, QueryStringParamUri,
        SettingsMenuUri, ButtonUri, ResourceUri, VibrateUri {

    /** The family prefix as the spec spells it: "Key", "RTPRx", "QueryStringParam". */
    String family();

    /** The canonical text form. */
    String format();

    /**
     * The feature path the model catalog keys its support rules on: family, then the sub-command when the
     * family has named ones ("Key:Hold", "Device:GeneratePRT", "App:RequestFocus", "Notify").
     */
    default String feature() {
        return family();
    }

    /** Parses any internal URI; HTTP(S) URLs and unknown families are rejected with a precise message. */
    static InternalUri parse(String text) {
        return UriParser.parse(text);
    }

    /** True for HTTP(S) URLs, which are not internal URIs; the one rule lives in {@link Urls#isHttp}. */
    static boolean isHttp(String text) {
        return Urls.isHttp(text);
    }
}

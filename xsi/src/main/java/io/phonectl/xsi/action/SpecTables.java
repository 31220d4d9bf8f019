package io.phonectl.xsi.action;

import io.phonectl.xsi.component.ErrorResponse;
import io.phonectl.xsi.component.GetDeviceCapsResponse;
import io.phonectl.xsi.component.MediaStreamReply;
import io.phonectl.xsi.component.NotifyMediaEvent;
import io.phonectl.xsi.object.PhoneError;
import io.phonectl.xsi.object.Response;
import io.phonectl.xsi.object.XsiDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.phonectl.xsi.action.FeedbackSpec.Carrier.HTTP_HEADERS;
import static io.phonectl.xsi.action.FeedbackSpec.Carrier.PHONE_DISPLAY;
import static io.phonectl.xsi.action.FeedbackSpec.Carrier.XML_BODY;
import static io.phonectl.xsi.action.ParamType.ENUM;
import static io.phonectl.xsi.action.ParamType.STRING;

/**
 * The control spec's feedbacks, variables, events and macros as data (its "Feedbacks", "Variables", "Events" and
 * "Macros" sections; values and literals verbatim).
 */
final class SpecTables {

    private SpecTables() {
    }

    static List<FeedbackSpec> feedbacks() {
        return List.of(
                body("phone_response", "Successful execution result", Response.class),
                new FeedbackSpec("phone_error_response", ENUM, "Error response code from CiscoIPPhoneError",
                        List.of("1", "2", "3", "4"), XML_BODY, Optional.of(PhoneError.class)),
                body("device_uri_response", "Device URI status & data", Response.class),
                body("send_digits_response", "SendDigits URI result", Response.class),
                body("app_uri_response", "App URI result", Response.class),
                new FeedbackSpec("generate_prt_response", ENUM, "Device:GeneratePRT outcome (8821)",
                        List.of("0", "6"), XML_BODY, Optional.of(Response.class)),
                new FeedbackSpec("prt_status_response", ENUM, "Device:PRTStatus polling outcome (8821)",
                        List.of("generating", "generated", "no_pending"), XML_BODY, Optional.of(Response.class)),
                body("media_started", "startMedia response", MediaStreamReply.class),
                body("media_stopped_by_user", "Unsolicited POST when user terminates audio path",
                        NotifyMediaEvent.class),
                new FeedbackSpec("rtp_error_response", ENUM, "RTP Streaming API errors",
                        List.of("InvalidURL", "InvalidResource", "InvalidResourceID", "UnavailableResource",
                                "InvalidXML"), XML_BODY, Optional.of(ErrorResponse.class)),
                new FeedbackSpec("phone_display_error_messages", ENUM,
                        "Prompt-line error messages shown on phone display", List.of(
                        "XML Error[4] = XML Parser error (Invalid Object)", "XML Error[5] = Unsupported XML Object",
                        "HTTP Error[8] = Unknown HTTP Error", "HTTP Error[10] = HTTP Connection Failed",
                        "Services Unavailable", "Host Not Found", "Server Busy!", "Connection failed",
                        "XML Error [4]: Parse Error", "Data too large!", "No services configured",
                        "Filename too long!", "File Not Found", "HTTP connection failed", "Unknown Error"),
                        PHONE_DISPLAY, Optional.empty()),
                new FeedbackSpec("client_capability_headers", STRING, "HTTP request headers sent by the phone",
                        List.of("x-CiscoIPPhoneModelName", "x-CiscoIPPhoneDisplay", "x-CiscoIPPhoneSDKVersion",
                                "Accept", "Accept-Language", "Accept-Charset"), HTTP_HEADERS, Optional.empty()),
                body("get_device_caps_response", "getDeviceCaps query response",
                        GetDeviceCapsResponse.class));
    }

    /** The spec's "structured" feedbacks have no value list; they are the codec type's fields. */
    private static FeedbackSpec body(String id, String description, Class<? extends XsiDocument> type) {
        return new FeedbackSpec(id, STRING, description, List.of(), XML_BODY, Optional.of(type));
    }

    static List<VariableSpec> variables() {
        return List.of(
                new VariableSpec("refresh_url", STRING, List.of(), "HTTP Refresh header - refresh time in seconds "
                        + "plus URL. Time=0 sets manual refresh. If URL omitted, current URL is reused."),
                new VariableSpec("content_type", ENUM, List.of("text/xml", "audio/basic", "text/plain"),
                        "MIME type from HTTP ContentType header"),
                new VariableSpec("expires", STRING, List.of(),
                        "Expiration Date/Time in GMT. 8800 Series requires post-1970/1/1."),
                new VariableSpec("cookie_session", STRING, List.of(), "Set-Cookie header support; 4 cookies/host/"
                        + "session, 8 sessions max, 255 bytes/cookie, ~30 min idle timeout."),
                new VariableSpec("device_name_substitution", STRING, List.of(), "Service URLs accept #DEVICENAME# "
                        + "token; replaced with SEP-prefixed MAC, e.g. SEP000123456789"));
    }

    static List<EventSpec> events() {
        return List.of(
                appEvent("app_focus_lost", "onAppFocusLost", "focusLost", ""),
                appEvent("app_focus_gained", "onAppFocusGained", "focusGained", ""),
                appEvent("app_minimized", "onAppMinimized", "minimized", ""),
                appEvent("app_closed", "onAppClosed", "closed", "onAppClosed handler cannot contain HTTP or HTTPS URLs."),
                new EventSpec("media_stopped_event", "notifyMediaEvent type=stopped",
                        "DATA=<notifyMediaEvent type=\"stopped\" origin=\"user\">\n<mediaStream id=\"<id>\"/>\n"
                                + "</notifyMediaEvent>", ""));
    }

    private static EventSpec appEvent(String id, String trigger, String type, String notes) {
        return new EventSpec(id, trigger, "<notifyApplicationEvent appId=\"<appId>\" type=\"" + type + "\"/>", notes);
    }

    static List<MacroSpec> macros() {
        List<MacroStep> prt = List.of(
                MacroStep.parse("push", "<ExecuteItem Priority=\"0\" URL=\"Device:GeneratePRT\"/>"),
                MacroStep.parse("wait_for", "Status=0 (\"Success\") or Status=6 (\"There is pending PRT\")"),
                MacroStep.parse("poll", "<CiscoIPPhoneExecute><ExecuteItem Priority=\"0\" URL=\"Device:PRTStatus\"/>"
                        + "</CiscoIPPhoneExecute>"),
                MacroStep.parse("until",
                        "Data=\"Generated PRT at https://<ip>/FS/prt-yyyymmdd-hhmmss-xxxxxxxxxxxx.tar.gz\""));
        List<MacroStep> tftp = new ArrayList<>();
        for (String uri : List.of("Key:Applications", "SettingsMenu:Networkconnection",
                "SettingsMenu:Networksettings", "SettingsMenu:AlternateTFTP", "SettingsMenu:TFTPserver1",
                "Key:Key_1", "Key:Key_Period", "Key:Key_0", "Key:Key_0", "Key:Key_Period", "Key:Key_7",
                "Key:Key_Period", "Key:Key_3", "Key:Key_4", "Key:Key_Period", "Key:Key_1", "Button:Apply")) {
            tftp.add(MacroStep.parse("push", "URL=\"" + uri + "\""));
        }
        return List.of(
                new MacroSpec("generate_problem_report", "Generate Problem Report (8821 only)", prt),
                new MacroSpec("set_tftp_server_address_8875",
                        "Set TFTP server1 address on Cisco Video Phone 8875 (e.g. 1.0.0.7.34.1)", tftp));
    }
}

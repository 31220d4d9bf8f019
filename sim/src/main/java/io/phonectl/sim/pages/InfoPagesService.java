package io.phonectl.sim.pages;

import io.phonectl.sim.net.Reply;
import io.phonectl.sim.phone.CallState;
import io.phonectl.sim.phone.Screen;
import io.phonectl.sim.phone.SimPhone;
import io.phonectl.xsi.device.CallLineInfo;
import io.phonectl.xsi.device.LineInfo;
import io.phonectl.xsi.device.ModeInfo;
import io.phonectl.xsi.model.InfoPages;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The password-protected XML information pages ({@code CallInfo}, {@code LineInfo}, {@code ModeInfo}) of models the
 * catalog says serve them ({@link InfoPages}), built from the phone's live state; the caller checks the password first.
 * A simulated phone has one line: {@code CallInfo} and {@code CallInfo1} are it, other line numbers are 404.
 */
public final class InfoPagesService {

    private static final Pattern PATH = Pattern.compile("/CGI/(Java/)?(CallInfo|LineInfo|ModeInfo)(\\d{0,2})");

    private InfoPagesService() {
    }

    /** Whether {@code path} is one of these pages on this phone's model (then it needs the password). */
    public static boolean serves(SimPhone phone, String path) {
        Matcher m = PATH.matcher(path);
        InfoPages pages = phone.model().catalog().infoPages();
        return m.matches() && pages != InfoPages.NONE && (m.group(1) == null || pages == InfoPages.CGI_AND_JAVA)
                && (m.group(3).isEmpty() || m.group(2).equals("CallInfo"));
    }

    /** The page; call only when {@link #serves} is true. */
    public static Reply page(SimPhone phone, String path) {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            return Reply.notFound();
        }
        return switch (m.group(2)) {
            case "CallInfo" -> m.group(3).isEmpty() || m.group(3).equals("1") ? xml(callInfo(phone).toXml()) : Reply.notFound();
            case "LineInfo" -> xml(lineInfo(phone).toXml());
            default -> {
                String body = modeInfo(phone).toXml();
                // 79xx labels ModeInfo text/html (usecallmanager.nz xmlinfo); the body is the same XML
                yield phone.model().is79xx() ? new Reply(200, Reply.HTML, Map.of(), body.getBytes(StandardCharsets.UTF_8))
                        : xml(body);
            }
        };
    }

    /** The LineState / LineIconState word for the phone's call state. */
    static String lineState(CallState call) {
        return switch (call) {
            case IDLE -> "ONHOOK";
            case OFFHOOK, DIALING -> "OFFHOOK";
            case RINGING -> "RINGING";
            case CONNECTED -> "CONNECTED";
            case HELD -> "ONHOLD";
        };
    }

    public static CallLineInfo callInfo(SimPhone phone) {
        synchronized (phone) {
            CallState call = phone.call();
            List<CallLineInfo.Call> calls = new ArrayList<>();
            List<CallLineInfo.Feature> features = new ArrayList<>();
            if (call != CallState.IDLE) {
                boolean inbound = phone.inbound();
                long ms = phone.callSince() == null ? 0
                        : Math.max(0, Duration.between(phone.callSince(), phone.clock().instant()).toMillis());
                String far = phone.dialled();
                calls.add(new CallLineInfo.Call(lineState(call), inbound ? "INBOUND" : "OUTBOUND", "",
                        inbound ? far : phone.line(), "", inbound ? phone.line() : far, "",
                        Integer.toString(phone.callReference()), ms, "null", "UNAUTHENTICATED", "ROUTINE"));
                Screen top = phone.screen();
                for (Screen.SoftKey k : top.softKeys()) {
                    features.add(new CallLineInfo.Feature(k.position(), true, k.name()));
                }
            }
            return new CallLineInfo(phone.line(), lineState(call), calls, features);
        }
    }

    public static LineInfo lineInfo(SimPhone phone) {
        return new LineInfo(List.of(new LineInfo.Line(9, phone.line(), "NO", "Chirp1", "", lineState(phone.call()))));
    }

    public static ModeInfo modeInfo(SimPhone phone) {
        Screen s = phone.screen();
        List<ModeInfo.Field> fields = new ArrayList<>();
        if (s.items().isEmpty()) {
            for (String line : s.text().split("\r\n|\r|\n")) {
                if (!line.isEmpty()) {
                    fields.add(new ModeInfo.Field(0, "", 0, line, ""));
                }
            }
        } else {
            s.items().forEach(i -> fields.add(new ModeInfo.Field(0, "", 0, i.name(), "")));
        }
        return new ModeInfo(s.title(), 0, 0, s.prompt(), fields);
    }

    private static Reply xml(String body) {
        return Reply.xml(200, body);
    }

}

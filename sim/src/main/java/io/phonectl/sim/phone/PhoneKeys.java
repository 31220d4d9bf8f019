package io.phonectl.sim.phone;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a key press does to a phone: navigation, applications, hook and audio path, digits, volume.
 * Used by {@code Key:} URIs and by the inspection API's "press" action alike, so both drive one state machine.
 * Spellings vary between sources (NavDwn/NavDown, VolDwn/VolDown, reference notes §2.10): all are accepted.
 */
public final class PhoneKeys {

    /** Volume step per VolUp/VolDwn: 16 hardware steps on real sets, rounded to a 0–100 scale. */
    public static final int VOLUME_STEP = 6;

    /**
     * What a press did. {@code known} is false for keys the phone discards silently (notes §2.10);
     * {@code follow} is an HTTP URL the phone must now fetch (a selected item or softkey), else null.
     */
    public record Outcome(boolean known, String effect, String follow) {
        public Outcome(boolean known, String effect) {
            this(known, effect, null);
        }

        static Outcome done(String effect) {
            return new Outcome(true, effect);
        }

        static Outcome follow(String url) {
            return new Outcome(true, "follow " + url, url);
        }

        static final Outcome UNKNOWN = new Outcome(false, "discarded");
    }

    /** Screens the 8875 settings application shows for {@code SettingsMenu:} labels that are editable fields. */
    static final Map<String, String> SETTING_FIELDS = Map.of("TFTPserver1", "TFTPServer1", "TFTPserver2", "TFTPServer2");
    /** {@code SettingsMenu:} labels that are switches: entering them turns them on. */
    static final java.util.Set<String> SETTING_SWITCHES = java.util.Set.of("AlternateTFTP");
    static final String SETTING_SOURCE = "setting:";

    /** The built-in applications and what their first screen lists. */
    static final Map<String, List<Screen.Item>> APPLICATIONS = Map.of(
            "Services", List.of(new Screen.Item("Phone Services", "")),
            "Directories", List.of(new Screen.Item("Recents", ""), new Screen.Item("Corporate Directory", "")),
            "Messages", List.of(new Screen.Item("Voicemail", "")),
            "Settings", List.of(new Screen.Item("Preferences", ""), new Screen.Item("Phone information", ""),
                    new Screen.Item("Admin settings", "")));

    private PhoneKeys() {
    }

    /** Presses a key by its XSI name (without the {@code Key:} prefix). */
    public static Outcome press(SimPhone phone, String key) {
        String k = key.strip();
        String lower = k.toLowerCase(Locale.ROOT);
        if (lower.startsWith("keypad") && k.length() > 6) {
            return digit(phone, k.substring(6));
        }
        if (lower.startsWith("key_") && k.length() > 4) {
            return digit(phone, k.substring(4)); // 8875 spelling Key_0…Key_9
        }
        if (lower.startsWith("soft") && k.length() > 4 && Character.isDigit(k.charAt(4))) {
            return softKey(phone, Integer.parseInt(k.substring(4, Math.min(k.length(), 6)).replaceAll("\\D", "")));
        }
        if (lower.startsWith("line") || lower.startsWith("session")) {
            return Outcome.done("line key " + k);
        }
        return switch (lower) {
            case "navup" -> move(phone, -1);
            case "navdwn", "navdown" -> move(phone, +1);
            case "navleft", "navright", "navback" -> lower.equals("navback") ? back(phone) : Outcome.done("no horizontal focus");
            case "navselect", "select" -> select(phone);
            case "exit", "back" -> back(phone);
            case "services", "directories", "messages", "settings" -> open(phone, capitalise(lower));
            case "applications", "appmenu" -> open(phone, "Settings");
            case "speaker" -> toggle(phone, "speaker");
            case "headset" -> toggle(phone, "headset");
            case "contacts" -> open(phone, "Directories");
            case "offhook", "navoffhook" -> {
                phone.offHook("handset");
                yield Outcome.done("off hook");
            }
            case "onhook", "navonhook", "release", "endcall" -> {
                phone.onHook();
                yield Outcome.done("on hook");
            }
            case "volup" -> {
                phone.device().volume(phone.device().volume() + VOLUME_STEP);
                yield Outcome.done("volume " + phone.device().volume());
            }
            case "voldwn", "voldown" -> {
                phone.device().volume(phone.device().volume() - VOLUME_STEP);
                yield Outcome.done("volume " + phone.device().volume());
            }
            case "hold", "fixedfeature3" -> phone.toggleHold() ? Outcome.done(phone.call() == CallState.HELD ? "held" : "resumed")
                    : Outcome.done(lower + " pressed");
            case "answer" -> Outcome.done(phone.answer() ? "answered" : "nothing to answer");
            case "mute", "info", "kempage", "ptt", "transfer", "conference", "redial", "fixedfeature1", "fixedfeature2" ->
                    Outcome.done(lower + " pressed");
            default -> Outcome.UNKNOWN;
        };
    }

    /** Presses softkey {@code position} (1-based) of the current screen. */
    public static Outcome softKey(SimPhone phone, int position) {
        Screen s = phone.screen();
        Optional<Screen.SoftKey> key = s.softKeys().stream().filter(k -> k.position() == position).findFirst();
        if (key.isEmpty()) {
            return Outcome.done("softkey " + position + " is blank");
        }
        return softKeyNamed(phone, key.get());
    }

    /** Presses the softkey whose label is {@code label} (case-insensitive). */
    public static Outcome softKey(SimPhone phone, String label) {
        return phone.screen().softKeys().stream().filter(k -> k.name().equalsIgnoreCase(label)).findFirst()
                .map(k -> softKeyNamed(phone, k)).orElse(Outcome.UNKNOWN);
    }

    private static Outcome softKeyNamed(SimPhone phone, Screen.SoftKey key) {
        String url = key.url();
        if (url.regionMatches(true, 0, "SoftKey:", 0, 8)) {
            return builtInSoftKey(phone, url.substring(8));
        }
        if (url.regionMatches(true, 0, "Key:", 0, 4)) {
            return press(phone, url.substring(4));
        }
        return url.isEmpty() ? Outcome.done("softkey " + key.name()) : Outcome.follow(url);
    }

    /** {@code SoftKey:Exit|Back|Select|Cancel|Dial|EditDial|Update|Submit|<<|Next|Search}. */
    public static Outcome builtInSoftKey(SimPhone phone, String name) {
        String submit = InputForm.submitUrl(phone.screen());
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "answer" -> Outcome.done(phone.answer() ? "answered" : "nothing to answer");
            case "endcall", "end call", "decline", "divert" -> {
                phone.onHook();
                yield Outcome.done("on hook");
            }
            case "hold", "resume" -> Outcome.done(phone.toggleHold() ? name.strip().toLowerCase(Locale.ROOT) : "no call");
            case "call" -> callDialled(phone);
            case "dial" -> phone.call() == CallState.DIALING ? callDialled(phone) : select(phone);
            case "newcall", "new call", "redial" -> Outcome.done(name.strip());
            case "exit", "back", "cancel" -> back(phone);
            case "submit" -> submit != null ? Outcome.follow(submit) : select(phone);
            case "select" -> select(phone);
            case "<<" -> Outcome.done("backspace");
            case "update", "next", "search", "editdial" -> Outcome.done(name.strip());
            default -> Outcome.UNKNOWN;
        };
    }

    /** Call / Dial on the dialling screen: places the call to the digits entered. */
    private static Outcome callDialled(SimPhone phone) {
        String number = phone.dialled();
        if (phone.call() != CallState.DIALING || number.isEmpty()) {
            return Outcome.done("nothing to call");
        }
        phone.dial(number);
        return Outcome.done("dialled " + number);
    }

    private static Outcome digit(SimPhone phone, String d) {
        String t = d.toLowerCase(Locale.ROOT);
        char c = switch (t) {
            case "star", "asterisk", "*" -> '*';
            case "pound", "numbersign", "#" -> '#';
            case "period", "." -> '.';
            default -> t.length() == 1 && Character.isDigit(t.charAt(0)) ? t.charAt(0) : 0;
        };
        if (c == 0) {
            return Outcome.UNKNOWN;
        }
        synchronized (phone) {
            Screen s = phone.screen();
            if (s.kind() == Screen.Kind.INPUT && s.source().startsWith(SETTING_SOURCE)) {
                phone.replaceTop(s.withText(s.text() + c));
                return Outcome.done("typed " + c);
            }
        }
        if (c == '.') {
            return Outcome.UNKNOWN;
        }
        phone.digit(c);
        return Outcome.done("digit " + c);
    }

    /** {@code SettingsMenu:<label>} on the 8875: opens Settings when needed and enters the named screen. */
    public static Outcome settingsMenu(SimPhone phone, String label) {
        synchronized (phone) {
            if (!"Settings".equals(phone.openApplication())) {
                open(phone, "Settings");
            }
            if (SETTING_SWITCHES.contains(label)) {
                phone.device().setting(label, "On");
            }
            String field = SETTING_FIELDS.get(label);
            Screen.Kind kind = field == null ? Screen.Kind.APPLICATION : Screen.Kind.INPUT;
            phone.push(new Screen(kind, label, "", List.of(), 0, List.of(new Screen.SoftKey("Back", "SoftKey:Back", 1)),
                    "", SETTING_SOURCE + (field == null ? label : field)));
            return Outcome.done("entered " + label);
        }
    }

    /** {@code Button:Back|Backspace|Apply} on the 8875. Apply stores the field being edited. */
    public static Outcome button(SimPhone phone, String button) {
        synchronized (phone) {
            Screen s = phone.screen();
            boolean editing = s.kind() == Screen.Kind.INPUT && s.source().startsWith(SETTING_SOURCE);
            return switch (button) {
                case "Back" -> back(phone);
                case "Backspace" -> {
                    if (editing && !s.text().isEmpty()) {
                        phone.replaceTop(s.withText(s.text().substring(0, s.text().length() - 1)));
                    }
                    yield Outcome.done("backspace");
                }
                case "Apply" -> {
                    if (!editing) {
                        yield Outcome.done("nothing to apply");
                    }
                    String key = s.source().substring(SETTING_SOURCE.length());
                    phone.device().setting(key, s.text());
                    phone.pop();
                    yield Outcome.done("applied " + key + " = " + s.text());
                }
                default -> Outcome.UNKNOWN;
            };
        }
    }

    private static Outcome move(SimPhone phone, int delta) {
        Screen s = phone.screen();
        if (s.items().isEmpty()) {
            return Outcome.done("nothing to move in");
        }
        int n = s.items().size();
        int next = Math.floorMod(s.selected() + delta, n);
        phone.replaceTop(s.withSelected(next));
        return Outcome.done("selected " + (next + 1));
    }

    private static Outcome select(SimPhone phone) {
        Screen s = phone.screen();
        if (s.items().isEmpty()) {
            return Outcome.done("nothing to select");
        }
        Screen.Item item = s.items().get(s.selected());
        if (item.url().regionMatches(true, 0, "Key:", 0, 4)) {
            return press(phone, item.url().substring(4));
        }
        if (item.url().regionMatches(true, 0, "Dial:", 0, 5)) {
            phone.dial(item.url().substring(5));
            return Outcome.done("dialled " + item.url().substring(5));
        }
        return item.url().isEmpty() ? Outcome.done("selected " + item.name()) : Outcome.follow(item.url());
    }

    private static Outcome back(SimPhone phone) {
        return Outcome.done(phone.pop() ? "back" : "already idle");
    }

    private static Outcome open(SimPhone phone, String app) {
        phone.openApplication(app, Screen.application(app, APPLICATIONS.get(app)));
        return Outcome.done("opened " + app);
    }

    private static Outcome toggle(SimPhone phone, String path) {
        if (phone.call() != CallState.IDLE && phone.audioPath().equals(path)) {
            phone.onHook();
            return Outcome.done("on hook");
        }
        phone.offHook(path);
        return Outcome.done(path + " on");
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

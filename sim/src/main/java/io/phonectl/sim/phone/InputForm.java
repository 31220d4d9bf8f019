package io.phonectl.sim.phone;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CiscoIPPhoneInput on screen: each field is an item named "Label: value" whose URL holds
 * {@code input:<queryStringParam>|<label>}; the screen's source is {@code input:<submit URL>}. Typing replaces the
 * selected field's value; Submit builds the URL the phone fetches ({@code url?param=value&…}, UTF-8).
 */
public final class InputForm {

    public static final String SOURCE = "input:";
    static final String FIELD = "input:";

    private InputForm() {
    }

    public static Screen.Item field(String label, String param, String value) {
        return new Screen.Item(label + ": " + value, FIELD + param + "|" + label);
    }

    static boolean isForm(Screen s) {
        return s.kind() == Screen.Kind.INPUT && s.source().startsWith(SOURCE);
    }

    /** Replaces the selected field's value; false when the screen is not an input form. */
    public static boolean type(SimPhone phone, String text) {
        synchronized (phone) {
            Screen s = phone.screen();
            if (!isForm(s) || s.items().isEmpty()) {
                return false;
            }
            Screen.Item item = s.items().get(s.selected());
            String[] pl = item.url().substring(FIELD.length()).split("\\|", 2);
            List<Screen.Item> items = new ArrayList<>(s.items());
            items.set(s.selected(), field(pl[1], pl[0], text));
            phone.replaceTop(new Screen(s.kind(), s.title(), s.text(), items, s.selected(), s.softKeys(), s.prompt(),
                    s.source(), s.events()));
            return true;
        }
    }

    /** The URL Submit fetches, or null when the screen is not an input form. */
    static String submitUrl(Screen s) {
        if (!isForm(s)) {
            return null;
        }
        StringBuilder url = new StringBuilder(s.source().substring(SOURCE.length()));
        char sep = url.indexOf("?") < 0 ? '?' : '&';
        for (Screen.Item item : s.items()) {
            String[] pl = item.url().substring(FIELD.length()).split("\\|", 2);
            String value = item.name().substring(pl[1].length() + 2);
            url.append(sep).append(URLEncoder.encode(pl[0], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            sep = '&';
        }
        return url.toString();
    }
}

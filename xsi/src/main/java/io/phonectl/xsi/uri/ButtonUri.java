package io.phonectl.xsi.uri;

/** {@code Button:Back|Backspace|Apply}: the 8875 settings-menu buttons. */
public record ButtonUri(Button button) implements InternalUri {

    public enum Button { Back, Backspace, Apply }

    public ButtonUri {
        Enums.require("Button", button);
    }

    @Override
    public String family() {
        return "Button";
    }

    @Override
    public String format() {
        return "Button:" + button;
    }

    @Override
    public String feature() {
        return format();
    }
}

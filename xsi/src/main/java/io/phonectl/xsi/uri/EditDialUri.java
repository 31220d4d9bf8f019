package io.phonectl.xsi.uri;

/** {@code EditDial:<number>}: opens the dial editor pre-filled; the number uses the DTMF alphabet (assumption, see docs). */
public record EditDialUri(String number) implements InternalUri {

    public EditDialUri {
        UriRules.dtmf("EditDial number", number, false);
    }

    @Override
    public String family() {
        return "EditDial";
    }

    @Override
    public String format() {
        return "EditDial:" + number;
    }
}

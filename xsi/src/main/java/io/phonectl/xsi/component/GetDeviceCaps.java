package io.phonectl.xsi.component;

/** The capability query {@code <getDeviceCaps/>}; an invalid object yields CiscoIPPhoneError Number="1". */
public record GetDeviceCaps() implements ComponentMessage {

    @Override
    public String rootElement() {
        return "getDeviceCaps";
    }
}

package io.phonectl.xsi.uri;

/** {@code Device:Unlock}, and on the 8821 {@code Device:GeneratePRT} and {@code Device:PRTStatus}. */
public record DeviceUri(Command command) implements InternalUri {

    public enum Command { Unlock, GeneratePRT, PRTStatus }

    public DeviceUri {
        Enums.require("Device command", command);
    }

    @Override
    public String family() {
        return "Device";
    }

    @Override
    public String format() {
        return "Device:" + command;
    }

    @Override
    public String feature() {
        return format();
    }
}

package io.phonectl.xsi.uri;

/** {@code Init:<target>}: resets an application (CallHistory clears the call logs, AppStatus clears a Status object). */
public record InitUri(Target target) implements InternalUri {

    public enum Target { CallHistory, Services, Messages, Directories, AppStatus }

    public InitUri {
        Enums.require("Init target", target);
    }

    @Override
    public String family() {
        return "Init";
    }

    @Override
    public String format() {
        return "Init:" + target;
    }

    @Override
    public String feature() {
        return format();
    }
}

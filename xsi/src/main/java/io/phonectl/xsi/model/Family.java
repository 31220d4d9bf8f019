package io.phonectl.xsi.model;

/** Firmware/hardware families whose behaviour differs; {@link #id()} is the spelling used in models.txt. */
public enum Family {
    F79XX("79xx"), F78XX("78xx"), F7832("7832"), F88XX("88xx"), F8821("8821"), F9821("9821"), F8831("8831"), F8832("8832"),
    F8875("8875"), F89XX("89xx"), F99XX("99xx"), F69XX("69xx"), F98XX("98xx"), IP_COMMUNICATOR("ipc"),
    /** Multiplatform (3PCC) firmware on 6800/7800/8800 hardware: no XSI responses, most URIs absent. */
    MPP("mpp");

    private final String id;

    Family(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Family ofId(String id) {
        for (Family f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown family id: " + id);
    }
}

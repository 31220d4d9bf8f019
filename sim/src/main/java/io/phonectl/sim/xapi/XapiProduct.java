package io.phonectl.sim.xapi;

import io.phonectl.xapi.schema.DeviceSchema;

/**
 * The simulated product families. PhoneOS phones have no WebSocket (phoneos.cisco.com FAQ: "on roadmap"), only the
 * HTTP API and HttpFeedback, so the simulator answers 404 on {@code /ws} for them as the phones do.
 */
public enum XapiProduct {
    ROOMOS("Cisco Codec", "ce 9.7.1 ...", true, "roomos-state.json"),
    PHONEOS("Cisco IP Phone 9841", "PHONEOS.3-5-1-1000", false, "phoneos-state.json");

    private final String productName;
    private final String version;
    private final boolean webSocket;
    private final String stateResource;

    XapiProduct(String productName, String version, boolean webSocket, String stateResource) {
        this.productName = productName;
        this.version = version;
        this.webSocket = webSocket;
        this.stateResource = stateResource;
    }

    public String productName() { return productName; }

    public String version() { return version; }

    /** Whether {@code /ws} is served at all. */
    public boolean webSocket() { return webSocket; }

    String stateResource() { return stateResource; }

    /** The protocol core's schema for this product: value spaces, parameters and roles. */
    public DeviceSchema schema() { return this == ROOMOS ? Schemas.ROOM : Schemas.PHONE; }

    /** Loaded once, on first use. */
    private static final class Schemas {
        static final DeviceSchema ROOM = DeviceSchema.roomOs();
        static final DeviceSchema PHONE = DeviceSchema.phoneOs();
    }
}

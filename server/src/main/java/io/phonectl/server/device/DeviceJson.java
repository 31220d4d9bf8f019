package io.phonectl.server.device;

import io.phonectl.server.http.Json;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.ser.std.StdSerializer;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A device's JSON, remembered with the device it was written from and written again as it is while the device
 * reads the same ({@link Device#equals}: every field, its state, tags and CUCM phone). A page of devices is mostly
 * the same devices page after page: writing each one's thirty members again was a quarter of the page's CPU.
 *
 * <p>Nothing is invalidated: the key is the whole value read from the database for this request, so a device that
 * changed is simply written anew (and remembered in place of the old text). The text is the one the API's mapper
 * writes for a {@link Device} without this class (the same mapper with annotations off), so the two cannot differ.
 * One memo for the process (Jackson makes an instance of this class wherever it needs one): at most {@link #MAX}
 * devices are remembered, past that the memo starts again empty. Two services in one process (tests) may share an
 * id: each reads the other's text as a different device and writes its own.
 */
final class DeviceJson extends StdSerializer<Device> {

    /** About 1.5 KB each (the device and its text): 64 Ki devices ≈ 100 MB at most. */
    static final int MAX = 65_536;

    /** The API's mapper without this serializer: what a device's text is. */
    private static final JsonMapper PLAIN = Json.mapper().rebuild().disable(MapperFeature.USE_ANNOTATIONS).build();

    private record Written(Device device, SerializedString json) {
    }

    private static final ConcurrentHashMap<Long, Written> MEMO = new ConcurrentHashMap<>();

    DeviceJson() {
        super(Device.class);
    }

    @Override
    public void serialize(Device device, JsonGenerator gen, SerializationContext ctx) {
        gen.writeRawValue(text(device));
    }

    /** The device's JSON text, from the memo when the device reads as it did then. */
    static SerializedString text(Device device) {
        Written w = MEMO.get(device.id());
        if (w == null || !w.device().equals(device)) {
            w = new Written(device, new SerializedString(PLAIN.writeValueAsString(device)));
            if (MEMO.size() >= MAX) {
                MEMO.clear();
            }
            MEMO.put(device.id(), w);
        }
        return w.json();
    }

    /** The text remembered for this id, or null (for tests). */
    static String remembered(long id) {
        Written w = MEMO.get(id);
        return w == null ? null : w.json().getValue();
    }

    /** Forgets every device (for tests that filled the memo). */
    static void forgetAll() {
        MEMO.clear();
    }

    /** How many devices are remembered (for tests). */
    static int size() {
        return MEMO.size();
    }
}

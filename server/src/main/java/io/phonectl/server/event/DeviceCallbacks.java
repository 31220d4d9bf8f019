package io.phonectl.server.event;

import io.phonectl.client.callback.CallbackConfig;
import io.phonectl.client.callback.CallbackEvent;
import io.phonectl.client.callback.CallbackReceiver;
import io.phonectl.client.credentials.Credentials;
import io.phonectl.server.http.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * The endpoint phones post to (Notify URIs, {@code notifyMediaEvent}, {@code notifyApplicationEvent}): the
 * client's {@link CallbackReceiver} on its own port, with credentials the service made once. What arrives becomes
 * a {@code device.*} event. A job that asks for it puts {@link #notifyUri} into what it pushes: the path names the
 * job and the device, so their events carry both.
 */
public final class DeviceCallbacks implements AutoCloseable {

    static final String USER = "phonectl";
    static final String PATH = "/callback/";

    private final CallbackReceiver receiver;
    private final String host;

    private DeviceCallbacks(CallbackReceiver receiver, String host) {
        this.receiver = receiver;
        this.host = host;
    }

    /** Starts the receiver, or returns null when {@code callbackPort} is -1. */
    static DeviceCallbacks start(EventsConfig config, EventService events, String password) {
        if (config.callbackPort() < 0) {
            return null;
        }
        Credentials c = Credentials.of(USER, password);
        CallbackReceiver r = CallbackReceiver.start(new CallbackConfig(config.callbackBind(), config.callbackPort(), c,
                64 * 1024), e -> events.appendLater(event(e)));
        String host = config.callbackHost() != null ? config.callbackHost() : config.callbackBind().getHostAddress();
        return new DeviceCallbacks(r, host);
    }

    public int port() {
        return receiver.port();
    }

    /** The Notify URI that makes a device post its events here as events of this job and device. */
    public String notifyUri(Long jobId, Long deviceId) {
        return receiver.notifyUri(host, PATH + (jobId == null ? 0 : jobId) + "/" + (deviceId == null ? 0 : deviceId))
                .format();
    }

    /** A received POST as an event: device.media, device.application, device.notify or device.refused. */
    static NewEvent event(CallbackEvent e) {
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("from", e.origin().remoteAddress()).put("path", e.origin().path());
        String type = switch (e) {
            case CallbackEvent.Media m -> {
                d.put("event", m.event().type()).put("origin", m.event().origin()).put("streamId", m.event().streamId());
                yield "device.media";
            }
            case CallbackEvent.Application a -> {
                d.put("appId", a.event().appId()).put("event", String.valueOf(a.event().type()));
                yield "device.application";
            }
            case CallbackEvent.Data data -> {
                d.put("data", data.data().length() > 4000 ? data.data().substring(0, 4000) : data.data());
                yield "device.notify";
            }
            case CallbackEvent.Rejected r -> {
                d.put("status", r.httpStatus()).put("reason", r.reason());
                yield "device.refused";
            }
        };
        Long[] ids = ids(e.origin().path());
        String from = e.origin().remoteAddress();
        return new NewEvent(type, ids[0], ids[1], from.length() > 140 ? from.substring(0, 140) : from, d);
    }

    /** Job and device from {@code /callback/JOB/DEVICE} (0 or anything unreadable = none). */
    static Long[] ids(String path) {
        Long[] out = {null, null};
        if (path != null && path.startsWith(PATH)) {
            String[] parts = path.substring(PATH.length()).split("/");
            for (int i = 0; i < Math.min(2, parts.length); i++) {
                try {
                    long v = Long.parseLong(parts[i]);
                    out[i] = v > 0 ? v : null;
                } catch (NumberFormatException ignored) {
                    // not ours: the event keeps no id
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        receiver.close();
    }
}

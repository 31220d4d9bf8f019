package io.phonectl.server.job;

import io.phonectl.client.xsi.DevicePage;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.client.xsi.QueryResult;
import io.phonectl.client.xsi.Screenshot;
import io.phonectl.client.xsi.XsiClient;
import io.phonectl.server.credential.CredentialService;
import io.phonectl.server.device.Device;
import io.phonectl.server.device.DeviceKind;
import io.phonectl.server.device.DeviceService;
import io.phonectl.server.event.EventService;
import io.phonectl.server.event.NewEvent;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Json;
import io.phonectl.xsi.model.ModelCatalog;
import io.phonectl.xsi.model.PhoneModel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Map;

/**
 * What is done to one device at once, without a job: read a device-information page, take a screenshot, run one
 * action synchronously (the same build, pre-flight, credentials and attempts as a job's item). A device failure is
 * a 502 problem for pages and screenshots; an action answers its outcome whatever it is.
 */
public final class DeviceOperations {

    /** The outcome of a synchronous action, in the client's outcome shape. */
    public record ActionOutcome(long deviceId, String name, String address, String model, String outcome,
                                boolean success, int attempts, long elapsedMillis, String detail, JsonNode items,
                                String streamId, JsonNode result) {
    }

    /** A single action: as a job's action member, parameters and XML, with options (no target). */
    public record ActionRequest(String action, Map<String, JsonNode> params, String xml, JobOptions options) {
    }

    private final JobEngine engine;
    private final DeviceService devices;
    private final CredentialService credentials;
    private final EventService events;
    private final ModelCatalog models = ModelCatalog.standard();

    public DeviceOperations(JobEngine engine, DeviceService devices, CredentialService credentials,
                            EventService events) {
        this.engine = engine;
        this.devices = devices;
        this.credentials = credentials;
        this.events = events;
    }

    /** A device-information page, read by the client's tolerant reader. */
    public Object page(long id, String page, int n) {
        Device d = xsi(id);
        DevicePage<?> p;
        try {
            p = DevicePage.named(page);
        } catch (IllegalArgumentException e) {
            throw new ApiException.Invalid("page", page, "one of device, network, ethernet, port, log, streaming");
        }
        int index = p.indexed() ? n : p.firstIndex();
        QueryResult<?> r = client(d).page(p, index);
        return switch (r) {
            case QueryResult.Ok<?> ok -> ok.value();
            case QueryResult.Failed<?> f -> throw new ApiException.DeviceFailed(f.outcome().kind().name(),
                    f.outcome().detail());
        };
    }

    /** A screenshot from the model's screenshot path (PNG, or BMP on 79xx). */
    public Screenshot screenshot(long id) {
        Device d = xsi(id);
        String path = models.find(d.model()).map(PhoneModel::screenshotPath).orElse(XsiClient.SCREENSHOT_PATH);
        return switch (client(d).screenshot(path)) {
            case QueryResult.Ok<Screenshot> ok -> ok.value();
            case QueryResult.Failed<Screenshot> f -> throw new ApiException.DeviceFailed(f.outcome().kind().name(),
                    f.outcome().detail());
        };
    }

    /** Runs one action on one device now and answers its outcome; the device's last known state follows it. */
    public ActionOutcome action(long id, ActionRequest request, String actor) {
        Device d = devices.get(id);
        JobOptions options = (request.options() == null ? JobOptions.DEFAULTS : request.options())
                .resolved((int) engine.config().requestTimeout().toMillis());
        JobAction action = engine.actions().build(new JobSpec(request.action(), request.params(), request.xml()),
                options.callback());
        Instant deadline = engine.clock().instant().plusMillis((long) options.timeoutMillis() * options.attempts()
                + 10_000);
        ClaimedItem item = new ClaimedItem(0, d.id(), d.name(), d.address(), d.model(), d.kind(), d.site(), d.user(),
                d.credentials() == null ? null : credentials.idByName(d.credentials()).orElse(null), false);
        ItemOutcome o = engine.dispatch(null, action, options, deadline).dispatch(item);
        devices.recordState(id, new Device.State(o.reachable(), null,
                Boolean.TRUE.equals(o.reachable()) ? o.finishedAt() : null, o.outcome(), o.detail(), null));
        ObjectNode data = o.data() == null ? Json.mapper().createObjectNode() : o.data().deepCopy();
        JsonNode items = data.remove("items");
        JsonNode stream = data.remove("streamId");
        ActionOutcome out = new ActionOutcome(d.id(), d.name(), d.address(), d.model(), o.outcome(), o.success(),
                o.attempts(), o.elapsedMillis(), o.detail(), items, stream == null ? null : stream.asString(),
                data.isEmpty() ? null : data.has("result") ? data.get("result") : data);
        events.append(new NewEvent("device.action", null, d.id(), actor, Json.mapper().createObjectNode()
                .put("action", action.id()).put("outcome", o.outcome()).put("success", o.success())
                .put("detail", o.detail())));
        return out;
    }

    private Device xsi(long id) {
        Device d = devices.get(id);
        if (d.kind() != DeviceKind.XSI) {
            throw new ApiException.Invalid("id", id, "an XSI phone (device " + d.name() + " is " + d.kind().spelling()
                    + "; its pages and screenshots are not XSI's)");
        }
        return d;
    }

    private XsiClient client(Device d) {
        PhoneAddress address = PhoneAddress.parse(d.address());
        var c = d.credentials() == null ? null : credentials.idByName(d.credentials()).map(credentials::resolve)
                .orElse(null);
        if (c != null && !d.user().isEmpty()) {
            c = c.withUser(d.user());
        }
        return XsiClient.of(engine.transport(), address, c, XsiClient.digestModel(d.model()));
    }
}

package io.phonectl.server.readiness;

import io.phonectl.server.catalog.CatalogService;
import io.phonectl.server.device.DeviceKind;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.job.ClaimedItem;
import io.phonectl.server.job.ItemOutcome;
import io.phonectl.server.job.JobKind;
import io.phonectl.server.job.JobSpec;
import io.phonectl.xsi.model.ModelCatalog;
import tools.jackson.databind.JsonNode;

import java.time.InstantSource;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The readiness audit as a job kind, {@code "action":"readiness"} with optional {@code params.notification} (the
 * catalog action the audit asks the model about, default {@code object_text}): every device, phone or xAPI, is
 * checked without being disturbed and ends READY or NOT_READY with a {@link ReadinessReason}.
 */
public final class ReadinessKind implements JobKind {

    public static final String ID = "readiness";
    static final String DEFAULT_NOTIFICATION = "object_text";

    private final CatalogService catalog;
    private final ModelCatalog models = ModelCatalog.standard();
    private final InstantSource clock;

    public ReadinessKind(CatalogService catalog, InstantSource clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Action build(JobSpec spec) {
        String notification = DEFAULT_NOTIFICATION;
        if (spec.params() != null) {
            for (Map.Entry<String, JsonNode> e : spec.params().entrySet()) {
                if (!e.getKey().equals("notification") || !e.getValue().isString()) {
                    throw new ApiException.Invalid("params." + e.getKey(), e.getValue().toString(),
                            "only notification (a catalog action id, text) for action " + ID);
                }
                notification = e.getValue().asString();
            }
        }
        CatalogService.Action action;
        try {
            action = catalog.action(notification);
        } catch (ApiException.NotFound e) {
            throw new ApiException.Invalid("params.notification", notification, "an action id of the catalog "
                    + "(GET /api/v1/catalog/actions)");
        }
        if (action.support() == null) {
            throw new ApiException.Invalid("params.notification", notification, "an action the catalog can judge "
                    + "per model (one that is pushed, e.g. object_text)");
        }
        Set<String> supporting = new HashSet<>(action.support().supported());
        XapiReadiness xapi = new XapiReadiness();
        String asked = notification;
        return kindItem -> kindItem.exchange((transport, address, c, timeout) -> {
            ClaimedItem item = kindItem.item();
            Findings f = new Findings(clock.instant());
            if (item.kind() == DeviceKind.XSI) {
                new XsiReadiness(transport, supporting, asked).check(address, models.find(item.model()), c, f);
            } else {
                xapi.check(address, item.kind(), c, timeout, f);
            }
            return f.outcome(clock.instant());
        });
    }
}

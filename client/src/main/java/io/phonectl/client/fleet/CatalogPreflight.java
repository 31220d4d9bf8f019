package io.phonectl.client.fleet;

import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.OutcomeKind;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.xsi.SizeProfile;
import io.phonectl.xsi.Violation;
import io.phonectl.xsi.XsiException;
import io.phonectl.xsi.model.ComponentApi;
import io.phonectl.xsi.model.ModelCatalog;
import io.phonectl.xsi.model.PhoneModel;
import io.phonectl.xsi.model.Support;
import io.phonectl.xsi.uri.InternalUri;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The pre-flight check against the xsi model catalog: the document's root element (or its component API) and
 * every internal URI of an Execute must be supported by the phone's model, and the URIs must be allowed
 * inside an Execute on that model. Answers are the catalog's own reasons and sources; nothing is decided
 * here. Phones whose model is empty or unknown to the catalog are sent to unless {@code strict}.
 */
public final class CatalogPreflight implements Preflight {

    private final ModelCatalog catalog;
    private final boolean strict;
    private final Map<String, Optional<PushOutcome.NotSent>> cache = new ConcurrentHashMap<>();

    public CatalogPreflight(ModelCatalog catalog, boolean strict) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.strict = strict;
    }

    /** The standard catalog; unknown models are sent to. */
    public static CatalogPreflight standard() {
        return new CatalogPreflight(ModelCatalog.standard(), false);
    }

    @Override
    public Optional<PushOutcome.NotSent> check(PhoneEntry phone, FleetAction action) {
        Optional<PhoneModel> model = catalog.find(phone.model());
        if (model.isEmpty()) {
            return strict
                    ? Optional.of(new PushOutcome.NotSent(OutcomeKind.UNSUPPORTED, "model \"" + phone.model()
                    + "\" is not in the model catalog, so support cannot be checked (strict pre-flight)"))
                    : Optional.empty();
        }
        String key = model.get().name() + '\u0000' + action.rootElement() + '\u0000' + String.join("\u0000", action.uris());
        return cache.computeIfAbsent(key, k -> decide(model.get(), action));
    }

    private static Optional<PushOutcome.NotSent> decide(PhoneModel model, FleetAction action) {
        Support object = switch (action.rootElement()) {
            case "startMedia", "stopMedia" -> model.support(ComponentApi.RTP_STREAMING);
            case "getDeviceCaps" -> model.support(ComponentApi.GET_DEVICE_CAPS);
            case "setBackground" -> model.support(ComponentApi.SET_BACKGROUND);
            case "setRingTone" -> model.support(ComponentApi.SET_RING_TONE);
            default -> model.supportObject(action.rootElement());
        };
        if (object instanceof Support.Unsupported u) {
            return unsupported(model, action.rootElement(), u);
        }
        for (String text : action.uris()) {
            if (InternalUri.isHttp(text)) {
                continue;
            }
            InternalUri uri;
            try {
                uri = InternalUri.parse(text);
            } catch (XsiException e) {
                return Optional.of(new PushOutcome.NotSent(OutcomeKind.INVALID, e.getMessage()));
            }
            List<Violation> violations = uri.executeViolations(model);
            if (!violations.isEmpty()) {
                return Optional.of(new PushOutcome.NotSent(OutcomeKind.INVALID,
                        violations.stream().map(Violation::message).collect(Collectors.joining("; "))));
            }
            if (model.support(uri) instanceof Support.Unsupported u) {
                return unsupported(model, uri.format(), u);
            }
        }
        return Optional.empty();
    }

    private static Optional<PushOutcome.NotSent> unsupported(PhoneModel model, String feature, Support.Unsupported u) {
        return Optional.of(new PushOutcome.NotSent(OutcomeKind.UNSUPPORTED,
                model.name() + " does not support " + feature + ": " + u.reason() + " (source: " + u.source() + ")"));
    }

    @Override
    public SizeProfile sizeProfile(PhoneEntry phone) {
        return catalog.find(phone.model()).map(PhoneModel::sizeProfile).orElse(SizeProfile.POST_40KB);
    }
}

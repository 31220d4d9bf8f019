package io.phonectl.client.fleet;

import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.OutcomeKind;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.xsi.SizeProfile;
import io.phonectl.xsi.model.ModelCatalog;
import io.phonectl.xsi.model.PhoneModel;
import io.phonectl.xsi.validate.ValidationReport;
import io.phonectl.xsi.validate.XsiValidator;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pre-flight check of a fleet push: {@link XsiValidator} (which composes the object, URI and Execute rules
 * with the model catalog) judges the document for the phone's model. Features the model lacks make the phone
 * UNSUPPORTED with the catalog's reason and source; broken rules make it INVALID. Nothing is decided here.
 * Phones whose model is empty or unknown to the catalog get the model-independent rules only, unless strict.
 * Answers are cached per model and action, so a fleet of thousands costs one validation per model.
 */
public final class CatalogPreflight implements Preflight {

    private final ModelCatalog catalog;
    private final XsiValidator validator;
    private final boolean strict;
    private final Map<Key, Optional<PushOutcome.NotSent>> cache = new ConcurrentHashMap<>();

    private record Key(String model, FleetAction action) {
    }

    public CatalogPreflight(ModelCatalog catalog, XsiValidator validator, boolean strict) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.strict = strict;
    }

    /** The standard catalog and validator; unknown models are checked against model-independent rules only. */
    public static CatalogPreflight standard() {
        return new CatalogPreflight(ModelCatalog.standard(), XsiValidator.standard(), false);
    }

    @Override
    public Optional<PushOutcome.NotSent> check(PhoneEntry phone, FleetAction action) {
        Optional<PhoneModel> model = catalog.find(phone.model());
        if (model.isEmpty() && strict) {
            return Optional.of(new PushOutcome.NotSent(OutcomeKind.UNSUPPORTED, "model \"" + phone.model()
                    + "\" is not in the model catalog, so support cannot be checked (strict pre-flight)"));
        }
        String name = model.map(PhoneModel::name).orElse(null);
        return cache.computeIfAbsent(new Key(name == null ? "" : name, action), k -> decide(name, action));
    }

    private Optional<PushOutcome.NotSent> decide(String model, FleetAction action) {
        if (action.document() == null) {
            return Optional.of(new PushOutcome.NotSent(OutcomeKind.INVALID, action.problem()));
        }
        ValidationReport report = validator.validate(action.document(), model);
        if (!report.violations().isEmpty()) {
            return Optional.of(new PushOutcome.NotSent(OutcomeKind.INVALID, report.oneLine()));
        }
        if (!report.unsupported().isEmpty()) {
            return Optional.of(new PushOutcome.NotSent(OutcomeKind.UNSUPPORTED, report.oneLine()));
        }
        return Optional.empty();
    }

    @Override
    public SizeProfile sizeProfile(PhoneEntry phone) {
        return catalog.find(phone.model()).map(PhoneModel::sizeProfile).orElse(SizeProfile.POST_40KB);
    }
}

package io.phonectl.client.fleet;

import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.OutcomeKind;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.xsi.model.ModelCatalog;
import io.phonectl.xsi.model.PhoneModel;
import io.phonectl.xsi.push.XsiPush;
import io.phonectl.xsi.validate.ValidationReport;
import io.phonectl.xsi.validate.XsiValidator;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pre-flight check of a fleet push: {@link XsiValidator} (which composes the object, URI and Execute rules
 * with the model catalog) judges the push for the phone's model, from the items and size the push already holds.
 * Features the model lacks make the phone UNSUPPORTED with the catalog's reason and source; broken rules make it
 * INVALID; a phone that passes is sent the push in its model's wire form ({@link XsiPush#forModel}). Nothing is
 * decided here. Phones whose model is empty or unknown to the catalog get the model-independent rules only, unless
 * strict. A {@link #plan} decides once per model, so a fleet of thousands costs one validation per model.
 */
public final class CatalogPreflight implements Preflight {

    private final ModelCatalog catalog;
    private final XsiValidator validator;
    private final boolean strict;
    private final boolean checks;

    private CatalogPreflight(ModelCatalog catalog, XsiValidator validator, boolean strict, boolean checks) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.strict = strict;
        this.checks = checks;
    }

    public CatalogPreflight(ModelCatalog catalog, XsiValidator validator, boolean strict) {
        this(catalog, validator, strict, true);
    }

    /** The standard catalog and validator; unknown models are checked against model-independent rules only. */
    public static CatalogPreflight standard() {
        return new CatalogPreflight(ModelCatalog.standard(), XsiValidator.standard(), false, true);
    }

    /**
     * No checks: every phone is sent the push, in its model's wire form where the catalog knows the model
     * ({@code --no-preflight}: the user overrides the catalog's support answers, not the key spellings).
     */
    public static CatalogPreflight wireFormOnly() {
        return new CatalogPreflight(ModelCatalog.standard(), XsiValidator.standard(), false, false);
    }

    @Override
    public Verdict check(PhoneEntry phone, XsiPush push) {
        return decide(phone.model(), push);
    }

    @Override
    public Plan plan(XsiPush push) {
        // one decision per model; the phones that come while it is being made wait for it (a fleet's thousands of
        // workers start at once: deciding inside computeIfAbsent held them all spinning on the map's lock)
        Map<String, CompletableFuture<Verdict>> byModel = new ConcurrentHashMap<>();
        return phone -> {
            CompletableFuture<Verdict> decided = byModel.get(phone.model()); // after the first of a model: one lookup
            if (decided == null) {
                CompletableFuture<Verdict> mine = new CompletableFuture<>();
                decided = byModel.putIfAbsent(phone.model(), mine);
                if (decided == null) {
                    decided = mine;
                    try {
                        mine.complete(decide(phone.model(), push));
                    } catch (RuntimeException e) {
                        mine.completeExceptionally(e);
                    }
                }
            }
            try {
                return decided.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        };
    }

    private Verdict decide(String name, XsiPush push) {
        Optional<PhoneModel> model = catalog.find(name);
        if (!checks) {
            return new Verdict.Send(model.map(push::forModel).orElse(push));
        }
        if (model.isEmpty() && strict) {
            return skip(OutcomeKind.UNSUPPORTED, "model \"" + name
                    + "\" is not in the model catalog, so support cannot be checked (strict pre-flight)");
        }
        ValidationReport report = validator.validate(push, model.orElse(null));
        if (!report.violations().isEmpty()) {
            return skip(OutcomeKind.INVALID, report.oneLine());
        }
        if (!report.unsupported().isEmpty()) {
            return skip(OutcomeKind.UNSUPPORTED, report.oneLine());
        }
        return new Verdict.Send(model.map(push::forModel).orElse(push));
    }

    private static Verdict skip(OutcomeKind kind, String why) {
        return new Verdict.Skip(new PushOutcome.NotSent(kind, why));
    }
}

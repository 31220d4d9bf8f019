package io.phonectl.server.catalog;

import io.phonectl.server.http.ApiException;
import io.phonectl.xsi.action.ActionCatalog;
import io.phonectl.xsi.action.ActionSpec;
import io.phonectl.xsi.action.Allowed;
import io.phonectl.xsi.action.ParamSpec;
import io.phonectl.xsi.model.ModelCatalog;
import io.phonectl.xsi.model.PhoneModel;
import io.phonectl.xsi.validate.ValidationReport;
import io.phonectl.xsi.validate.XsiValidator;

import java.util.ArrayList;
import java.util.List;

/**
 * The action catalog for clients that build forms: every control-spec action with its parameters, their types,
 * allowed values and defaults (from {@link ActionCatalog}), and which phone models support it — decided by
 * {@link XsiValidator} on the action built from its example parameters, i.e. by the model catalog, not here.
 * Computed once (a few thousand validations) on first use.
 */
public final class CatalogService {

    /** One action. {@code support} is null when the catalog has no complete example to decide it with. */
    public record Action(String id, String kind, String label, String sends, List<Param> params, Support support) {
    }

    /** One parameter; {@code allowed} is {@code any}, {@code range} (min, max) or {@code values}. */
    public record Param(String name, String type, boolean required, String defaultValue, String example,
                        Allowed allowed, boolean checkedByCatalog, String description) {
    }

    public record Allowed(String kind, Long min, Long max, List<String> values) {
    }

    /** Models that support the action, and those that do not with the catalog's reason. */
    public record Support(List<String> supported, List<Refusal> unsupported) {
    }

    public record Refusal(String model, String reason) {
    }

    /** A phone model of the model catalog. */
    public record Model(String name, List<String> aliases, String family, String series, String label, boolean mpp) {
    }

    private final ActionCatalog actions;
    private final ModelCatalog models;
    private final XsiValidator validator;
    private volatile List<Action> cache;

    public CatalogService(ActionCatalog actions, ModelCatalog models, XsiValidator validator) {
        this.actions = actions;
        this.models = models;
        this.validator = validator;
    }

    public static CatalogService standard() {
        return new CatalogService(ActionCatalog.standard(), ModelCatalog.standard(), XsiValidator.standard());
    }

    public List<Action> actions() {
        List<Action> c = cache;
        if (c == null) {
            c = actions.actions().stream().map(this::action).toList();
            cache = c;
        }
        return c;
    }

    public Action action(String id) {
        return actions().stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new ApiException.NotFound("action", id));
    }

    public List<Model> models() {
        return models.models().stream().map(m -> new Model(m.name(), m.aliases(), m.family().id(), m.series(),
                m.label(), m.mpp())).toList();
    }

    private Action action(ActionSpec a) {
        List<Param> params = a.params().stream().map(CatalogService::param).toList();
        return new Action(a.id(), a.kind().spelling(), a.label(), a.sends(), params, support(a));
    }

    private Support support(ActionSpec a) {
        if (!validator.validateAction(a.id(), a.exampleParams(), null).violations().isEmpty()) {
            return null;
        }
        List<String> yes = new ArrayList<>();
        List<Refusal> no = new ArrayList<>();
        for (PhoneModel m : models.models()) {
            ValidationReport r = validator.validateAction(a.id(), a.exampleParams(), m.name());
            if (r.ok()) {
                yes.add(m.name());
            } else {
                no.add(new Refusal(m.name(), r.oneLine()));
            }
        }
        return new Support(yes, no);
    }

    private static Param param(ParamSpec p) {
        Allowed allowed = switch (p.allowed()) {
            case io.phonectl.xsi.action.Allowed.Range r -> new Allowed("range", r.min(), r.max(), null);
            case io.phonectl.xsi.action.Allowed.Values v -> new Allowed("values", null, null, v.values());
            case io.phonectl.xsi.action.Allowed.Any any -> new Allowed("any", null, null, null);
        };
        return new Param(p.name(), p.type().spelling(), p.required(), p.defaultValue().orElse(null),
                p.example().orElse(null), allowed, p.checked(), p.description());
    }

}

package io.phonectl.server.console;

import io.phonectl.server.catalog.CatalogService;
import io.phonectl.server.device.Device;
import io.phonectl.server.device.DeviceKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The "send an action" form, generated from the action catalog ({@link CatalogService}, the data of
 * {@code GET /api/v1/catalog/actions}): one input per parameter with the HTML constraints of its type, allowed
 * values and range, so the browser checks what it can; the service checks everything again when the job is made.
 * Whether the device's model supports an action is the model catalog's decision, with its reason.
 *
 * @param id       the chosen action, or null before one is chosen
 * @param reason   why the device's model does not support it (null when it does, or when the catalog cannot tell)
 * @param fields   the parameters' inputs
 * @param choices  every action for the picker, the unsupported ones disabled with their reason
 */
public record ActionForm(String id, String label, String sends, boolean supported, String reason, List<Field> fields,
                         List<Choice> choices) {

    /** One input. {@code input} is {@code number}, {@code select} or {@code text}. */
    public record Field(String name, String description, String input, String value, boolean required, Long min,
                        Long max, List<String> values) {
        public String id() {
            return "p-" + name;
        }
    }

    /** One action of the picker. */
    public record Choice(String id, String label, boolean supported, String reason) {
    }

    public long unsupported() {
        return choices.stream().filter(c -> !c.supported()).count();
    }

    /** The form for {@code device}, with {@code chosen} (may be null) selected and {@code values} filled in. */
    static ActionForm of(CatalogService catalog, Device device, String chosen, Map<String, String> values) {
        List<Choice> choices = new ArrayList<>();
        CatalogService.Action selected = null;
        String selectedReason = null;
        for (CatalogService.Action a : catalog.actions()) {
            String reason = refusal(a, device);
            choices.add(new Choice(a.id(), a.label(), reason == null, reason));
            if (a.id().equals(chosen)) {
                selected = a;
                selectedReason = reason;
            }
        }
        if (selected == null) {
            return new ActionForm(null, null, null, false, null, List.of(), choices);
        }
        List<Field> fields = new ArrayList<>();
        for (CatalogService.Param p : selected.params()) {
            fields.add(field(p, values.get(p.name())));
        }
        return new ActionForm(selected.id(), selected.label(), selected.sends(), selectedReason == null, selectedReason,
                fields, choices);
    }

    /**
     * The form for a fleet (compose): every action can be chosen; which models support it is the pre-flight
     * preview's business, per model of the target.
     */
    static ActionForm forFleet(CatalogService catalog, String chosen, Map<String, String> values) {
        List<Choice> choices = new ArrayList<>();
        CatalogService.Action selected = null;
        for (CatalogService.Action a : catalog.actions()) {
            choices.add(new Choice(a.id(), a.label(), true, null));
            if (a.id().equals(chosen)) {
                selected = a;
            }
        }
        if (selected == null) {
            return new ActionForm(null, null, null, true, null, List.of(), choices);
        }
        List<Field> fields = new ArrayList<>();
        for (CatalogService.Param p : selected.params()) {
            fields.add(field(p, values.get(p.name())));
        }
        return new ActionForm(selected.id(), selected.label(), selected.sends(), true, null, fields, choices);
    }

    /** The parameters as a job takes them, from form fields named {@code p.NAME} (empty ones left out). */
    static Map<String, tools.jackson.databind.JsonNode> params(Map<String, String> values) {
        Map<String, tools.jackson.databind.JsonNode> out = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                out.put(k, tools.jackson.databind.node.StringNode.valueOf(v));
            }
        });
        return out;
    }

    /** Why the device cannot take the action, or null when it can (or the catalogs cannot tell). */
    static String refusal(CatalogService.Action a, Device device) {
        if (device.kind() != DeviceKind.XSI) {
            return "an XSI action; this is a " + device.kind().spelling() + " device (xAPI)";
        }
        if (a.support() == null || device.model().isEmpty()) {
            return null;
        }
        if (a.support().supported().contains(device.model())) {
            return null;
        }
        return a.support().unsupported().stream().filter(r -> r.model().equals(device.model())).findFirst()
                .map(CatalogService.Refusal::reason).orElse("not supported by " + device.model());
    }

    private static Field field(CatalogService.Param p, String given) {
        String value = given != null ? given : p.defaultValue() == null ? "" : p.defaultValue();
        String description = p.description() == null || p.description().isBlank() ? p.name() : p.description();
        CatalogService.Allowed allowed = p.allowed();
        if (allowed != null && allowed.kind().equals("values")) {
            return new Field(p.name(), description, "select", value, p.required(), null, null, allowed.values());
        }
        if (p.type().equals("boolean")) {
            return new Field(p.name(), description, "select", value, p.required(), null, null, List.of("1", "0"));
        }
        if (p.type().equals("integer")) {
            boolean range = allowed != null && allowed.kind().equals("range");
            return new Field(p.name(), description, "number", value, p.required(),
                    range ? allowed.min() : (long) Integer.MIN_VALUE, range ? allowed.max() : (long) Integer.MAX_VALUE,
                    List.of());
        }
        return new Field(p.name(), description, "text", value, p.required(), null, null, List.of());
    }
}

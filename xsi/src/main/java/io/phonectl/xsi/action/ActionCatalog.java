package io.phonectl.xsi.action;

import io.phonectl.xsi.Sources;
import io.phonectl.xsi.Violation;
import io.phonectl.xsi.XsiValidationException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The control spec's catalog: its 114 actions (parameter tables from {@code actions.txt}), 13 feedbacks,
 * 5 variables, 5 events and 2 macros. The only place that maps an action id to what is sent
 * ({@link #build(String, Map)}).
 */
public final class ActionCatalog {

    private static final ActionCatalog STANDARD = new ActionCatalog(
            ActionTableReader.readResource("actions.txt"), SpecTables.feedbacks(), SpecTables.variables(),
            SpecTables.events(), SpecTables.macros());

    private final Map<String, ActionSpec> actions;
    private final List<FeedbackSpec> feedbacks;
    private final List<VariableSpec> variables;
    private final List<EventSpec> events;
    private final List<MacroSpec> macros;

    ActionCatalog(List<ActionSpec> actions, List<FeedbackSpec> feedbacks, List<VariableSpec> variables,
                  List<EventSpec> events, List<MacroSpec> macros) {
        Map<String, ActionSpec> byId = new LinkedHashMap<>();
        for (ActionSpec a : actions) {
            if (byId.put(a.id(), a) != null) {
                throw new IllegalStateException("duplicate action id " + a.id());
            }
        }
        this.actions = Collections.unmodifiableMap(byId);
        this.feedbacks = List.copyOf(feedbacks);
        this.variables = List.copyOf(variables);
        this.events = List.copyOf(events);
        this.macros = List.copyOf(macros);
    }

    /** The catalog of the control spec (seeds/001). */
    public static ActionCatalog standard() {
        return STANDARD;
    }

    /** All actions in the spec's order. */
    public List<ActionSpec> actions() {
        return List.copyOf(actions.values());
    }

    public List<ActionSpec> actions(ActionKind kind) {
        return actions.values().stream().filter(a -> a.kind() == kind).toList();
    }

    public Optional<ActionSpec> action(String id) {
        return Optional.ofNullable(actions.get(id));
    }

    /** The action with this id, or an {@link XsiValidationException} naming the unknown id. */
    public ActionSpec require(String id) {
        ActionSpec a = actions.get(id);
        if (a == null) {
            throw new XsiValidationException(Violation.of("action", id,
                    "one of the " + actions.size() + " action ids of the control spec (see `phonectl xsi actions`)",
                    Sources.CONTROL_SPEC));
        }
        return a;
    }

    /**
     * What the action sends, built from its parameters: the catalog's table checks names, presence and types, the
     * typed object, message or URI checks its own rules. Model support is a separate question
     * ({@code io.phonectl.xsi.validate.XsiValidator}).
     *
     * @throws io.phonectl.xsi.XsiValidationException every violation, each naming field, value, rule and source
     */
    public Outgoing build(String id, Map<String, String> params) {
        return ActionBuilders.build(ActionArgs.resolve(require(id), params));
    }

    public List<FeedbackSpec> feedbacks() {
        return feedbacks;
    }

    public List<VariableSpec> variables() {
        return variables;
    }

    public List<EventSpec> events() {
        return events;
    }

    public List<MacroSpec> macros() {
        return macros;
    }

    public Optional<MacroSpec> macro(String id) {
        return macros.stream().filter(m -> m.id().equals(id)).findFirst();
    }
}

package io.phonectl.server.job;

import io.phonectl.server.http.ApiException;
import io.phonectl.xapi.XapiException;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xsi.SizeProfile;
import io.phonectl.xsi.Violation;
import io.phonectl.xsi.XsiException;
import io.phonectl.xsi.XsiValidationException;
import io.phonectl.xsi.action.ActionCatalog;
import io.phonectl.xsi.action.Outgoing;
import io.phonectl.xsi.codec.XsiCodec;
import io.phonectl.xsi.object.XsiDocument;
import io.phonectl.xsi.validate.ValidationReport;
import io.phonectl.xsi.validate.XsiValidator;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds a {@link JobAction} from what a client sent, refusing at the boundary what cannot be sent: unknown
 * action ids, parameters the catalog or the typed objects refuse, XML that is unreadable, too large or no push,
 * xAPI paths that are not paths. Every problem names the member ({@code action}, {@code params.title}, {@code xml}…).
 */
public final class JobActions {

    public static final String XML = "xml";
    public static final String XAPI_COMMAND = "xapi_command";
    public static final String XAPI_CONFIG = "xapi_config";
    /** Replaced by the service's Notify URI for the item when the job's {@code callback} option is on. */
    public static final String CALLBACK = "$CALLBACK";
    static final String SAMPLE_CALLBACK = "Notify:http:127.0.0.1:1:/callback/0/0";
    public static final int MAX_PARAM_CHARS = 8_000;

    private final ActionCatalog catalog;
    private final XsiValidator validator;
    private final Map<String, JobKind> kinds;

    public JobActions(ActionCatalog catalog, XsiValidator validator, List<JobKind> kinds) {
        this.catalog = catalog;
        this.validator = validator;
        Map<String, JobKind> m = new LinkedHashMap<>();
        for (JobKind k : kinds) {
            if (catalog.action(k.id()).isPresent() || List.of(XML, XAPI_COMMAND, XAPI_CONFIG).contains(k.id())
                    || m.put(k.id(), k) != null) {
                throw new IllegalArgumentException("job kind " + k.id() + ": the id is taken");
            }
        }
        this.kinds = Map.copyOf(m);
    }

    public static JobActions standard() {
        return standard(List.of());
    }

    public static JobActions standard(List<JobKind> kinds) {
        return new JobActions(ActionCatalog.standard(), XsiValidator.standard(), kinds);
    }

    public JobAction build(JobSpec spec, boolean callback) {
        String id = spec.action();
        if (id == null || id.isBlank()) {
            throw new ApiException.Invalid("action", id, "a control-spec action id (GET /api/v1/catalog/actions), "
                    + XML + ", " + XAPI_COMMAND + " or " + XAPI_CONFIG);
        }
        if (!id.equals(XML) && spec.xml() != null) {
            throw new ApiException.Invalid("xml", "…", "only with action " + XML);
        }
        JobKind kind = kinds.get(id);
        if (kind != null) {
            if (callback) {
                throw new ApiException.Invalid("options.callback", true, "not with action " + id);
            }
            return new JobAction.Kind(id, kind.build(spec));
        }
        return switch (id) {
            case XML -> xml(spec, callback);
            case XAPI_COMMAND -> xapiCommand(spec);
            case XAPI_CONFIG -> xapiConfig(spec);
            default -> fromCatalog(id, texts(spec.params()), callback);
        };
    }

    /** Tells the job's kind, if it is one added from outside, that the job was created. */
    void created(long jobId, JobSpec spec, String actor) {
        JobKind kind = kinds.get(spec.action());
        if (kind != null) {
            try {
                kind.created(jobId, spec, actor);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(JobActions.class).error("job {}: {} after creation failed", jobId,
                        spec.action(), e);
            }
        }
    }

    private JobAction fromCatalog(String id, Map<String, String> params, boolean callback) {
        if (catalog.action(id).isEmpty()) {
            throw new ApiException.Invalid("action", id, "one of the " + catalog.actions().size()
                    + " control-spec action ids (GET /api/v1/catalog/actions), or " + XML + ", " + XAPI_COMMAND
                    + ", " + XAPI_CONFIG + (kinds.isEmpty() ? "" : ", " + String.join(", ", kinds.keySet())));
        }
        boolean usesCallback = params.values().stream().anyMatch(v -> v.contains(CALLBACK));
        checkCallback(callback, usesCallback);
        Outgoing out = outgoing(id, params, SAMPLE_CALLBACK);
        return switch (out) {
            case Outgoing.DocumentPush d -> new JobAction.Push(id, d.document(),
                    usesCallback ? uri -> document(outgoing(id, params, uri)) : null);
            case Outgoing.UriPush u -> new JobAction.Push(id, u.execute(),
                    usesCallback ? uri -> document(outgoing(id, params, uri)) : null);
            case Outgoing.HttpGet g -> new JobAction.Collect(id, g.path(), g.path().startsWith("/CGI/Screenshot"));
            case Outgoing.UriReference r -> throw new ApiException.Invalid("action", id, "an action that is sent to "
                    + "a phone: " + r.uri().family() + " URIs are placed inside other objects (softkeys, event "
                    + "handlers), not pushed by themselves");
        };
    }

    private Outgoing outgoing(String id, Map<String, String> params, String callbackUri) {
        Map<String, String> p = new LinkedHashMap<>();
        params.forEach((k, v) -> p.put(k, v.replace(CALLBACK, callbackUri)));
        try {
            return catalog.build(id, p);
        } catch (XsiValidationException e) {
            Violation v = e.violations().getFirst();
            // the catalog names a parameter "<action>.<param>"; the request calls it params.<param>
            String field = v.field().startsWith(id + ".") ? v.field().substring(id.length() + 1) : v.field();
            throw invalid("params.", new Violation(field, v.value(), v.rule(), v.source()));
        } catch (XsiException | IllegalArgumentException e) {
            throw new ApiException.Invalid("params", id, e.getMessage());
        }
    }

    private static XsiDocument document(Outgoing out) {
        return switch (out) {
            case Outgoing.DocumentPush d -> d.document();
            case Outgoing.UriPush u -> u.execute();
            default -> throw new IllegalStateException("not a push: " + out);
        };
    }

    private JobAction xml(JobSpec spec, boolean callback) {
        String xml = spec.xml();
        if (xml == null || xml.isBlank()) {
            throw new ApiException.Invalid("xml", xml == null ? null : "", "a display object or CiscoIPPhoneExecute "
                    + "as XML (action " + XML + ")");
        }
        if (!spec.params().isEmpty()) {
            throw new ApiException.Invalid("params", spec.params().keySet().toString(), "none with action " + XML);
        }
        boolean usesCallback = xml.contains(CALLBACK);
        checkCallback(callback, usesCallback);
        XsiDocument doc = parse(xml.replace(CALLBACK, SAMPLE_CALLBACK));
        return new JobAction.Push(XML, doc, usesCallback ? uri -> parse(xml.replace(CALLBACK, uri)) : null);
    }

    private XsiDocument parse(String xml) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        int max = SizeProfile.POST_40KB.maxBytes();
        if (bytes.length > max) {
            throw new ApiException.Invalid("xml", bytes.length + " bytes", "at most " + max
                    + " bytes (the phones' POST limit, reference notes §2.2)");
        }
        XsiDocument doc;
        try {
            doc = XsiCodec.decode(bytes, XsiCodec.Mode.LENIENT);
        } catch (XsiValidationException e) {
            throw invalid("xml: ", e.violations().getFirst());
        } catch (XsiException | IllegalArgumentException e) {
            throw new ApiException.Invalid("xml", excerpt(xml), "a readable XSI document (" + e.getMessage() + ")");
        }
        ValidationReport report = validator.validate(doc, null);
        if (!report.violations().isEmpty()) {
            throw invalid("xml: ", report.violations().getFirst());
        }
        return doc;
    }

    private static JobAction xapiCommand(JobSpec spec) {
        Map<String, Object> args = new LinkedHashMap<>();
        String command = null;
        String body = null;
        for (Map.Entry<String, JsonNode> e : spec.params().entrySet()) {
            switch (e.getKey()) {
                case "command" -> command = text("params.command", e.getValue());
                case "body" -> body = text("params.body", e.getValue());
                default -> args.put(e.getKey(), arg("params." + e.getKey(), e.getValue()));
            }
        }
        XPath path = path("params.command", command, "xcommand", "command");
        return new JobAction.XapiCommand(path, args, body);
    }

    private static JobAction xapiConfig(JobSpec spec) {
        JsonNode value = spec.params().get("value");
        if (value == null || !(value.isString() || value.isNumber() || value.isBoolean())) {
            throw new ApiException.Invalid("params.value", value == null ? null : value.toString(),
                    "the new value: a string, a number or true/false");
        }
        if (spec.params().size() != 2 || !spec.params().containsKey("path")) {
            throw new ApiException.Invalid("params", spec.params().keySet().toString(), "exactly path and value");
        }
        XPath path = path("params.path", text("params.path", spec.params().get("path")), "xconfiguration",
                "configuration");
        Object v = value.isNumber() ? (Object) value.asLong() : value.isBoolean() ? value.asBoolean() : value.asString();
        return new JobAction.XapiConfig(XPath.parseWords("Configuration " + path.words()), v);
    }

    /** Words such as {@code Audio Volume Set}; a leading {@code xCommand}/{@code Command} (or configuration) is dropped. */
    private static XPath path(String field, String words, String... prefixes) {
        if (words == null || words.isBlank()) {
            throw new ApiException.Invalid(field, words, "an xAPI path in words, e.g. Audio Volume Set");
        }
        String w = words.strip();
        String first = w.split("\\s+")[0].toLowerCase(Locale.ROOT);
        for (String p : prefixes) {
            if (first.equals(p)) {
                w = w.substring(first.length()).strip();
            }
        }
        try {
            XPath path = XPath.parseWords(w);
            if (path.isEmpty() || w.contains("//")) {
                throw new IllegalArgumentException("empty or wildcard");
            }
            return path;
        } catch (XapiException | IllegalArgumentException e) {
            throw new ApiException.Invalid(field, words, "an xAPI path in words without wildcards (" + e.getMessage() + ")");
        }
    }

    private static Object arg(String field, JsonNode v) {
        if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            v.forEach(x -> list.add(scalar(field, x)));
            return list;
        }
        return scalar(field, v);
    }

    private static Object scalar(String field, JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        return text(field, v);
    }

    private static String text(String field, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!(v.isString() || v.isNumber() || v.isBoolean())) {
            throw new ApiException.Invalid(field, v.toString(), "a string, number or true/false");
        }
        String s = v.isBoolean() ? (v.asBoolean() ? "1" : "0") : v.asString();
        if (s.length() > MAX_PARAM_CHARS) {
            throw new ApiException.Invalid(field, s.length() + " characters", "at most " + MAX_PARAM_CHARS + " characters");
        }
        return s;
    }

    /** Catalog parameters are text: numbers as written, true/false as the catalog's 1/0. */
    private static Map<String, String> texts(Map<String, JsonNode> params) {
        Map<String, String> out = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            String t = text("params." + k, v);
            if (t != null) {
                out.put(k, t);
            }
        });
        return out;
    }

    private static void checkCallback(boolean asked, boolean used) {
        if (asked && !used) {
            throw new ApiException.Invalid("options.callback", true, "needs " + CALLBACK + " in a parameter or the "
                    + "XML, where the service's Notify URI goes");
        }
        if (!asked && used) {
            throw new ApiException.Invalid("options.callback", false, "true when a parameter or the XML holds "
                    + CALLBACK);
        }
    }

    private static ApiException.Invalid invalid(String prefix, Violation v) {
        String field = prefix.endsWith(".") ? prefix + v.field() : prefix.replace(": ", "");
        return new ApiException.Invalid(field, v.value(), (prefix.endsWith(": ") ? v.field() + ": " : "") + v.rule()
                + " (source: " + v.source() + ")");
    }

    private static String excerpt(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}

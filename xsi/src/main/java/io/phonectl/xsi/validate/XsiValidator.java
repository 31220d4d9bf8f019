package io.phonectl.xsi.validate;

import io.phonectl.xsi.SizeProfile;
import io.phonectl.xsi.Sources;
import io.phonectl.xsi.Violation;
import io.phonectl.xsi.XsiParseException;
import io.phonectl.xsi.XsiValidationException;
import io.phonectl.xsi.action.ActionCatalog;
import io.phonectl.xsi.action.Outgoing;
import io.phonectl.xsi.codec.FormBody;
import io.phonectl.xsi.codec.XsiCodec;
import io.phonectl.xsi.model.ExecuteRules;
import io.phonectl.xsi.model.ComponentApi;
import io.phonectl.xsi.model.ModelCatalog;
import io.phonectl.xsi.model.PhoneModel;
import io.phonectl.xsi.model.Support;
import io.phonectl.xsi.object.Execute;
import io.phonectl.xsi.object.Input;
import io.phonectl.xsi.object.SoftKeyItem;
import io.phonectl.xsi.object.Urls;
import io.phonectl.xsi.object.XsiDocument;
import io.phonectl.xsi.object.XsiObject;
import io.phonectl.xsi.push.PushItem;
import io.phonectl.xsi.push.UriRead;
import io.phonectl.xsi.push.XsiPush;
import io.phonectl.xsi.uri.InternalUri;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Model-aware validation. Composes, never restates: the objects' own rules (applied when they are built or
 * decoded), the URI families' rules and their Execute-content rules, the size profile, and the model catalog's
 * support answers. A null model means "any phone": only model-independent rules apply.
 */
public final class XsiValidator {

    private static final XsiValidator STANDARD = new XsiValidator(ModelCatalog.standard(), ActionCatalog.standard());
    /** Something that claims to be an internal URI: a family prefix and a colon (HTTP(S) URLs excluded first). */
    private static final Pattern URI_LIKE = Pattern.compile("^[A-Za-z][A-Za-z0-9]*:.*", Pattern.DOTALL);

    private final ModelCatalog models;
    private final ActionCatalog actions;

    public XsiValidator(ModelCatalog models, ActionCatalog actions) {
        this.models = Objects.requireNonNull(models, "models");
        this.actions = Objects.requireNonNull(actions, "actions");
    }

    public static XsiValidator standard() {
        return STANDARD;
    }

    /** Validates a document strictly; see {@link #validateXml(byte[], String, XsiCodec.Mode)}. */
    public ValidationReport validateXml(byte[] body, String model) {
        return validateXml(body, model, XsiCodec.Mode.STRICT);
    }

    /**
     * Validates a CiscoIPPhone document or component message: bare XML, or a push body carrying it in the form
     * field {@code XML} (any of the three body styles). Malformed or invalid input is reported as violations
     * rather than thrown.
     */
    public ValidationReport validateXml(byte[] body, String model, XsiCodec.Mode mode) {
        PhoneModel pm = model(model);
        XsiDocument doc;
        try {
            doc = XsiCodec.decode(FormBody.xml(body), mode);
        } catch (XsiValidationException e) {
            return new ValidationReport(e.violations(), List.of());
        } catch (XsiParseException e) {
            String position = position(e);
            String why = e.getMessage().startsWith(position + ": ")
                    ? e.getMessage().substring(position.length() + 2) : e.getMessage();
            return new ValidationReport.Builder().violation(Violation.of("XML", position,
                    "a well-formed, known CiscoIPPhone document: " + why, Sources.XSD)).build();
        }
        return validate(doc, pm);
    }

    /** Validates an action with its parameters: what it builds, then that against the model. */
    public ValidationReport validateAction(String actionId, Map<String, String> params, String model) {
        PhoneModel pm = model(model);
        try {
            return validate(actions.build(actionId, params), pm);
        } catch (XsiValidationException e) {
            return new ValidationReport(e.violations(), List.of());
        } catch (XsiParseException e) {
            return new ValidationReport.Builder().violation(Violation.of(actionId, position(e),
                    "parameters that form a readable URI: " + e.getMessage(), Sources.CONTROL_SPEC)).build();
        }
    }

    public ValidationReport validate(Outgoing out, String model) {
        return validate(out, model(model));
    }

    public ValidationReport validate(XsiDocument doc, String model) {
        return validate(doc, model(model));
    }

    /**
     * Validates a push as built: its measured size and its Execute items with the URIs it already read are used as
     * they are, nothing is encoded or parsed again. A fleet validates one push per model this way.
     */
    public ValidationReport validate(XsiPush push, String model) {
        return validate(push, model(model));
    }

    /** As {@link #validate(XsiPush, String)} for a model already looked up (null: any phone). */
    public ValidationReport validate(XsiPush push, PhoneModel model) {
        return validate(push.document(), model, push.size(), push.items());
    }

    /** Validates an internal URI as the content of a pushed CiscoIPPhoneExecute. */
    public ValidationReport validate(InternalUri uri, String model) {
        ValidationReport.Builder r = new ValidationReport.Builder();
        PhoneModel pm = model(model);
        r.violations(ExecuteRules.violations(uri, pm));
        support(r, pm, uri);
        return r.build();
    }

    private ValidationReport validate(Outgoing out, PhoneModel pm) {
        return switch (out) {
            case Outgoing.DocumentPush d -> validate(d.document(), pm);
            case Outgoing.UriPush u -> validate(u.execute(), pm);
            case Outgoing.UriReference u -> {
                ValidationReport.Builder r = new ValidationReport.Builder();
                support(r, pm, u.uri());
                yield r.build();
            }
            case Outgoing.HttpGet g -> DevicePages.validate(g, pm);
        };
    }

    private ValidationReport validate(XsiDocument doc, PhoneModel pm) {
        return validate(doc, pm, XsiCodec.encode(doc, StandardCharsets.UTF_8).length, PushItem.readAll(doc));
    }

    private ValidationReport validate(XsiDocument doc, PhoneModel pm, int size, List<PushItem> executeItems) {
        ValidationReport.Builder r = new ValidationReport.Builder();
        try {
            (pm == null ? SizeProfile.POST_40KB : pm.sizeProfile()).check(FormBody.XML_FIELD, size);
        } catch (XsiValidationException e) {
            r.violations(e.violations());
        }
        // only what a server sends to a phone is subject to the model's object support (not the phone's replies)
        if (pm != null && XsiPush.pushable(doc)) {
            support(r, pm, doc.rootElement(), pm.supportObject(doc.rootElement()));
        }
        for (int k = 0; k < executeItems.size(); k++) {
            executeItem(r, pm, "ExecuteItem[" + k + "].URL", executeItems.get(k));
        }
        if (doc instanceof XsiObject o && !(o instanceof Execute)) {
            ObjectUris.Parts parts = ObjectUris.of(o);
            for (ObjectUris.Found f : parts.urls()) {
                uri(r, pm, f);
            }
            for (ObjectUris.Found f : ObjectUris.softKeyAndHandlerUris(parts)) {
                uri(r, pm, f);
            }
            if (pm != null) {
                modelObjectRules(r, pm, o, parts);
            }
        }
        return r.build();
    }

    /** An Execute item as read once: HTTP(S) URLs are left to the object's rules; URIs get Execute rules and support. */
    private static void executeItem(ValidationReport.Builder r, PhoneModel pm, String field, PushItem item) {
        switch (item) {
            case PushItem.Http h -> {
            }
            case PushItem.Unreadable u -> r.violations(u.violations());
            case PushItem.Internal in -> {
                r.violations(ExecuteRules.violations(in.uri(), pm));
                if (pm != null) {
                    support(r, pm, Urls.redact(in.uri().format()) + " (in " + field + ")", pm.support(in.uri()));
                }
            }
        }
    }

    private void modelObjectRules(ValidationReport.Builder r, PhoneModel pm, XsiObject o, ObjectUris.Parts parts) {
        if (o instanceof Input in && "post".equalsIgnoreCase(in.urlMethod())) {
            support(r, pm, "<URL method=\"post\"> in CiscoIPPhoneInput", pm.supportInputPost());
        }
        if (!parts.events().isEmpty()) {
            support(r, pm, "application event handlers", pm.support(ComponentApi.APP_EVENT_HANDLERS));
        }
        for (int k = 0; k < parts.softKeys().size(); k++) {
            SoftKeyItem s = parts.softKeys().get(k);
            if (s.position() > pm.softKeyPositions()) {
                r.unsupported(new ValidationReport.Unsupported(pm.name(), "SoftKeyItem[" + k + "].Position "
                        + s.position(), "softkey positions are 1-" + pm.softKeyPositions() + " (or -1)",
                        Sources.NOTES_OBJECTS));
            }
        }
    }

    /**
     * A URL or URI found in a display object (menu items, softkeys, handlers): HTTP(S) URLs are left to the objects'
     * rules; anything with a scheme must read as an internal URI; then the model's support.
     */
    private static void uri(ValidationReport.Builder r, PhoneModel pm, ObjectUris.Found f) {
        if (f.value() == null || Urls.isHttp(f.value()) || !URI_LIKE.matcher(f.value()).matches()) {
            return;
        }
        UriRead read = UriRead.of(f.field(), f.value());
        r.violations(read.violations());
        if (read.ok() && pm != null) {
            support(r, pm, Urls.redact(read.uri().format()) + " (in " + f.field() + ")", pm.support(read.uri()));
        }
    }

    /** Features are named by the URI with any Notify credentials hidden, since reports end up in logs. */
    private static void support(ValidationReport.Builder r, PhoneModel pm, InternalUri uri) {
        if (pm != null) {
            support(r, pm, Urls.redact(uri.format()), pm.support(uri));
        }
    }

    static void support(ValidationReport.Builder r, PhoneModel pm, String feature, Support s) {
        if (s instanceof Support.Unsupported u) {
            r.unsupported(new ValidationReport.Unsupported(pm.name(), feature, u.reason(), u.source()));
        }
    }

    private PhoneModel model(String model) {
        return model == null ? null : models.model(model);
    }

    private static String position(XsiParseException e) {
        return e.line() > 0 ? "line " + e.line() + ", column " + e.column() : "(document)";
    }
}

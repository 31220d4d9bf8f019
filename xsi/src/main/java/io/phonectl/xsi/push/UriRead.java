package io.phonectl.xsi.push;

import io.phonectl.xsi.Sources;
import io.phonectl.xsi.Violation;
import io.phonectl.xsi.XsiException;
import io.phonectl.xsi.XsiValidationException;
import io.phonectl.xsi.object.Urls;
import io.phonectl.xsi.uri.InternalUri;

import java.util.ArrayList;
import java.util.List;

/**
 * An internal URI read from a field of a document: the parsed URI, or the violations that say why the text is none.
 * Reading never throws for what a document contains, even if the URI parser itself breaks on it
 * ({@code InternalUri.parse("Resource")} threw NullPointerException once): a reader reports, it does not fail.
 *
 * @param uri        the URI, or null when unreadable
 * @param violations empty when readable; each names the document field, e.g. {@code ExecuteItem[0].URL: Key name}
 */
public record UriRead(InternalUri uri, List<Violation> violations) {

    public UriRead {
        violations = List.copyOf(violations);
    }

    /** Reads {@code text} (an internal URI, not an HTTP URL) found in {@code field} of a document. */
    public static UriRead of(String field, String text) {
        try {
            return new UriRead(InternalUri.parse(text), List.of());
        } catch (XsiValidationException e) {
            List<Violation> out = new ArrayList<>(e.violations().size());
            e.violations().forEach(v -> out.add(new Violation(field + ": " + v.field(), v.value(), v.rule(), v.source())));
            return new UriRead(null, out);
        } catch (RuntimeException e) {
            return new UriRead(null, List.of(Violation.of(field, Urls.redact(text), "an internal URI: "
                    + (e instanceof XsiException ? e.getMessage() : "unreadable (" + e + ")"), Sources.CONTROL_SPEC)));
        }
    }

    public boolean ok() {
        return uri != null;
    }
}

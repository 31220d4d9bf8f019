package io.phonectl.xsi.push;

import io.phonectl.xsi.Violation;
import io.phonectl.xsi.object.Execute;
import io.phonectl.xsi.object.ExecuteItem;
import io.phonectl.xsi.object.Urls;
import io.phonectl.xsi.object.XsiDocument;
import io.phonectl.xsi.uri.InternalUri;

import java.util.ArrayList;
import java.util.List;

/** One Execute item of a push with its URL or URI read once; the variants are nested. */
public sealed interface PushItem {

    ExecuteItem item();

    /** An HTTP(S) URL: the phone fetches it (Priority applies). */
    record Http(ExecuteItem item) implements PushItem {
    }

    /** An internal URI, parsed. */
    record Internal(ExecuteItem item, InternalUri uri) implements PushItem {
    }

    /** Text that is no internal URI; only a received push has these (a phone answers them item by item). */
    record Unreadable(ExecuteItem item, List<Violation> violations) implements PushItem {
        public Unreadable {
            violations = List.copyOf(violations);
        }
    }

    /** Reads item {@code index} of an Execute. */
    static PushItem read(int index, ExecuteItem item) {
        if (Urls.isHttp(item.url())) {
            return new Http(item);
        }
        UriRead r = UriRead.of("ExecuteItem[" + index + "].URL", item.url());
        return r.ok() ? new Internal(item, r.uri()) : new Unreadable(item, r.violations());
    }

    /** The Execute items of a document with their URIs read once; empty for every other document. */
    static List<PushItem> readAll(XsiDocument document) {
        if (!(document instanceof Execute ex)) {
            return List.of();
        }
        List<PushItem> out = new ArrayList<>(ex.items().size());
        for (int i = 0; i < ex.items().size(); i++) {
            out.add(read(i, ex.items().get(i)));
        }
        return out;
    }
}

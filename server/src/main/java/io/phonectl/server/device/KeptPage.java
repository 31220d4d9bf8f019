package io.phonectl.server.device;

import io.phonectl.server.http.Json;
import io.phonectl.server.http.Page;

/**
 * A page of devices as {@link DeviceService} keeps it between writes, with its JSON: the API's answer for the page,
 * written once, the first time it is asked for, and then sent as those bytes for as long as the page is kept.
 * Written anew for every request, the same page's JSON was about a fifth of a page request's CPU on the service's
 * side (JobBench's devices pages, docs/BENCHMARKS.md). The bytes are {@link Json#write}'s for the page, so they are
 * what the router would have written for it; they are shared between requests and never changed.
 */
final class KeptPage {

    private final Page<Device> page;
    /** Written at most a few times (two first requests at once each write it; either result is the same bytes). */
    private volatile byte[] json;

    KeptPage(Page<Device> page) {
        this.page = page;
    }

    Page<Device> page() {
        return page;
    }

    /** The page as the API writes it (not to be changed: other requests send the same array). */
    byte[] json() {
        byte[] j = json;
        if (j == null) {
            j = Json.write(page);
            json = j;
        }
        return j;
    }

    /** What the cache weighs it by: its devices. */
    int weight() {
        return page.items().size();
    }
}

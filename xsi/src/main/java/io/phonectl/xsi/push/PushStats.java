package io.phonectl.xsi.push;

import java.util.concurrent.atomic.LongAdder;

/**
 * How often pushes built for sending encoded a document and read Execute URIs: package-private, so that tests can
 * prove a broadcast encodes once and reads each URI once, however many phones and models it reaches.
 * A received push ({@link XsiPush#decode}) counts nothing: it is the phone's work, not the sender's.
 */
final class PushStats {

    static final LongAdder ENCODED = new LongAdder();
    static final LongAdder URIS_READ = new LongAdder();

    private PushStats() {
    }
}

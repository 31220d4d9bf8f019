package io.phonectl.sim.media;

import java.util.ArrayList;
import java.util.List;

/** The streams of one phone (a {@code SimPhone} extension); guarded by the phone's monitor. */
final class PhoneStreams {

    final List<SimStream> active = new ArrayList<>(2);
    /** Final counters of ended streams, newest first, shown after the active ones ("Not Ready"). */
    final java.util.Deque<io.phonectl.xsi.device.StreamingStatistics> ended = new java.util.ArrayDeque<>();
    int nextId = 1;

    boolean receiving() {
        return active.stream().anyMatch(SimStream::receive);
    }

    boolean sending() {
        return active.stream().anyMatch(SimStream::send);
    }
}

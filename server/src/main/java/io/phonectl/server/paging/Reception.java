package io.phonectl.server.paging;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.paging.PagingResult;
import io.phonectl.client.xsi.DevicePage;
import io.phonectl.client.xsi.QueryResult;
import io.phonectl.client.xsi.XsiClient;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.xsi.device.StreamingStatistics;
import io.phonectl.xsi.model.ModelCatalog;
import io.phonectl.xsi.model.PhoneModel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * What each phone says it received, read once the page ended: the sender knows only what it sent (one stream per
 * phone, or one stream to a multicast group, which says nothing about who joined it), so the evidence of reception is
 * the phone's own RTP counters on its {@code StreamingStatisticsX?n} pages (n up to the catalog's stream count, at
 * most 3): the first stream whose local or remote address has the page's port, the active one first. A phone whose
 * model has no such pages, that does not answer, or that shows no matching stream gives no statistics, and says why.
 */
final class Reception {

    static final int MAX_STREAMS = 3;
    static final int CONCURRENCY = 64;

    /**
     * One phone's reception.
     *
     * @param received   RTP packets the phone counted (RcvrPackets), null when unknown
     * @param missed     packets sent to it (or its group) that it did not count; null when unknown
     * @param lost       the phone's own loss count (RcvrLostPackets: gaps between the first and last it heard)
     * @param jitterMs   AvgJitter, milliseconds, as the phone reports it
     * @param maxJitterMs MaxJitter, milliseconds
     * @param source     the page it came from ({@code StreamingStatisticsX?2}), empty when unknown
     * @param detail     one line: what was read, or why nothing could be
     */
    public record Stats(Long received, Long missed, Long lost, Long jitterMs, Long maxJitterMs, String source,
                        String detail) {

        static Stats unknown(String why) {
            return new Stats(null, null, null, null, null, "", why);
        }
    }

    private final XsiTransport transport;
    private final ModelCatalog catalog = ModelCatalog.standard();

    Reception(XsiTransport transport) {
        this.transport = transport;
    }

    /** The statistics of every phone the page streamed to, by phone name (at most {@link #CONCURRENCY} at once). */
    Map<String, Stats> read(List<PagingResult> results, Function<String, Credentials> credentials) {
        Map<String, Stats> out = new ConcurrentHashMap<>();
        Semaphore permits = new Semaphore(CONCURRENCY);
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (PagingResult r : results) {
                if (r.packetsSent() == 0) {
                    continue; // nothing was streamed to it: nothing to have received
                }
                permits.acquireUninterruptibly();
                workers.execute(() -> {
                    try {
                        out.put(r.phone().name(), one(r, credentials.apply(r.phone().name())));
                    } catch (RuntimeException e) {
                        out.put(r.phone().name(), Stats.unknown("not read: " + e));
                    } finally {
                        permits.release();
                    }
                });
            }
        }
        return out;
    }

    private static boolean active(StreamingStatistics s) {
        return s.streamStatus().equalsIgnoreCase("Active");
    }

    private Stats one(PagingResult r, Credentials credentials) {
        Optional<PhoneModel> model = catalog.find(r.phone().model());
        int streams = model.map(m -> Math.min(MAX_STREAMS, m.streams())).orElse(MAX_STREAMS);
        if (streams == 0) {
            return Stats.unknown("unknown: " + r.phone().model() + " has no streaming statistics pages (model "
                    + "catalog)");
        }
        String port = "/" + r.target().substring(r.target().lastIndexOf(':') + 1);
        XsiClient client = XsiClient.of(transport, r.phone().address(), credentials,
                model.map(PhoneModel::digestAuth).orElse(false));
        StreamingStatistics found = null;
        int foundAt = 0;
        for (int n = 1; n <= streams; n++) {
            QueryResult<StreamingStatistics> page = client.page(DevicePage.STREAMING, n);
            if (page instanceof QueryResult.Failed<StreamingStatistics> x) {
                return Stats.unknown("unknown: StreamingStatisticsX?" + n + " unreadable: " + x.outcome().kind() + " "
                        + x.outcome().detail());
            }
            StreamingStatistics s = ((QueryResult.Ok<StreamingStatistics>) page).value();
            boolean matches = s.localAddr().endsWith(port) || s.remoteAddr().endsWith(port);
            if (matches && (found == null || (!active(found) && active(s)))) {
                found = s;
                foundAt = n;
            }
        }
        if (found == null) {
            return Stats.unknown("unknown: no stream with port " + port.substring(1) + " on the phone's "
                    + streams + " streaming page" + (streams == 1 ? "" : "s"));
        }
        long missed = Math.max(0, r.packetsSent() - found.rcvrPackets());
        return new Stats(found.rcvrPackets(), missed, found.rcvrLostPackets(), found.avgJitter(), found.maxJitter(),
                "StreamingStatisticsX?" + foundAt, found.rcvrPackets() + " of " + r.packetsSent() + " packets counted ("
                + found.streamStatus() + ", " + found.remoteAddr() + " → " + found.localAddr() + ")");
    }
}

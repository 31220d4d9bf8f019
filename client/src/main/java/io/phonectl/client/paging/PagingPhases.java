package io.phonectl.client.paging;

import io.phonectl.client.credentials.CredentialsException;
import io.phonectl.client.fleet.Preflight;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.XsiClient;
import io.phonectl.media.g711.G711;
import io.phonectl.media.rtp.FrameSource;
import io.phonectl.media.rtp.RtpSender;
import io.phonectl.media.rtp.StreamHandle;
import io.phonectl.media.rtp.StreamResult;
import io.phonectl.media.rtp.StreamSpec;
import io.phonectl.xsi.XsiException;
import io.phonectl.xsi.push.XsiPush;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** The three phases of a {@link PagingSession}; package-private so the session stays about orchestration. */
final class PagingPhases {

    private static final String STREAM_SLACK_TEXT = PagingSession.STREAM_SLACK.toSeconds() + " s";

    interface Clients {
        XsiClient client(PhoneEntry phone) throws CredentialsException;
    }

    private final List<PhonePage> pages;
    private final PagingConfig config;
    private final byte[] audio;
    private final double secondsTotal;
    private final java.util.function.Supplier<RtpSender> senders;
    private final Clients clients;
    private final Preflight preflight;
    private final PagingListener listener;
    private final BooleanSupplier cancelled;
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger stopsDone = new AtomicInteger();
    private final List<StreamHandle> streams = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean streamsStopped;

    PagingPhases(List<PhonePage> pages, PagingConfig config, byte[] audio, double secondsTotal, java.util.function.Supplier<RtpSender> senders,
                 Clients clients, Preflight preflight, PagingListener listener, BooleanSupplier cancelled) {
        this.pages = pages;
        this.config = config;
        this.audio = audio;
        this.secondsTotal = secondsTotal;
        this.senders = senders;
        this.clients = clients;
        this.preflight = preflight;
        this.listener = listener;
        this.cancelled = cancelled;
    }

    /** Tells every phone to receive; returns when each has an outcome. Phones not yet contacted at cancel are skipped. */
    void start() {
        progress(PagingProgress.Phase.STARTING);
        forEachPhone(pages, page -> {
            if (cancelled.getAsBoolean()) {
                page.settle(PagingStatus.NOT_CONTACTED, "the page was cancelled before this phone was contacted");
            } else {
                try {
                    startOne(page);
                } catch (RuntimeException e) {
                    // one phone's surprise must not cost the others their page, nor leave this one without a row
                    page.settle(PagingStatus.REFUSED, "not started: " + e);
                }
            }
            answered.incrementAndGet();
            progress(PagingProgress.Phase.STARTING);
        });
    }

    private void startOne(PhonePage page) {
        XsiClient client;
        XsiPush push;
        try {
            client = clients.client(page.phone);
            InetAddress host = InetAddress.getByName(page.phone.address().host());
            String address;
            if (config.multicast()) {
                address = config.multicastGroup().getAddress().getHostAddress();
                page.target = address + ":" + page.port;
            } else {
                address = (config.sourceAddress() != null ? config.sourceAddress() : localAddressTowards(host)).getHostAddress();
                page.destination = new InetSocketAddress(host, page.port);
                page.target = host.getHostAddress() + ":" + page.port;
            }
            push = PhonePage.receive(page.api, config, address, page.port);
        } catch (CredentialsException e) {
            page.settle(PagingStatus.REFUSED, "no credentials: " + e.getMessage());
            return;
        } catch (UnknownHostException | UncheckedIOException e) {
            page.settle(PagingStatus.UNREACHABLE, "cannot resolve or route to " + page.phone.address().host());
            return;
        } catch (XsiException e) {
            page.settle(PagingStatus.REFUSED, e.getMessage());
            return;
        }
        page.started(switch (preflight.check(page.phone, push)) {
            case Preflight.Verdict.Skip skip -> skip.outcome();
            case Preflight.Verdict.Send send -> client.push(send.push(), config.requestTimeout());
        });
    }

    /** The local address the OS would send from to reach {@code host}; connecting a UDP socket sends nothing. */
    static InetAddress localAddressTowards(InetAddress host) {
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(host, 9);
            InetAddress local = probe.getLocalAddress();
            if (local == null || local.isAnyLocalAddress()) {
                throw new UncheckedIOException(new IOException("no route to " + host.getHostAddress()));
            }
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streams to every phone that accepted, in real time; returns when the audio ends or the page is cancelled. */
    void stream(Duration slack, long progressMillis) {
        List<PhonePage> accepted = pages.stream().filter(p -> p.accepted).toList();
        if (accepted.isEmpty()) {
            return;
        }
        try (RtpSender sender = senders.get()) {
            stream(sender, accepted, slack, progressMillis);
        }
    }

    private void stream(RtpSender sender, List<PhonePage> accepted, Duration slack, long progressMillis) {
        if (config.multicast()) {
            StreamHandle group = sender.add(spec(config.multicastGroup()));
            streams.add(group);
            accepted.forEach(p -> p.stream = group);
        } else {
            for (PhonePage page : accepted) {
                page.stream = sender.add(spec(page.destination));
                streams.add(page.stream);
            }
        }
        if (streamsStopped) {
            stopStreams(); // cancel() raced with the adds above
        }
        progress(PagingProgress.Phase.STREAMING);
        CompletableFuture<Void> all = CompletableFuture.allOf(streams.stream().map(StreamHandle::done)
                .toArray(CompletableFuture[]::new));
        long deadline = System.nanoTime() + (long) (secondsTotal * 1e9) + slack.toNanos();
        while (!all.isDone() && System.nanoTime() < deadline) {
            try {
                all.get(progressMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                progress(PagingProgress.Phase.STREAMING);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                break; // done futures complete normally; nothing else can arrive here
            }
        }
        stopStreams();
        all.orTimeout(1, TimeUnit.SECONDS).exceptionally(t -> null).join();
        for (PhonePage page : accepted) {
            StreamResult result = page.stream.done().getNow(null);
            page.packetsSent = page.stream.packetsSent();
            if (result == null || result.outcome() != StreamResult.Outcome.COMPLETED) {
                page.settle(result != null && result.outcome() == StreamResult.Outcome.FAILED
                        ? PagingStatus.STREAM_FAILED : PagingStatus.INTERRUPTED, describe(result));
            } else {
                page.settle(PagingStatus.RECEIVED, page.detail);
            }
        }
        progress(PagingProgress.Phase.STREAMING);
    }

    private StreamSpec spec(InetSocketAddress destination) {
        return new StreamSpec(destination, G711.MU_LAW, FrameSource.repeat(audio, config.loops(), G711.MU_LAW));
    }

    private String describe(StreamResult result) {
        if (result == null) {
            return "the stream did not end in time";
        }
        return switch (result.outcome()) {
            case FAILED -> "sending failed after " + result.packetsSent() + " packets: " + result.failure();
            default -> (cancelled.getAsBoolean() ? "cancelled" : "stopped: the sender fell more than " + STREAM_SLACK_TEXT
                    + " behind") + " after " + result.packetsSent() + " of " + Math.round(secondsTotal * 50) + " packets";
        };
    }

    /** Ends every stream (idempotent; any thread). Accepted phones without a finished stream become INTERRUPTED. */
    void stopStreams() {
        streamsStopped = true;
        streams.forEach(StreamHandle::stop);
    }

    /** Tells every phone that may be receiving to stop; runs even after a cancel. */
    void stop() {
        List<PhonePage> toStop = new ArrayList<>();
        for (PhonePage page : pages) {
            if (page.accepted && page.stream == null && page.status == null) {
                page.settle(PagingStatus.INTERRUPTED, "cancelled before streaming began");
            }
            if (page.needsStop) {
                toStop.add(page);
            }
        }
        progress(PagingProgress.Phase.STOPPING);
        forEachPhone(toStop, page -> {
            try {
                page.stoppedWith(clients.client(page.phone).push(page.stopPush(), config.requestTimeout()));
            } catch (CredentialsException | XsiException e) {
                page.stopDetail = "not stopped: " + e.getMessage();
            } catch (RuntimeException e) {
                page.stopDetail = "not stopped: " + e;
            }
            stopsDone.incrementAndGet();
            progress(PagingProgress.Phase.STOPPING);
        });
    }

    /** Runs {@code task} for each page on virtual threads, at most {@code concurrency} at once, and waits for all. */
    private void forEachPhone(List<PhonePage> list, java.util.function.Consumer<PhonePage> task) {
        Semaphore permits = new Semaphore(config.concurrency());
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (PhonePage page : list) {
                permits.acquireUninterruptibly();
                workers.execute(() -> {
                    try {
                        task.accept(page);
                    } finally {
                        permits.release();
                    }
                });
            }
        } // close() waits: each task is bounded by the request timeout
    }

    void progress(PagingProgress.Phase phase) {
        long sent = 0;
        for (StreamHandle s : streams) {
            sent = Math.max(sent, s.packetsSent());
        }
        int receiving = 0;
        if (phase == PagingProgress.Phase.STREAMING) {
            for (PhonePage p : pages) {
                if (p.stream != null && !p.stream.done().isDone()) {
                    receiving++;
                }
            }
        }
        try {
            listener.progress(new PagingProgress(phase, pages.size(), answered.get(), receiving,
                    sent * (G711.SAMPLES_PER_FRAME / (double) G711.SAMPLE_RATE), secondsTotal, stopsDone.get()));
        } catch (RuntimeException e) {
            // a failing progress display must not leave phones receiving
        }
    }
}

package io.phonectl.sim.execute;

import io.phonectl.sim.phone.PhoneListener;
import io.phonectl.sim.phone.Screen;
import io.phonectl.sim.phone.SimPhone;
import org.eclipse.jetty.util.thread.Scheduler;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * {@code Refresh: N; url=…} on a fetched page (reference notes §2.4): with N > 0 the page is fetched again after N
 * seconds if it is still the current screen; 0 = manual (nothing scheduled). A pending refresh is cancelled when
 * the top screen stops being that page and when the phone resets. Like the Display timers it compares deadlines
 * with the phone's clock; the host's one Jetty scheduler sweeps every phone's deadline every {@link #SWEEP_MILLIS}
 * (no thread or timer per phone), and tests move the clock and call {@link #runDue()}.
 */
public final class Refresher implements PhoneListener {

    static final long SWEEP_MILLIS = 250;
    /** A refresh longer than a day is treated as manual: nobody waits that long on a phone screen. */
    static final long MAX_SECONDS = 86_400;

    /** A refresh waiting for {@code due}: {@code page} is the screen's source, {@code target} what to fetch. */
    public record Pending(String page, String target, Instant due) {
    }

    private final Map<SimPhone, Pending> pending = new ConcurrentHashMap<>();
    private final BiConsumer<SimPhone, String> refetch;
    private volatile Scheduler scheduler;

    /** @param refetch fetches a URL on a phone, replacing the current screen (runs on its own virtual thread) */
    Refresher(BiConsumer<SimPhone, String> refetch) {
        this.refetch = refetch;
    }

    /** Starts the sweep on the host's scheduler; it stops when the scheduler does. */
    public void start(Scheduler s) {
        scheduler = s;
        s.schedule(this::sweep, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            runDue();
        } finally {
            Scheduler s = scheduler;
            if (s != null && s.isRunning()) {
                s.schedule(this::sweep, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Starts every refresh whose deadline has passed on its phone's clock; drops those no longer on screen. */
    public void runDue() {
        pending.forEach((phone, p) -> {
            Screen top = phone.screen();
            if (!p.page().equals(top.source())) {
                pending.remove(phone, p);
            } else if (!phone.clock().instant().isBefore(p.due()) && pending.remove(phone, p)) {
                phone.log("refresh " + p.target());
                Thread.ofVirtual().name("sim-refresh-" + phone.name()).start(() -> refetch.accept(phone, p.target()));
            }
        });
    }

    /** Called after {@code page} was shown with this Refresh header value. */
    void shown(SimPhone phone, String page, String header) {
        Optional<Pending> p = parse(page, header, phone.clock().instant());
        if (p.isPresent()) {
            pending.put(phone, p.get());
        } else {
            pending.remove(phone);
        }
    }

    public Optional<Pending> pending(SimPhone phone) {
        return Optional.ofNullable(pending.get(phone));
    }

    /** {@code N}, {@code N; url=U} or {@code N;URL=U}; empty for 0, a negative or an unreadable N. */
    static Optional<Pending> parse(String page, String header, Instant now) {
        String[] parts = header.split(";", 2);
        long seconds;
        try {
            seconds = Long.parseLong(parts[0].strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (seconds <= 0 || seconds > MAX_SECONDS) {
            return Optional.empty();
        }
        String target = page;
        if (parts.length == 2) {
            String rest = parts[1].strip();
            if (rest.toLowerCase(Locale.ROOT).startsWith("url=")) {
                try {
                    target = URI.create(page).resolve(rest.substring(4).strip()).toString();
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new Pending(page, target, now.plusSeconds(seconds)));
    }

    @Override
    public void stackChanged(SimPhone phone, Screen top) {
        Pending p = pending.get(phone);
        if (p != null && !p.page().equals(top.source())) {
            pending.remove(phone, p);
        }
    }

    @Override
    public void resetting(SimPhone phone) {
        pending.remove(phone);
    }
}

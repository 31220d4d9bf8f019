package io.phonectl.client.xsi;

import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectableChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Jetty's connector with the socket options a push needs and no more. Jetty sets TCP_NODELAY, SO_REUSEADDR and
 * SO_REUSEPORT on every socket it opens, each a system call; a client socket that binds no address has no use for
 * the two reuse options (both are off on a new socket anyway), so only TCP_NODELAY is set: without it a request
 * larger than a segment could keep its last piece back until the phone acknowledges the first (Nagle), and phones
 * delay their acknowledgements.
 *
 * <p>Its connect timeout is {@link #UNTIMED}: each exchange's connect deadline is watched with its answer's on the
 * transport's deadline set ({@link WireTimeouts}), so Jetty's own timer task per connect (scheduled, then cancelled
 * again a moment later) is not needed; {@link Timer} leaves out the tasks scheduled with that delay. (Jetty cannot be
 * told to schedule none: a connect timeout of zero fails every connect.)
 */
final class WireConnector extends ClientConnector {

    /** The connect timeout Jetty is given, which {@link Timer} does not schedule: longer than any exchange. */
    static final Duration UNTIMED = Duration.ofDays(3650);
    /** Jetty cancels a connect's timeout task when the connect succeeds, and takes false for "it already fired". */
    private static final Scheduler.Task NOTHING = () -> true;

    WireConnector() {
        setConnectTimeout(UNTIMED);
        setScheduler(new Timer());
    }

    /** The transport's timer, without Jetty's connect timeouts (never due: {@link #UNTIMED}). */
    static final class Timer extends ScheduledExecutorScheduler {
        private static final long UNTIMED_MS = UNTIMED.toMillis();

        Timer() {
            super("phonectl-xsi-timer", true);
        }

        @Override
        public Scheduler.Task schedule(Runnable task, long delay, TimeUnit units) {
            return units.toMillis(delay) == UNTIMED_MS ? NOTHING : super.schedule(task, delay, units);
        }
    }

    @Override
    protected void configure(SelectableChannel channel) throws IOException {
        if (channel instanceof NetworkChannel socket) {
            socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
    }
}

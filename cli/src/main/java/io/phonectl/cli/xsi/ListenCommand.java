package io.phonectl.cli.xsi;

import io.phonectl.cli.console.Io;
import io.phonectl.cli.exit.ExitCode;
import io.phonectl.cli.options.Credentialed;
import io.phonectl.client.callback.CallbackConfig;
import io.phonectl.client.callback.CallbackEvent;
import io.phonectl.client.callback.CallbackReceiver;
import io.phonectl.client.credentials.Credentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** {@code phonectl xsi listen --port P}: prints the phones' Notify POSTs as they arrive. */
@Command(name = "listen", mixinStandardHelpOptions = true,
        description = {"Receive the phones' callbacks (Notify POSTs with DATA=: notifyMediaEvent, notifyApplicationEvent, "
                + "or the Notify URI's own data) and print one line each, until Ctrl-C, --count events or --for seconds.",
                "With --user/--password-file/--credentials, POSTs must carry those credentials (as the Notify URI does); "
                + "others are printed as rejected."})
public final class ListenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", defaultValue = "0", description = "Port (default 0: ephemeral, printed).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Listening address (default ${DEFAULT-VALUE}; phones on a network need a reachable one).")
    String bind;

    @Mixin
    Credentialed credentials;

    @Option(names = "--count", paramLabel = "N", description = "Stop after N callbacks.")
    Integer count;

    @Option(names = "--for", paramLabel = "SECONDS", description = "Stop after this long.")
    Integer seconds;

    @Override
    public Integer call() throws Exception {
        if ((count != null && count < 1) || (seconds != null && seconds < 1)) {
            throw new IllegalArgumentException("--count and --for must be at least 1");
        }
        Credentials expected = credentials.given() ? credentials.resolve() : null;
        CallbackConfig config = new CallbackConfig(InetAddress.getByName(bind), port, expected, 64 * 1024);
        BlockingQueue<CallbackEvent> events = new LinkedBlockingQueue<>();
        PrintWriter out = Io.out(spec);
        try (CallbackReceiver receiver = CallbackReceiver.start(config, events::add)) {
            out.println("listening on http://" + bind + ":" + receiver.port() + "/ ("
                    + (expected == null ? "any POST accepted" : "POSTs must carry user " + expected.user())
                    + "); phones post there from Notify:http:" + bind + ":" + receiver.port() + ":/path:…");
            out.flush();
            long end = seconds == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            int seen = 0;
            while ((count == null || seen < count) && System.nanoTime() < end) {
                long wait = Math.min(TimeUnit.SECONDS.toNanos(1), Math.max(1, end - System.nanoTime()));
                CallbackEvent e = events.poll(wait, TimeUnit.NANOSECONDS);
                if (e != null) {
                    seen++;
                    out.println(line(e));
                    out.flush();
                }
            }
        }
        return ExitCode.OK;
    }

    /** {@code <time> <from> <path> <kind> <details>}; never a credential (the receiver does not hand them out). */
    static String line(CallbackEvent e) {
        CallbackEvent.Origin o = e.origin();
        String head = o.received() + " " + o.remoteAddress() + " " + o.path() + " ";
        return head + switch (e) {
            case CallbackEvent.Media m -> "media " + m.event().type() + " origin=" + m.event().origin()
                    + " stream=" + m.event().streamId();
            case CallbackEvent.Application a -> "application " + a.event().type() + " appId=" + a.event().appId();
            case CallbackEvent.Data d -> "data " + d.data();
            case CallbackEvent.Rejected r -> "rejected HTTP " + r.httpStatus() + ": " + r.reason();
        };
    }
}

package io.phonectl.cli.xapi;

import io.phonectl.cli.console.Io;
import io.phonectl.cli.exit.ExitCode;
import io.phonectl.client.xapi.XapiClient;
import io.phonectl.client.xapi.XapiFeedback;
import io.phonectl.client.xapi.XapiSubscription;
import io.phonectl.xapi.path.XPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** {@code phonectl xapi watch --host … <query>}: feedback as it arrives, starting with the current value. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Subscribe to feedback (NotifyCurrentValue: the current value first) and print each event as it "
                + "arrives, until Ctrl-C, --count events or --for seconds. WebSocket only."})
final class WatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    XapiTarget target;
    @Mixin
    XapiOutput output;

    @Option(names = "--count", paramLabel = "N", description = "Stop after N events (the current value counts).")
    Integer count;

    @Option(names = "--for", paramLabel = "SECONDS", description = "Stop after this long.")
    Integer seconds;

    @Parameters(arity = "1..*", paramLabel = "WORD", description = "The query, e.g. Status Audio Volume or Event.")
    List<String> words;

    @Override
    public Integer call() throws Exception {
        if ((count != null && count < 1) || (seconds != null && seconds < 1)) {
            throw new IllegalArgumentException("--count and --for must be at least 1");
        }
        BlockingQueue<XapiFeedback> events = new LinkedBlockingQueue<>();
        PrintWriter out = Io.out(spec);
        try (XapiClient c = target.webSocket("watch (PhoneOS reports by HttpFeedback instead)");
             XapiSubscription sub = c.subscribe(XPath.parseWords(String.join(" ", words)), true, events::add)) {
            Io.err(spec).println("phonectl: watching " + sub.query().words() + " (Ctrl-C to stop)");
            Io.err(spec).flush();
            long end = seconds == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            int seen = 0;
            while ((count == null || seen < count) && System.nanoTime() < end) {
                long wait = Math.min(TimeUnit.SECONDS.toNanos(1), Math.max(1, end - System.nanoTime()));
                XapiFeedback f = events.poll(wait, TimeUnit.NANOSECONDS);
                if (f != null) {
                    seen++;
                    output.feedback(out, f.payload(), f.json());
                    out.flush();
                }
            }
        }
        return ExitCode.OK;
    }
}

package io.phonectl.cli.xapi;

import io.phonectl.cli.Main;
import io.phonectl.cli.ops.Ops;
import io.phonectl.client.xapi.XapiClient;
import io.phonectl.client.xapi.XapiHttpClient;
import io.phonectl.xapi.path.XPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code phonectl xapi get|query|set|command|watch}: Cisco xAPI devices (RoomOS over WebSocket, PhoneOS over HTTP). */
@Command(name = "xapi", mixinStandardHelpOptions = true,
        description = "xAPI devices: read status and configuration, set configuration, run commands, watch feedback.",
        subcommands = {XapiCommand.Get.class, XapiCommand.Query.class, XapiCommand.Set.class,
                XapiCommand.Run.class, WatchCommand.class})
public final class XapiCommand {

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "xGet one path, e.g. Status Audio Volume (with --http: getxml).")
    static final class Get implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        XapiTarget target;
        @Mixin
        XapiOutput output;
        @Parameters(arity = "1..*", paramLabel = "WORD", description = "The path, e.g. Status Audio Volume.")
        List<String> words;

        @Override
        public Integer call() {
            return XapiRun.guard(spec, () -> {
                XPath path = XPath.parseWords(String.join(" ", words));
                if (target.http) {
                    try (XapiHttpClient c = target.httpClient()) {
                        output.rooted(Ops.out(spec), c.get(path), target.schema());
                    }
                } else {
                    try (XapiClient c = target.webSocket()) {
                        output.at(Ops.out(spec), path, c.get(path), target.schema());
                    }
                }
                return Main.EXIT_OK;
            });
        }
    }

    @Command(name = "query", mixinStandardHelpOptions = true,
            description = "xQuery with ** wildcards, e.g. Status ** Volume (WebSocket only).")
    static final class Query implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        XapiTarget target;
        @Mixin
        XapiOutput output;
        @Parameters(arity = "1..*", paramLabel = "WORD", description = "The query, e.g. Status ** Volume.")
        List<String> words;

        @Override
        public Integer call() {
            return XapiRun.guard(spec, () -> {
                if (target.http) {
                    throw new IllegalArgumentException("query needs the WebSocket; getxml reads one location (use get)");
                }
                try (XapiClient c = target.webSocket()) {
                    output.rooted(Ops.out(spec), c.query(XPath.parseWords(String.join(" ", words))), target.schema());
                }
                return Main.EXIT_OK;
            });
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "xSet a configuration: the path words, then the value, e.g. Configuration Audio DefaultVolume 60.")
    static final class Set implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        XapiTarget target;
        @Mixin
        XapiOutput output;
        @Parameters(arity = "2..*", paramLabel = "WORD", description = "Path words and the value last.")
        List<String> words;

        @Override
        public Integer call() {
            return XapiRun.guard(spec, () -> {
                XPath path = XPath.parseWords(String.join(" ", words.subList(0, words.size() - 1)));
                Object value = XapiRun.value(words.getLast());
                if (target.http) {
                    try (XapiHttpClient c = target.httpClient()) {
                        c.set(path, value);
                    }
                } else {
                    try (XapiClient c = target.webSocket()) {
                        c.set(path, value);
                    }
                }
                output.ok(Ops.out(spec));
                return Main.EXIT_OK;
            });
        }
    }

    @Command(name = "command", mixinStandardHelpOptions = true,
            description = {"xCommand: the command words, then Name=value parameters (repeat a name for several values), "
                    + "e.g. Dial Number=1234  or  Presentation Start ConnectorId=2 ConnectorId=3."})
    static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        XapiTarget target;
        @Mixin
        XapiOutput output;
        @Option(names = "--body", paramLabel = "FILE", description = "Multi-line payload from this file.")
        Path body;
        @Parameters(arity = "1..*", paramLabel = "WORD", description = "Command words, then Name=value.")
        List<String> words;

        @Override
        public Integer call() {
            return XapiRun.guard(spec, () -> {
                List<String> path = new ArrayList<>();
                List<String> params = new ArrayList<>();
                for (String w : words) {
                    (w.indexOf('=') > 0 || !params.isEmpty() ? params : path).add(w);
                }
                XPath command = XPath.parseWords(String.join(" ", path));
                String payload = body == null ? null : Files.readString(body, StandardCharsets.UTF_8);
                var result = target.http
                        ? withHttp(c -> c.command(command, XapiRun.params(params), payload))
                        : withWs(c -> c.command(command, XapiRun.params(params), payload));
                output.command(Ops.out(spec), command, result);
                return Main.EXIT_OK;
            });
        }

        private <T> T withHttp(java.util.function.Function<XapiHttpClient, T> f) {
            try (XapiHttpClient c = target.httpClient()) {
                return f.apply(c);
            }
        }

        private <T> T withWs(java.util.function.Function<XapiClient, T> f) {
            try (XapiClient c = target.webSocket()) {
                return f.apply(c);
            }
        }
    }
}

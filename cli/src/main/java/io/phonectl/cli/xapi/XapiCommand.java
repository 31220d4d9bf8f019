package io.phonectl.cli.xapi;

import io.phonectl.cli.console.Io;
import io.phonectl.cli.exit.ExitCode;
import io.phonectl.client.xapi.XapiClient;
import io.phonectl.client.xapi.XapiTransport;
import io.phonectl.xapi.path.XPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
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
            XPath path = XPath.parseWords(String.join(" ", words));
            try (XapiTransport c = target.open()) {
                output.at(Io.out(spec), path, c.get(path), target.schema());
            }
            return ExitCode.OK;
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
            try (XapiClient c = target.webSocket("query (getxml reads one location: use get)")) {
                output.rooted(Io.out(spec), c.query(XPath.parseWords(String.join(" ", words))), target.schema());
            }
            return ExitCode.OK;
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
            XPath path = XPath.parseWords(String.join(" ", words.subList(0, words.size() - 1)));
            Object value = XapiRun.value(words.getLast());
            try (XapiTransport c = target.open()) {
                c.set(path, value);
            }
            output.ok(Io.out(spec));
            return ExitCode.OK;
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
        public Integer call() throws IOException {
            List<String> path = new ArrayList<>();
            List<String> params = new ArrayList<>();
            for (String w : words) {
                (w.indexOf('=') > 0 || !params.isEmpty() ? params : path).add(w);
            }
            XPath command = XPath.parseWords(String.join(" ", path));
            String payload = body == null ? null : Files.readString(body, StandardCharsets.UTF_8);
            try (XapiTransport c = target.open()) {
                output.command(Io.out(spec), command, c.command(command, XapiRun.params(params), payload));
            }
            return ExitCode.OK;
        }
    }
}

package io.phonectl.cli.xsi;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code phonectl xsi media start|stop}: the RTP Streaming API (startMedia / stopMedia). */
@Command(name = "media", mixinStandardHelpOptions = true,
        description = "Open or close an RTP stream on a phone with the RTP Streaming API (startMedia/stopMedia).",
        subcommands = {MediaCommand.Start.class, MediaCommand.Stop.class})
public final class MediaCommand {

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = {"startMedia: the phone receives (or sends) G.711/G.722/G.729 RTP at --ip:--port; prints the "
                    + "stream id. Refusals (UnavailableResource, unsupported model) exit 1."})
    static final class Start implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        PhoneTarget target;
        @Option(names = "--ip", required = true, paramLabel = "ADDRESS", description = "Unicast or multicast address.")
        String ip;
        @Option(names = "--port", required = true, paramLabel = "PORT", description = "Even RTP port 20480-32768.")
        int port;
        @Option(names = "--mode", paramLabel = "receive|send|sendReceive", description = "Default receive.")
        String mode;
        @Option(names = "--codec", paramLabel = "G.711|G.722|G.729", description = "Default G.711.")
        String codec;
        @Option(names = "--volume", paramLabel = "0-100", description = "Receive volume.")
        Integer volume;
        @Option(names = "--notify", paramLabel = "URI", description = "Notify URI posted when the stream stops.")
        String notify;
        @Option(names = "--json", description = "Print the outcome as JSON.")
        boolean json;

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>(List.of("start_media", "ip=" + ip, "port=" + port));
            if (mode != null) {
                args.add("mode=" + mode);
            }
            if (codec != null) {
                args.add("codec=" + codec);
            }
            if (volume != null) {
                args.add("volume=" + volume);
            }
            if (notify != null) {
                args.add("notifyURI=" + notify);
            }
            return PushCommand.pushOne(spec, target, Payload.parse(args), null, json);
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "stopMedia: one stream (--stream) or every stream of the phone.")
    static final class Stop implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        PhoneTarget target;
        @Option(names = "--stream", paramLabel = "ID", description = "The id startMedia answered; none = all.")
        String stream;
        @Option(names = "--json", description = "Print the outcome as JSON.")
        boolean json;

        @Override
        public Integer call() {
            return PushCommand.pushOne(spec, target,
                    Payload.parse(stream == null ? List.of("stop_media") : List.of("stop_media", "streamId=" + stream)),
                    null, json);
        }
    }
}

package io.phonectl.cli.xsi;

import io.phonectl.cli.exit.ExitCode;
import io.phonectl.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random command lines for push, broadcast and xapi command: whatever the words, the answer is an exit code
 * (0, 1 or 2) and at most one line on stderr, never a stack trace. Phones and devices are a closed loopback port,
 * so anything valid ends quickly as REFUSED.
 */
class ArgumentFuzzTest {

    static final List<String> WORDS = List.of("Key:Services", "Key:", "Dial:", "Dial:123", "Play:x.raw", "Init:AppStatus",
            "object_text", "text=hi", "title=", "object_menu", "max_menu_items=7", "max_menu_items=-1", "=", "==",
            "start_media", "port=20480", "ip=239.1.1.1", "stop_media", "notify", "http://127.0.0.1/x", "RTPRx:Stop",
            "file.xml", "x.XML", "Status", "**", "Audio", "Volume", "Number=1", "Level=", "SoftKey:Exit", "%", "\u00e9",
            "Display:Off:9999", "get_screenshot", "query_port_information", "n=2", "App:Close:0:60:x");

    @TempDir
    static Path dir;
    static Path password;
    static Path fleet;
    static int closed;

    @BeforeAll
    static void setUp() throws Exception {
        password = Files.writeString(dir.resolve("pw"), "fuzz-password\n");
        closed = OpsFixture.closedPort();
        fleet = Files.writeString(dir.resolve("fleet.csv"), "name,address,model,user\na,127.0.0.1:" + closed
                + ",CP-8845,u\nb,127.0.0.1:" + closed + ",CP-7841,u\n");
    }

    static List<String> words(Random r) {
        List<String> out = new ArrayList<>();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            String w = WORDS.get(r.nextInt(WORDS.size()));
            if (r.nextInt(4) == 0) {
                char[] c = w.toCharArray();
                if (c.length > 0) {
                    c[r.nextInt(c.length)] = (char) (32 + r.nextInt(95));
                }
                w = new String(c);
            }
            out.add(w);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void randomCommandLinesEndInAnExitCodeNeverAStackTrace(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 12; i++) {
            List<String> args = new ArrayList<>();
            switch (r.nextInt(3)) {
                case 0 -> args.addAll(List.of("xsi", "push", "--phone", "127.0.0.1:" + closed, "--timeout", "2"));
                case 1 -> args.addAll(List.of("xsi", "broadcast", "--fleet", fleet.toString(), "--attempts", "1",
                        "--timeout", "2"));
                default -> args.addAll(List.of("xapi", "command", "--host", "127.0.0.1:" + closed, "--timeout", "2"));
            }
            args.addAll(List.of("--user", "u", "--password-file", password.toString()));
            args.addAll(words(r));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exit()).as("%s -> %s", args, run.err())
                    .isIn(ExitCode.OK, ExitCode.SOME_FAILED, ExitCode.BAD_INPUT);
            assertThat(run.err()).as("%s", args).doesNotContain("\tat ").doesNotContain("fuzz-password");
            assertThat(run.out()).doesNotContain("fuzz-password");
        }
    }
}

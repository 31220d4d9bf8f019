package io.phonectl.bench;

import io.phonectl.xsi.codec.XsiCodec;
import io.phonectl.xsi.object.Execute;
import io.phonectl.xsi.object.Menu;
import io.phonectl.xsi.object.XsiDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** Encode and decode (strict) of a 3-item Execute and a 100-item Menu. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class XsiCodecBench {

    private Execute execute;
    private Menu menu;
    private byte[] executeBytes;
    private byte[] menuBytes;

    @Setup
    public void setup() {
        execute = Execute.builder().item(1, "http://10.0.0.5/page?a=1&b=2").item("Key:Services")
                .item("Init:AppStatus").build();
        Menu.Builder b = Menu.builder().title("Directory").prompt("Pick one");
        for (int i = 0; i < 100; i++) {
            b.item("Entry " + i + " & more", "http://10.0.0.5/dir?i=" + i + "&page=1");
        }
        menu = b.build();
        executeBytes = XsiCodec.encode(execute);
        menuBytes = XsiCodec.encode(menu);
    }

    @Benchmark
    public byte[] encodeExecute() {
        return XsiCodec.encode(execute);
    }

    @Benchmark
    public XsiDocument decodeExecute() {
        return XsiCodec.decode(executeBytes);
    }

    @Benchmark
    public byte[] encodeMenu100() {
        return XsiCodec.encode(menu);
    }

    @Benchmark
    public XsiDocument decodeMenu100() {
        return XsiCodec.decode(menuBytes);
    }
}

package io.phonectl.cli.media;

import io.phonectl.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One captured run of {@link Main#run(PrintWriter, PrintWriter, String...)}. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}

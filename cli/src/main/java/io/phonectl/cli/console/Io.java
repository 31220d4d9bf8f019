package io.phonectl.cli.console;

import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;

/** A command's output streams as picocli holds them (tests capture them): results on out, progress and errors on err. */
public final class Io {

    private Io() {
    }

    public static PrintWriter out(CommandSpec spec) {
        return spec.commandLine().getOut();
    }

    public static PrintWriter err(CommandSpec spec) {
        return spec.commandLine().getErr();
    }
}

package io.phonectl.cli.xsi;

import io.phonectl.cli.Main;
import io.phonectl.xsi.UnsupportedByModelException;
import io.phonectl.xsi.codec.XsiCodec;
import io.phonectl.xsi.validate.ValidationReport;
import io.phonectl.xsi.validate.XsiValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code phonectl xsi validate <file.xml|->}: OK, or every violation and unsupported feature. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validate a CiscoIPPhone XML document (or a component-API message, or a push body XML=...), "
                + "optionally for a model.",
                "Prints OK (exit 0) or one line per violation or unsupported feature (exit 2)."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<file.xml|->", description = "The document; - reads standard input.")
    String file;

    @Option(names = "--model", paramLabel = "MODEL", description = "Also check support on this model, e.g. CP-8845.")
    String model;

    @Option(names = "--lenient", description = "Read like a tolerant phone: any child order, unknown elements "
            + "ignored, a malformed declaration repaired (default: strict XSD order).")
    boolean lenient;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        byte[] xml;
        try {
            xml = file.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("phonectl: " + file + ": cannot read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
            return Main.EXIT_BAD_INPUT;
        }
        ValidationReport report;
        try {
            report = XsiValidator.standard().validateXml(xml, model,
                    lenient ? XsiCodec.Mode.LENIENT : XsiCodec.Mode.STRICT);
        } catch (UnsupportedByModelException e) {
            spec.commandLine().getErr().println("phonectl: " + e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        if (report.ok()) {
            out.println("OK");
            return Main.EXIT_OK;
        }
        report.lines().forEach(out::println);
        return Main.EXIT_BAD_INPUT;
    }
}

package io.phonectl.cli.xsi;

import io.phonectl.cli.exit.ExitCode;
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
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        byte[] xml = file.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
        ValidationReport report = XsiValidator.standard().validateXml(xml, model,
                lenient ? XsiCodec.Mode.LENIENT : XsiCodec.Mode.STRICT);
        if (report.ok()) {
            out.println("OK");
            return ExitCode.OK;
        }
        report.lines().forEach(out::println);
        return ExitCode.BAD_INPUT;
    }
}

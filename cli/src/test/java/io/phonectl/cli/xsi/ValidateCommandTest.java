package io.phonectl.cli.xsi;

import io.phonectl.cli.exit.ExitCode;
import io.phonectl.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // document                                                                     | model   | exit | text
            "<CiscoIPPhoneText><Title>Hi</Title><Text>Hello</Text></CiscoIPPhoneText>         |         | 0 | OK",
            "<CiscoIPPhoneText><Title>Hi</Title><Text>Hello</Text></CiscoIPPhoneText>         | CP-7841 | 0 | OK",
            "<CiscoIPPhoneText><Title>123456789012345678901234567890123</Title></CiscoIPPhoneText> | | 2 | Title",
            "<CiscoIPPhoneText><Text>unclosed</CiscoIPPhoneText>                              |         | 2 | XML = ",
            "<CiscoIPPhoneExecute><ExecuteItem URL=\"Display:Off:60\"/></CiscoIPPhoneExecute> | CP-8845 | 0 | OK",
            "<CiscoIPPhoneExecute><ExecuteItem URL=\"Display:Off:60\"/></CiscoIPPhoneExecute> | CP-7841 | 2 | Display URI is absent",
            "<CiscoIPPhoneExecute><ExecuteItem URL=\"Notify:http:h:80:/x\"/></CiscoIPPhoneExecute> |    | 2 | Notify",
            "<CiscoIPPhoneIconFileMenu><MenuItem><IconIndex>0</IconIndex><Name>A</Name><URL>http://h/a</URL></MenuItem><IconItem><Index>0</Index><URL>Resource:Icon.Connected</URL></IconItem></CiscoIPPhoneIconFileMenu> | CP-8845 | 0 | OK",
            "<startMedia><mediaStream><type>audio</type><codec>G.711</codec><mode>receive</mode><address>192.0.2.1</address><port>20480</port></mediaStream></startMedia> | CP-7841 | 2 | RTP"})
    void validatesDocuments(String xml, String model, int exit, String text) throws IOException {
        Path f = dir.resolve("doc.xml");
        Files.writeString(f, xml, StandardCharsets.UTF_8);
        CliRun r = model == null ? CliRun.of("xsi", "validate", f.toString())
                : CliRun.of("xsi", "validate", f.toString(), "--model", model);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(exit);
        assertThat(r.out()).contains(text);
        if (exit != 0) {
            assertThat(r.out()).contains("source:");
        }
    }

    @Test
    void missingFileIsBadInput() {
        CliRun r = CliRun.of("xsi", "validate", dir.resolve("absent.xml").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("absent.xml").contains("cannot read");
    }

    @Test
    void unknownModelIsBadInput() throws IOException {
        Path f = dir.resolve("doc.xml");
        Files.writeString(f, "<CiscoIPPhoneText><Text>x</Text></CiscoIPPhoneText>");
        CliRun r = CliRun.of("xsi", "validate", f.toString(), "--model", "CP-0000");
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("CP-0000");
    }

    @Test
    void whatBuildPrintsValidates() throws IOException {
        CliRun built = CliRun.of("xsi", "build", "object_directory", "--example");
        Path f = dir.resolve("dir.xml");
        Files.writeString(f, built.out(), StandardCharsets.UTF_8);
        CliRun r = CliRun.of("xsi", "validate", f.toString(), "--model", "CP-8845");
        assertThat(r.exit()).as(r.out()).isEqualTo(ExitCode.OK);
        assertThat(r.out().strip()).isEqualTo("OK");
    }

    @Test
    void dashReadsStandardInput() {
        java.io.InputStream saved = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(
                    "<CiscoIPPhoneText><Text>from stdin</Text></CiscoIPPhoneText>".getBytes(StandardCharsets.UTF_8)));
            CliRun r = CliRun.of("xsi", "validate", "-");
            assertThat(r.exit()).isEqualTo(ExitCode.OK);
            assertThat(r.out().strip()).isEqualTo("OK");
        } finally {
            System.setIn(saved);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "XML=%3CCiscoIPPhoneText%3E%3CText%3Ehi%3C%2FText%3E%3C%2FCiscoIPPhoneText%3E | 0",
            "XML=<CiscoIPPhoneText><Text>hi & bye</Text></CiscoIPPhoneText>             | 2",
            "XML=<CiscoIPPhoneText><Text>hi</Text></CiscoIPPhoneText>                   | 0"})
    void pushBodiesAreValidatedToo(String body, int exit) throws IOException {
        Path f = dir.resolve("body.txt");
        Files.writeString(f, body, StandardCharsets.UTF_8);
        assertThat(CliRun.of("xsi", "validate", f.toString()).exit()).isEqualTo(exit);
    }

    @Test
    void lenientAcceptsAnyChildOrder() throws IOException {
        Path f = dir.resolve("order.xml");
        Files.writeString(f, "<CiscoIPPhoneText><Text>t</Text><Title>x</Title></CiscoIPPhoneText>");
        assertThat(CliRun.of("xsi", "validate", f.toString()).exit()).isEqualTo(ExitCode.BAD_INPUT);
        CliRun r = CliRun.of("xsi", "validate", "--lenient", f.toString());
        assertThat(r.exit()).as(r.out()).isEqualTo(ExitCode.OK);
    }
}

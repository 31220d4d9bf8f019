package io.phonectl.cli.serve;

import io.phonectl.cli.Main;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve --public-url} is checked before anything starts: a bad one is exit 2 with the rule, no secret echoed. */
class PublicUrlOptionTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://host:21 | an absolute http:// or https:// URI",
            "https://host:8443/?x=1 | no query",
            "https://admin:hunter2@host:8443 | no user information"})
    void aBadPublicUrlIsExitTwo(String url, String rule) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(err), "serve", "--data", dir.toString(), "--port", "0",
                "--public-url", url);
        assertThat(exit).as(out + "" + err).isEqualTo(2);
        assertThat(err.toString()).contains(rule).contains("--public-url").doesNotContain("hunter2");
        assertThat(dir).isEmptyDirectory();
    }
}

package io.phonectl.server.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the API tests: each subclass, annotated {@code @ParameterizedClass @EnumSource(Databases.class)} (the
 * annotations are not inherited), runs twice, on H2 and on PostgreSQL, against one in-process service per run (a
 * fresh database each). Answers passed through {@link #keep} are checked at the end for every secret the
 * test registered with {@link #secret}: no password, token or credential ever comes back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServerTest {

    @Parameter
    protected Databases db;
    protected TestServer t;
    private final List<String> answers = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();

    @BeforeParameterizedClassInvocation
    void startServer(Databases kind, @TempDir Path dir) throws Exception {
        db = kind;
        t = TestServer.start(db, dir, io.phonectl.server.http.HttpConfig.loopback(0), this::configure);
        secret(TestServer.ADMIN_PASSWORD);
        secret(t.adminToken);
    }

    /** A subclass's changes to the test server's configuration (lower limits, shorter intervals). */
    protected io.phonectl.server.ServerConfig configure(io.phonectl.server.ServerConfig config) {
        return config;
    }

    @AfterParameterizedClassInvocation
    void stopServer() {
        if (t != null) {
            t.close();
        }
    }

    /** Remembers an answer (body and headers) for the secrets check. */
    protected Http.Answer keep(Http.Answer a) {
        answers.add(a.body() + a.raw().headers().map());
        return a;
    }

    protected void secret(String s) {
        secrets.add(s);
    }

    @AfterAll
    void noSecretInAnyAnswer() {
        String all = String.join("\n", answers);
        for (String s : secrets) {
            assertThat(all).as("answers of " + getClass().getSimpleName()).doesNotContain(s);
        }
    }
}

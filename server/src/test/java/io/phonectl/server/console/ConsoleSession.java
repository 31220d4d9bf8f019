package io.phonectl.server.console;

import io.phonectl.server.testing.Browser;
import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.TestClock;
import io.phonectl.server.testing.TestServer;
import io.phonectl.server.http.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the console's browser tests: one service (H2, loopback, ephemeral port) and one headless Chromium per
 * test class, both stopped after it; users of every role with known passwords; signing in through the page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsoleSession {

    static final String PASSWORD = "console-test-password";

    TestServer t;
    Browser b;

    @BeforeAll
    void startServiceAndBrowser(@TempDir Path dir) throws Exception {
        t = TestServer.start(Databases.H2, dir, io.phonectl.server.http.HttpConfig.loopback(0), this::configure,
                clock());
        for (Role r : Role.values()) {
            t.server.services().auth().users().create(r.spelling() + "-user", r, PASSWORD, false);
        }
        prepare(dir);
        b = Browser.start(t.server.uri());
    }

    /** The service's clock: one that stands still unless a test class wants real timings (its pictures show them). */
    TestClock clock() {
        return TestClock.atSystemTime();
    }

    /** The service's configuration for this class (live connection timings). */
    io.phonectl.server.ServerConfig configure(io.phonectl.server.ServerConfig config) {
        return config;
    }

    /** What a test class sets up before the browser starts (devices, simulated phones). */
    void prepare(Path dir) throws Exception {
    }

    @AfterAll
    void stopBrowserAndService() {
        try {
            if (b != null) {
                b.close();
            }
        } finally {
            if (t != null) {
                t.close();
            }
        }
    }

    /** Signs in through the sign-in page (after dropping any session) and waits for where it leads. */
    void signIn(String name, String password) {
        b.open("/login");
        b.driver.manage().deleteAllCookies();
        b.open("/login");
        b.type("#name", name).type("#password", password).click("#sign-in");
        b.await(d -> !b.path().equals("/login") || b.present("#error"));
    }

    void signIn(Role role) {
        signIn(role.spelling() + "-user", PASSWORD);
        assertThat(b.path()).isEqualTo("/");
        assertThat(b.find("#role").getText()).isEqualTo(role.spelling());
    }

    /** The browser's session, for requests the page would not make (a viewer posting anyway). */
    Http asBrowser() {
        return t.http().header("Cookie", "phonectl_session=" + b.cookie("phonectl_session"));
    }

    /** The CSRF token the browser's pages carry. */
    String csrf() {
        return b.cookie(Html.CSRF_COOKIE);
    }

    Http.Answer postForm(Http http, String path, String body) {
        return http.send("POST", path, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
    }
}

package io.phonectl.server.console;

import io.phonectl.server.device.Device;
import io.phonectl.server.device.DeviceInput;
import io.phonectl.server.http.Role;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.TestServer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in Chromium: signing in (the first admin's forced password change), signing out, roles (a viewer
 * sees no write controls and is refused by the server when it posts anyway), CSRF, API tokens shown once, users,
 * the audit log, and the accessible basics (a label on every input, no script or CSP error).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest extends ConsoleSession {

    private long device;

    @Override
    void prepare(java.nio.file.Path dir) {
        Device d = t.server.services().devices().create(new DeviceInput("lobby-phone", "127.0.0.1:9", "CP-8845", null,
                "hq", List.of("lobby"), null, null));
        device = d.id();
    }

    @Test
    @Order(1)
    void firstAdminSignsInWithTheOneTimePasswordAndMustChangeIt() {
        signIn("admin", TestServer.ADMIN_PASSWORD);
        assertThat(b.path()).isEqualTo("/password");
        assertThat(b.present("#forced")).isTrue();
        b.shot("password-change");
        b.open("/devices");
        b.awaitPath("/password"); // nothing else until the password is changed
        b.type("#current", TestServer.ADMIN_PASSWORD).type("#password", "a-new-admin-password")
                .type("#confirm", "a-new-admin-password").click("#change-password");
        b.awaitPath("/");
        assertThat(b.find(".notice").getText()).contains("Your password was changed");
        assertThat(b.find("#who").getText()).isEqualTo("admin");
        assertThat(b.find("#role").getText()).isEqualTo("admin");
        b.click("#sign-out");
        b.awaitPath("/login");
        assertThat(b.find(".notice").getText()).contains("signed out");
        signIn("admin", "a-new-admin-password");
        assertThat(b.path()).isEqualTo("/");
    }

    @Test
    void aWrongPasswordIsRefusedOnTheSignInPage() {
        signIn("operator-user", "not-the-password");
        assertThat(b.path()).isEqualTo("/login");
        assertThat(b.find("#error").getText()).contains("wrong");
        b.shot("sign-in");
    }

    @Test
    void withoutASessionAPageLeadsToSignInAndBack() {
        b.driver.manage().deleteAllCookies();
        b.open("/devices?where=model%3DCP-8845");
        b.awaitPath("/login");
        b.type("#name", "viewer-user").type("#password", PASSWORD).click("#sign-in");
        b.awaitPath("/devices");
        assertThat(b.find("#where").getAttribute("value")).isEqualTo("model=CP-8845");
        assertThat(b.find("#count").getText()).contains("of 1");
    }

    @Test
    void aViewerSeesNoWriteControlsAndIsRefusedByTheServerWhenPostingAnyway() {
        signIn(Role.VIEWER);
        b.open("/devices");
        assertThat(b.present("#import")).isFalse();
        assertThat(b.present("#bulk-actions")).isFalse();
        assertThat(b.present("input[name=id]")).isFalse();
        assertThat(b.present("a[href='/compose']")).isFalse();
        b.open("/devices/" + device + "?action=key_vol_down");
        assertThat(b.present("#action-form")).isTrue();
        assertThat(b.present("#send-action")).isFalse();
        assertThat(b.present("#edit")).isFalse();
        assertThat(b.present("#delete")).isFalse();
        // posting anyway, with the viewer's own session and CSRF token: the router's role check refuses it
        Http.Answer delete = postForm(asBrowser(), "/devices/" + device + "/delete", "_csrf=" + csrf());
        assertThat(delete.status()).isEqualTo(403);
        assertThat(delete.body()).contains("needs the role operator");
        Http.Answer api = asBrowser().header("X-CSRF-Token", csrf()).delete("/api/v1/devices/" + device);
        assertThat(api.status()).isEqualTo(403);
        assertThat(t.server.services().devices().get(device).name()).isEqualTo("lobby-phone");
        b.open("/users");
        assertThat(b.find("#problem").getAttribute("data-status")).isEqualTo("403");
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        signIn(Role.OPERATOR);
        Http.Answer a = postForm(asBrowser(), "/devices/" + device + "/delete", "");
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.body()).contains("CSRF");
        Http.Answer wrong = postForm(asBrowser(), "/devices/" + device + "/delete", "_csrf=forged");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(t.server.services().devices().get(device).name()).isEqualTo("lobby-phone");
    }

    @Test
    void anApiTokenIsShownOnceWorksAndCanBeRevoked() {
        signIn(Role.OPERATOR);
        b.open("/tokens");
        b.type("#t-name", "ci-job").click("#create-token");
        b.await(x -> b.present("#new-token")); // the form posts and a new page loads
        String token = b.find("#new-token").getAttribute("value");
        assertThat(token).startsWith("phc_");
        b.shot("tokens");
        assertThat(t.http().bearer(token).get("/api/v1/session").status()).isEqualTo(200);
        b.open("/tokens");
        assertThat(b.driver.getPageSource()).doesNotContain(token);
        b.find("#tokens form button").click();
        b.driver.switchTo().alert().accept();
        b.awaitText("#tokens", "revoked");
        assertThat(t.http().bearer(token).get("/api/v1/session").status()).isEqualTo(401);
    }

    @Test
    void anAdminCreatesAUserWhoMustChangeTheOneTimePassword() {
        signIn(Role.ADMIN);
        b.open("/users");
        b.type("#u-name", "night-shift").type("#u-password", "one-time-password-1");
        b.find("#u-role option[value=operator]").click();
        b.click("#create-user");
        b.awaitText("#users", "night-shift");
        b.shot("users");
        signIn("night-shift", "one-time-password-1");
        assertThat(b.path()).isEqualTo("/password");
    }

    @Test
    void theAuditLogShowsWhatWasDoneInTheConsole() {
        signIn(Role.ADMIN);
        b.open("/audit?method=POST");
        assertThat(b.find("#audit").getText()).contains("POST /login").contains("admin-user");
        b.shot("audit");
    }

    @Test
    void anUnknownPageIsAnErrorPageAndAnUnknownApiPathAProblem() {
        signIn(Role.VIEWER);
        b.open("/no-such-page");
        assertThat(b.find("#problem").getAttribute("data-status")).isEqualTo("404");
        assertThat(t.http().get("/api/v1/no-such").contentType()).startsWith("application/problem+json");
    }

    /** The document's ready state and whether htmx is there, as "complete object" once the page has loaded. */
    private static final String LOADED = "return document.readyState + ' ' + typeof htmx";

    @Test
    void everyInputHasALabelAndNoPageHasAScriptOrPolicyError() {
        signIn(Role.ADMIN);
        b.consoleMessages();
        for (String page : List.of("/", "/devices", "/devices/" + device + "?action=object_text", "/devices/import",
                "/users", "/tokens", "/audit", "/password", "/jobs",
                "/compose?action=object_text&p.text=hello&target=selector&selector=name%3D*&preview=1")) {
            b.open(page);
            // Twice in CI (under load) htmx read as missing right after get, and the reads that followed found the
            // page complete with all its scripts: the page is given until a deadline to have run them. A script that
            // never arrives still fails here, with the state first seen and what the browser fetched.
            String first = (String) b.js(LOADED);
            try {
                b.await(d -> "complete object".equals(b.js(LOADED)));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError(page + ": htmx never loaded (first seen " + first + ", now " + b.js(LOADED)
                        + " at " + b.driver.getCurrentUrl() + "; fetched " + b.js("return performance"
                        + ".getEntriesByType('resource').map(r => r.name + ' ' + r.responseStatus + ' '"
                        + " + r.decodedBodySize)") + ", console " + b.consoleMessages() + ")", e);
            }
            @SuppressWarnings("unchecked")
            List<String> unlabelled = (List<String>) b.js("""
                    return [...document.querySelectorAll('input, select, textarea')]
                      .filter(e => e.type !== 'hidden')
                      .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
                      .map(e => e.outerHTML);""");
            assertThat(unlabelled).as("inputs without a label on " + page).isEmpty();
            assertThat(b.consoleMessages()).as("browser console on " + page).isEmpty();
        }
    }

    @Test
    void theKeyboardReachesTheSignInFormAndFocusIsVisible() {
        b.driver.manage().deleteAllCookies();
        b.open("/login");
        assertThat(b.js("return document.activeElement.id")).as("the name field has the focus").isEqualTo("name");
        new org.openqa.selenium.interactions.Actions(b.driver).sendKeys("operator-user").sendKeys(Keys.TAB)
                .sendKeys(PASSWORD).perform();
        assertThat(b.js("return document.activeElement.id")).isEqualTo("password");
        assertThat(b.js("return getComputedStyle(document.activeElement).outlineStyle")).as("visible focus")
                .isEqualTo("solid");
        new org.openqa.selenium.interactions.Actions(b.driver).sendKeys(Keys.TAB).perform();
        assertThat(b.js("return document.activeElement.id")).isEqualTo("sign-in");
        new org.openqa.selenium.interactions.Actions(b.driver).sendKeys(Keys.ENTER).perform();
        b.awaitPath("/");
        assertThat(b.find("#who").getText()).isEqualTo("operator-user");
    }
}

package io.phonectl.server.console;

import io.phonectl.media.wav.WavWriter;
import io.phonectl.server.ServerConfig;
import io.phonectl.server.device.DeviceInput;
import io.phonectl.server.device.ImportRow;
import io.phonectl.server.http.Paging;
import io.phonectl.server.http.Role;
import io.phonectl.server.live.LiveConfig;
import io.phonectl.server.paging.PageService;
import io.phonectl.server.paging.PageSettings;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.RtpPorts;
import io.phonectl.server.testing.SimPhones;
import io.phonectl.sim.cucm.CucmConfig;
import io.phonectl.sim.cucm.CucmDirectory;
import io.phonectl.sim.cucm.SimCucm;
import io.phonectl.sim.xapi.SimUser;
import io.phonectl.sim.xapi.XapiProduct;
import io.phonectl.sim.xapi.XapiSimConfig;
import io.phonectl.sim.xapi.XapiSimHost;
import io.phonectl.xapi.path.XPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.node.IntNode;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations pages in Chromium against simulated phones, a simulated RoomOS device and a simulated CUCM: a
 * webhook and its delivery log, a WAV uploaded and paged to a group (each phone's result), by unicast and by
 * multicast, and a schedule that pages it, a readiness audit with a
 * reason per device, a CUCM source added, discovered and its changes, and an xAPI device's status tree, a command
 * from its schema, and its events arriving live. A viewer is refused when posting anyway.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleOpsBrowserTest extends ConsoleSession {

    static final int PHONES = 3;
    static final String ROOM_PASSWORD = "room-secret-console-2718";
    static final String AXL_PASSWORD = "axl-secret-console-1414";
    static final int CUCM_PHONES = 4;

    private SimPhones phones;
    private XapiSimHost rooms;
    private SimCucm cucm;
    private long group;
    private long room;
    private long webhook;
    private Path wav;

    @Override
    ServerConfig configure(ServerConfig config) {
        String lo;
        try {
            lo = java.net.NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress()).getName();
        } catch (java.net.SocketException e) {
            throw new IllegalStateException(e);
        }
        return config.withLive(LiveConfig.defaults().withTimings(Duration.ofMillis(200), Duration.ofMillis(100),
                Duration.ofMillis(800), Duration.ofSeconds(1)).withKeepalive(Duration.ofMillis(500)))
                .withPaging(PageSettings.defaults().withMulticastInterface(lo));
    }

    @Override
    void prepare(Path dir) throws Exception {
        phones = SimPhones.start(PHONES, List.of("CP-8845")).register(t.admin(), "desk", "sim");
        var s = t.server.services();
        group = s.groups().create("desks", "static", null, "", phones.deviceIds()).id();
        // nothing listens on the discard port of this loopback address: not ready, and why
        assertThat(s.devices().importRows(List.of(ImportRow.of(1, new DeviceInput("desk-gone", "127.0.0.3:9",
                "CP-8845", null, "hq", List.of(), null, "sim")))).refused()).isZero();
        rooms = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.ROOMOS, 1)
                .withUsers(List.of(new SimUser("admin", ROOM_PASSWORD, io.phonectl.xapi.schema.Role.ADMIN))));
        s.credentials().create("rooms", "admin", ROOM_PASSWORD);
        room = s.devices().create(new DeviceInput("boardroom", rooms.device(0).host() + ":" + rooms.device(0).port(),
                "roomos", null, "hq", List.of(), null, "rooms")).id();
        s.live().refresh();
        CucmConfig config = CucmConfig.defaults("axl", AXL_PASSWORD)
                .withListener(InetAddress.getLoopbackAddress(), 0, true).withRatePerMinute(10_000);
        CucmDirectory d = CucmDirectory.of(config, Clock.systemUTC());
        for (int i = 0; i < CUCM_PHONES; i++) {
            String name = String.format("SEPC0FFEE%06X", i + 1);
            d.add(new CucmDirectory.PhoneSpec(name, "Lobby " + i, "CP-8845", "SIP", "DP-1", Integer.toString(3000 + i),
                    "127.8.0." + (i + 1)));
            d.register(name, config.nodes().getFirst(), null);
        }
        d.restartAxl();
        cucm = SimCucm.start(config, d, Clock.systemUTC());
        s.credentials().create("axl", "axl", AXL_PASSWORD);
        float[][] tone = new float[1][4000];
        for (int i = 0; i < tone[0].length; i++) {
            tone[0][i] = (float) (0.4 * Math.sin(2 * Math.PI * 440 * i / 16_000.0));
        }
        wav = dir.resolve("chime.wav");
        Files.write(wav, WavWriter.write(16_000, 16, tone));
    }

    @AfterAll
    void stopSimulators() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {phones, rooms, cucm}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    @Order(1)
    void anAdminCreatesAWebhook() {
        signIn(Role.ADMIN.spelling() + "-user", PASSWORD);
        b.open("/webhooks");
        b.type("#w-url", "http://127.0.0.1:9/hook").type("#w-types", "job.*").type("#w-secret", "short");
        b.js("document.getElementById('w-secret').removeAttribute('minlength')");
        b.click("#create-webhook");
        b.await(d -> b.present("#e-secret")); // the service's rule, beside the field
        b.type("#w-secret", "a-webhook-secret-of-some-length").type("#w-description", "the ops bridge");
        b.click("#create-webhook");
        b.await(d -> b.path().matches("/webhooks/\\d+"));
        webhook = Long.parseLong(b.path().substring("/webhooks/".length()));
        assertThat(b.driver.getPageSource()).doesNotContain("a-webhook-secret-of-some-length");
    }

    @Test
    @Order(2)
    void aWavIsUploadedAndPagedToAGroup() throws Exception {
        signIn(Role.OPERATOR);
        b.open("/paging");
        b.type("#a-name", "chime");
        b.find("#a-file").sendKeys(wav.toAbsolutePath().toString());
        b.click("#upload");
        b.awaitText("#clips", "chime");
        new Select(b.find("#p-clip")).selectByVisibleText(b.find("#p-clip option:nth-child(2)").getText());
        b.click("#pt-group");
        new Select(b.find("#pc-group")).selectByValue(Long.toString(group));
        b.type("#p-port", Integer.toString(RtpPorts.freeBase(PHONES)));
        b.click("#start-page");
        b.await(d -> b.path().matches("/paging/\\d+"));
        long id = Long.parseLong(b.path().substring("/paging/".length()));
        b.await(d -> !b.find("#page-state").getText().equals("running")); // polled in place
        PageService.PageView p = t.server.services().pages().get(id);
        assertThat(b.find("#page-state").getText()).isEqualTo(p.state()).isEqualTo("done");
        assertThat(b.all("#page-results tbody tr")).hasSize(PHONES);
        for (PageService.Result r : p.results()) {
            assertThat(b.find("#page-results").getText()).contains(r.name()).contains(r.status());
        }
        b.shot("page");
        // multicast: one stream to a group every phone joins; a group in 224.0.0.0/24 is refused beside its field
        String group = "239.255." + (1 + (int) (Math.random() * 250)) + "." + (1 + (int) (Math.random() * 250));
        int port = RtpPorts.freeWildcard();
        b.open("/paging");
        new Select(b.find("#p-clip")).selectByIndex(1);
        b.click("#pt-group");
        new Select(b.find("#pc-group")).selectByValue(Long.toString(this.group));
        b.click("#p-multicast");
        b.type("#p-mgroup", "224.0.0.5").type("#p-mport", Integer.toString(port)).type("#p-ttl", "1");
        b.click("#start-page");
        b.await(d -> b.present("#e-multicast"));
        assertThat(b.find("#e-multicast").getText()).contains("224.0.0.5").contains("RFC 5771");
        assertThat(b.find("#p-multicast").isSelected()).isTrue();
        b.type("#p-mgroup", group);
        b.click("#start-page");
        b.await(d -> b.path().matches("/paging/\\d+"));
        long mid = Long.parseLong(b.path().substring("/paging/".length()));
        b.await(d -> !b.find("#page-state").getText().equals("running"));
        PageService.PageView m = t.server.services().pages().get(mid);
        assertThat(m.multicast()).isEqualTo(group + ":" + port);
        assertThat(m.counts()).as(m.toString()).containsEntry("RECEIVED", PHONES);
        assertThat(b.find("#page-transport").getText()).contains("multicast to " + group + ":" + port).contains("TTL 1");
        assertThat(b.find("#page-results").getText()).contains(group + ":" + port);
        b.open("/paging");
        assertThat(b.find("#pages").getText()).contains(Long.toString(id)).contains(Long.toString(mid));
        b.shot("paging");
        // a schedule that pages the clip by multicast every weekday morning
        b.open("/schedules/new");
        b.type("#s-sname", "morning-chime");
        b.click("#s-cron");
        b.type("#s-cron-text", "0 8 * * 1-5").type("#s-zone", "UTC");
        b.click("#s-runs-page");
        new Select(b.find("#p-clip")).selectByIndex(1);
        b.click("#p-multicast");
        b.type("#p-mgroup", "127.1.2.3").type("#p-mport", Integer.toString(port));
        b.click("#st-group");
        new Select(b.find("#sc-group")).selectByValue(Long.toString(this.group));
        b.click("#create-schedule");
        b.await(d -> b.present("#e-multicast"));
        assertThat(b.find("#e-multicast").getText()).contains("127.1.2.3");
        assertThat(b.find("#s-runs-page").isSelected()).isTrue();
        b.type("#p-mgroup", group);
        b.click("#create-schedule");
        b.await(d -> b.path().matches("/schedules/\\d+"));
        var s = t.server.notifications().schedules().get(Long.parseLong(b.path().substring("/schedules/".length())));
        assertThat(s.runs().page().multicast().group()).isEqualTo(group);
        assertThat(s.runs().page().target().groups()).containsExactly(this.group);
        assertThat(b.find("#schedule-facts").getText()).contains("multicast to " + group + ":" + port);
        b.open("/schedules");
        assertThat(b.find("#schedules").getText()).contains("morning-chime").contains("page of clip");
        // a clip no longer wanted is deleted from its row, after the browser's confirmation
        b.open("/paging");
        b.type("#a-name", "spare");
        b.find("#a-file").sendKeys(wav.toAbsolutePath().toString());
        b.click("#upload");
        b.awaitText("#clips", "spare");
        long spare = t.server.services().audio().list().items().stream().filter(c -> c.name().equals("spare")).findFirst()
                .orElseThrow().id();
        b.click("#delete-clip-" + spare);
        b.driver.switchTo().alert().accept();
        b.await(d -> b.driver.getCurrentUrl().contains("ok=removed"));
        assertThat(b.find("#clips").getText()).doesNotContain("spare").contains("chime");
        assertThat(t.server.services().audio().list().items()).noneMatch(c -> c.name().equals("spare"));
    }

    @Test
    @Order(3)
    void aReadinessAuditGivesEachDeviceAResultAndAReason() {
        signIn(Role.OPERATOR);
        b.open("/readiness");
        b.click("#rt-all");
        b.click("#run-audit");
        b.await(d -> b.path().matches("/readiness/\\d+"));
        long id = Long.parseLong(b.path().substring("/readiness/".length()));
        b.awaitText("#audit-state", "done");
        var job = t.server.services().jobs().service().views().get(id);
        assertThat(b.find("#a-ready").getText()).isEqualTo(job.counts().getOrDefault("READY", 0L).toString());
        assertThat(job.counts().getOrDefault("READY", 0L)).isGreaterThanOrEqualTo(PHONES);
        assertThat(b.all("#audit-items tbody tr")).hasSize(job.total());
        b.click("#only-not-ready");
        b.awaitText("#audit-items", "desk-gone");
        assertThat(b.find("#audit-items tbody tr").getText()).contains("NOT_READY");
        b.shot("readiness-audit");
        b.open("/readiness");
        assertThat(b.find("#trend").getText()).contains(Long.toString(id));
        b.shot("readiness");
    }

    @Test
    @Order(4)
    void theWebhookLogsItsDeliveries() {
        signIn(Role.ADMIN.spelling() + "-user", PASSWORD);
        b.open("/webhooks/" + webhook);
        long total = t.server.services().events().webhooks().deliveries(webhook, Paging.first(100)).total();
        assertThat(total).as("the readiness job's events matched job.*").isPositive();
        assertThat(b.all("#deliveries tbody tr")).hasSize((int) Math.min(total, WebhooksPage.DELIVERIES));
        assertThat(b.find("#deliveries").getText()).contains("job.");
        b.shot("webhook");
    }

    @Test
    @Order(5)
    void aCucmSourceIsAddedDiscoveredAndItsChangesShown() {
        signIn(Role.ADMIN.spelling() + "-user", PASSWORD);
        b.open("/cucm");
        b.type("#c-cname", "hq-cluster").type("#c-publisher", "127.0.0.1:" + cucm.uri().getPort());
        new Select(b.find("#c-credentials")).selectByValue("axl");
        b.js("document.getElementById('c-certificate').value = arguments[0]", cucm.certificate().orElseThrow().pem());
        b.click("#c-insecure"); // both: refused, with the rule beside the field
        b.type("#c-site", "hq").type("#c-tags", "cucm, lobby");
        new Select(b.find("#c-device-credentials")).selectByValue("sim");
        b.click("#save-source");
        b.await(d -> b.present("#e-insecure"));
        b.click("#c-insecure");
        b.click("#save-source");
        b.await(d -> b.path().matches("/cucm/\\d+"));
        b.click("#discover-now");
        b.await(d -> b.path().matches("/cucm/\\d+/runs/\\d+"));
        b.awaitText("#run-state", "succeeded");
        assertThat(b.find("#run-found").getText()).isEqualTo(Integer.toString(CUCM_PHONES));
        assertThat(b.find("#run-added").getText()).isEqualTo(Integer.toString(CUCM_PHONES));
        assertThat(b.all("#changes tbody tr")).hasSize(CUCM_PHONES);
        assertThat(b.find("#changes").getText()).contains("SEPC0FFEE000001").contains("added");
        b.shot("cucm-run");
    }

    @Test
    @Order(6)
    void anXapiDeviceShowsItsStatusTakesACommandAndItsEventsArriveLive() {
        signIn(Role.OPERATOR);
        b.await(d -> {
            b.open("/devices/" + room);
            return b.find("#xapi-connection").getText().startsWith("Connected");
        });
        b.await(d -> {
            b.open("/devices/" + room);
            return b.find("#status-tree").getText().contains("Volume");
        });
        new Select(b.find("#xcommand")).selectByValue("Audio Volume Set");
        b.await(d -> b.present("#x-Level")); // htmx brought the command's parameters from the schema
        assertThat(b.find("#x-Level").getAttribute("max")).isEqualTo("100");
        b.type("#x-Level", "33");
        b.click("#send-command");
        b.awaitText("#command-outcome", "EXECUTED");
        assertThat(rooms.device(0).read(XPath.parseWords("Status Audio Volume")).asInt()).isEqualTo(33);
        b.js("window.notReloaded = true");
        assertThat(rooms.device(0).changeStatus(XPath.parseWords("Status Audio Volume"), IntNode.valueOf(71))).isTrue();
        b.await(d -> b.all("#events tr.live-event").stream().anyMatch(r -> r.getText().contains("device.status")
                && r.getText().contains("71")));
        assertThat(b.js("return window.notReloaded")).as("the event came over SSE, no reload").isEqualTo(true);
        b.js("document.getElementById('xapi-status').scrollIntoView()");
        b.shot("device-xapi");
    }

    @Test
    @Order(7)
    void aViewerIsRefusedWhenPostingToTheOperationsPages() {
        signIn(Role.VIEWER);
        b.open("/paging");
        assertThat(b.present("#start-page")).isFalse();
        b.open("/devices/" + room);
        assertThat(b.present("#send-command")).isFalse();
        for (String[] post : List.of(new String[] {"/paging", "clip=1&target=all"},
                new String[] {"/readiness", "target=all"}, new String[] {"/cucm", "cname=x"},
                new String[] {"/webhooks", "url=http://127.0.0.1:9/"},
                new String[] {"/devices/" + room + "/xapi", "xcommand=Audio+Volume+Set&x.Level=5"})) {
            Http.Answer a = postForm(asBrowser(), post[0], "_csrf=" + csrf() + "&" + post[1]);
            assertThat(a.status()).as(post[0]).isEqualTo(403);
        }
        b.open("/webhooks");
        assertThat(b.find("#problem").getAttribute("data-status")).isEqualTo("403");
        assertThat(rooms.device(0).read(XPath.parseWords("Status Audio Volume")).asInt()).isNotEqualTo(5);
    }

    /**
     * A tablet, portrait (768x1024) and landscape (1024x768): no page is wider than the screen (wide tables scroll
     * in their own box), the navigation and each page's main buttons are on screen, large enough to touch, and not
     * covered by anything else.
     */
    @Test
    @Order(8)
    void everyMainPageFitsATabletAndItsNavigationAndButtonsCanBeTouched() {
        signIn(Role.ADMIN.spelling() + "-user", PASSWORD);
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("/", List.of());
        pages.put("/devices", List.of("#apply", "#import", "#compose-filter"));
        pages.put("/devices/" + room, List.of());
        pages.put("/compose", List.of("#preview"));
        pages.put("/jobs", List.of("#jobs-filter button"));
        pages.put("/notifications", List.of("#new-notification"));
        pages.put("/notifications/new", List.of());
        pages.put("/templates", List.of("#new-template"));
        pages.put("/schedules", List.of("#new-schedule"));
        pages.put("/schedules/new", List.of("#create-schedule"));
        pages.put("/paging", List.of("#start-page", "#upload"));
        pages.put("/readiness", List.of("#run-audit"));
        pages.put("/cucm", List.of());
        pages.put("/webhooks", List.of("#create-webhook"));
        pages.put("/users", List.of("#create-user"));
        pages.put("/tokens", List.of("#create-token"));
        pages.put("/audit", List.of("#audit-filter button"));
        try {
            for (Dimension size : List.of(new Dimension(768, 1024), new Dimension(1024, 768))) {
                b.driver.manage().window().setSize(size);
                pages.forEach((path, buttons) -> {
                    b.open(path);
                    long overflow = (Long) b.js("return document.documentElement.scrollWidth - window.innerWidth;");
                    assertThat(overflow).as(path + " at " + size + ": wider than the screen by " + overflow + " px: "
                            + b.js(WIDEST)).isLessThanOrEqualTo(0);
                    List<String> touch = new ArrayList<>(List.of("header.top nav a", "#sign-out"));
                    touch.addAll(buttons);
                    // one script per page checks every element: a WebDriver round trip per element and check made
                    // this test a minute long
                    assertThat((List<?>) b.js(UNTOUCHABLE, touch)).as(path + " at " + size
                            + ": elements missing, hidden, disabled, off screen, under 40 px high or covered").isEmpty();
                });
            }
            b.driver.manage().window().setSize(new Dimension(768, 1024));
            b.open("/devices");
            b.shot("tablet-devices");
            b.find("header.top nav a[href='/paging']").click();
            b.awaitPath("/paging");
            b.shot("tablet-paging");
        } finally {
            b.driver.manage().window().setSize(new Dimension(1280, 800));
        }
    }

    /** The outermost elements that reach past the screen's right edge (what made a page too wide). */
    private static final String WIDEST = """
            const out = [];
            for (const e of document.querySelectorAll('main *, header *')) {
              const r = e.getBoundingClientRect();
              if (r.right > window.innerWidth + 1 && !(e.parentElement.getBoundingClientRect().right
                  > window.innerWidth + 1)) {
                out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(r.right));
              }
            }
            return out.slice(0, 5).join(', ');
            """;

    /**
     * Of the elements the selectors (arguments[0]) match, those that are not shown, are disabled, or, scrolled to the
     * middle, are not within the screen's width, 40 px high or more, and on top there; a selector matching nothing.
     */
    private static final String UNTOUCHABLE = """
            const bad = [];
            for (const css of arguments[0]) {
              const all = document.querySelectorAll(css);
              if (all.length === 0) { bad.push(css + ': missing'); }
              for (const e of all) {
                const name = css + ' "' + e.textContent.trim().slice(0, 30) + '"';
                const style = getComputedStyle(e);
                if (e.getClientRects().length === 0 || style.visibility !== 'visible') { bad.push(name + ': hidden'); continue; }
                if (e.disabled) { bad.push(name + ': disabled'); continue; }
                e.scrollIntoView({block: 'center', inline: 'nearest'});
                const r = e.getBoundingClientRect();
                if (r.left < 0 || r.right > window.innerWidth || r.height < 40) {
                  bad.push(name + ': at ' + Math.round(r.left) + '..' + Math.round(r.right) + ', ' + Math.round(r.height) + ' px high');
                  continue;
                }
                const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                if (top === null || !(top === e || e.contains(top))) { bad.push(name + ': covered'); }
              }
            }
            return bad;
            """;
}

package io.phonectl.server.console;

import io.phonectl.server.device.Device;
import io.phonectl.server.device.DeviceInput;
import io.phonectl.server.device.DeviceSelector;
import io.phonectl.server.device.ImportRow;
import io.phonectl.server.http.Paging;
import io.phonectl.server.http.Role;
import io.phonectl.server.job.Job;
import io.phonectl.server.job.JobPreview;
import io.phonectl.server.job.JobRequest;
import io.phonectl.server.job.JobTarget;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.TestClock;
import io.phonectl.sim.FleetHost;
import io.phonectl.sim.SimConfig;
import io.phonectl.sim.phone.SimPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenario in Chromium against simulated phones: compose a text message to a group, see the pre-flight
 * preview name the models that cannot show it and why, send it, watch the job reach its final counts live (SSE, no
 * reload), open a failed device and read why; then on a device: a screenshot, a device page as a table, an action
 * sent at once. A viewer sees no send button and is refused when it posts anyway.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleJobBrowserTest extends ConsoleSession {

    static final String SECRET = "sim-console-secret-1";
    static final int PHONES = 24;
    private FleetHost sim;
    private long group;
    private long jobId;
    private String unsupported;

    /** The job page's timings and timeline are in the pictures: real ones, not a clock that stands still. */
    @Override
    TestClock clock() {
        return TestClock.running();
    }

    @Override
    void prepare(Path dir) throws Exception {
        sim = FleetHost.start(SimConfig.ephemeral(PHONES, List.of()).withUsers(Map.of("admin", SECRET)));
        var s = t.server.services();
        s.credentials().create("sim", "admin", SECRET);
        List<ImportRow> rows = new ArrayList<>();
        int line = 1;
        for (SimPhone p : sim.phones()) {
            rows.add(ImportRow.of(line++, new DeviceInput("desk-" + p.index(), "127.0.0.1:" + p.address().getPort(),
                    p.model().headerName(), null, "hq", List.of("floor"), null, "sim")));
        }
        // nothing listens on the discard port of this loopback address: the push fails there
        rows.add(ImportRow.of(line++, new DeviceInput("desk-gone", "127.0.0.3:9", "CP-8845", null, "hq",
                List.of("floor"), null, "sim")));
        // every phone model of the catalog shows a CiscoIPPhoneText; a RoomOS device does not: the pre-flight
        // leaves it out, with the reason
        unsupported = "roomos";
        rows.add(ImportRow.of(line, new DeviceInput("lobby-room", "127.0.0.3:9", "roomos", null, "hq",
                List.of("floor"), null, "sim")));
        assertThat(s.devices().importRows(rows).refused()).isZero();
        List<Long> ids = s.devices().ids(DeviceSelector.ALL);
        group = s.groups().create("floor-1", "static", null, "", ids).id();
    }

    @AfterAll
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    @Order(1)
    void composeATextToAGroupPreviewSendAndWatchItFinishLive() {
        signIn(Role.OPERATOR);
        b.open("/compose");
        new Select(b.find("#c-action")).selectByValue("object_text");
        b.await(d -> b.present("#p-text")); // htmx brought the parameters of the chosen action
        b.type("#p-title", "Fire drill").type("#p-text", "Leave by the stairs at 14:00.");
        b.click("#t-group");
        new Select(b.find("#c-group")).selectByValue(Long.toString(group));
        b.click("#preview");
        b.await(d -> b.present("#preview-table"));
        // the preview is the engine's own pre-flight: compare with the service's answer
        JobPreview expected = t.server.services().jobs().service().preview(new JobRequest(null,
                new JobTarget(null, null, null, List.of(group)), "object_text",
                Map.of("text", tools.jackson.databind.node.StringNode.valueOf("x")), null, null));
        assertThat(b.find("#preview-h").getText()).contains(expected.send() + " of " + (PHONES + 2));
        List<JobPreview.Line> refused = expected.models().stream().filter(l -> !l.send()).toList();
        assertThat(refused).extracting(JobPreview.Line::model).contains(unsupported);
        List<WebElement> rows = b.all("#preview-table tbody tr");
        assertThat(rows).hasSize(expected.models().size());
        for (JobPreview.Line l : refused) {
            assertThat(b.find("#preview-table").getText()).contains(l.model()).contains(l.reason());
        }
        assertThat(b.find("#not-sent").getText()).contains("will not get it");
        b.shot("compose-preview");
        b.click("#send");
        b.await(d -> b.path().startsWith("/jobs/"));
        jobId = Long.parseLong(b.path().substring("/jobs/".length()));
        b.js("window.notReloaded = true");
        b.awaitText("#job-state", "done");
        assertThat(b.js("return window.notReloaded")).as("counts came over SSE, no reload").isEqualTo(true);
        Job done = t.server.services().jobs().service().views().get(jobId);
        assertThat(done.state()).isEqualTo("done");
        assertThat(b.find("#job-done").getText()).isEqualTo(Integer.toString(done.total()));
        for (Map.Entry<String, Long> e : new TreeMap<>(done.counts()).entrySet()) {
            assertThat(b.find("td[data-outcome='" + e.getKey() + "']").getText()).isEqualTo(e.getValue().toString());
        }
        String failedBefore = t.server.services().devices().byName("desk-gone").orElseThrow().state().lastOutcome();
        assertThat(failedBefore).isNotNull().isNotEqualTo("EXECUTED");
        assertThat(done.counts()).containsKeys(failedBefore, "UNSUPPORTED");
        assertThat(b.find("#timings").getText()).contains("last outcome after");
        String failed = t.server.services().devices().byName("desk-gone").orElseThrow().state().lastOutcome();
        b.awaitText("#item-table", failed); // the items were fetched again when the job ended
        b.shot("job");
        // the timeline: one bar per slice of time that had outcomes, failures among them
        b.awaitText("#timeline-h", "Outcomes over time");
        assertThat(b.all("#timeline rect.good")).isNotEmpty();
        assertThat(b.all("#timeline rect.bad")).isNotEmpty();
        assertThat(b.find("#timeline desc").getAttribute("textContent")).contains(done.total() + " outcomes");
        b.js("document.getElementById('timeline-h').scrollIntoView()");
        b.shot("job-timeline");
        // the failed device, and why
        new Select(b.find("#outcome")).selectByValue(failed);
        b.click("#filter-items");
        b.awaitText("#item-table", failed);
        b.find("#item-table a").click();
        b.awaitText("#device-name", "desk-gone");
        assertThat(b.find("#last-outcome").getText()).isEqualTo(failed);
        assertThat(b.find("#last-detail").getText()).isNotBlank();
        assertThat(b.find("#history").getText()).contains("object_text").contains(failed);
        b.shot("failed-device");
        // retry the failed ones: a new job for the devices whose items failed
        b.open("/jobs/" + jobId);
        b.click("#retry");
        b.await(d -> !b.path().equals("/jobs/" + jobId) && b.path().startsWith("/jobs/"));
        b.awaitText("#job-state", "done");
        assertThat(b.driver.getPageSource()).contains("retries the failed items of");
        assertThat(b.find("#job-total").getText()).isEqualTo(Long.toString(done.total()
                - done.counts().getOrDefault("EXECUTED", 0L) - done.counts().getOrDefault("ACCEPTED_NO_RESPONSE", 0L)));
    }

    @Test
    @Order(2)
    void aDeviceGivesAScreenshotAPageAsATableAndTakesAnAction() {
        signIn(Role.OPERATOR);
        Device d = t.server.services().devices().byName("desk-" + sim.phones().get(0).index()).orElseThrow();
        b.open("/devices/" + d.id());
        b.click("#take-screenshot");
        b.await(x -> b.present("#screenshot"));
        b.await(x -> ((Number) b.js("return document.getElementById('screenshot').naturalWidth")).intValue() > 0);
        b.click("#take-screenshot"); // refresh
        b.await(x -> b.present("#screenshot"));
        new Select(b.find("#info-page")).selectByValue("network");
        b.click("#read-page");
        b.await(x -> b.present("#info-table"));
        assertThat(b.all("#info-table tr")).isNotEmpty();
        new Select(b.find("#action")).selectByValue("key_vol_down");
        b.await(x -> b.present("#send-action"));
        b.click("#send-action");
        b.await(x -> b.present("#action-outcome"));
        assertThat(b.find("#action-outcome").getText()).contains("attempt");
        b.shot("device-live");
    }

    @Test
    @Order(3)
    void aViewerSeesTheJobButNoSendButtonAndIsRefusedWhenPosting() {
        signIn(Role.VIEWER);
        b.open("/jobs/" + jobId);
        assertThat(b.find("#job-state").getText()).isEqualTo("done");
        assertThat(b.present("#retry")).isFalse();
        assertThat(b.present("a[href='/compose']")).isFalse();
        Device d = t.server.services().devices().list(DeviceSelector.ALL, Paging.first(1),
                io.phonectl.server.device.DeviceService.Sort.ID).items().get(0);
        b.open("/devices/" + d.id() + "?action=key_vol_down");
        assertThat(b.present("#send-action")).isFalse();
        Http.Answer compose = postForm(asBrowser(), "/compose", "_csrf=" + csrf()
                + "&action=object_text&p.text=hi&target=all");
        assertThat(compose.status()).isEqualTo(403);
        Http.Answer send = postForm(asBrowser(), "/devices/" + d.id() + "/send", "_csrf=" + csrf()
                + "&action=key_vol_down");
        assertThat(send.status()).isEqualTo(403);
        b.open("/compose");
        assertThat(b.find("#problem").getAttribute("data-status")).isEqualTo("403");
        long jobs = t.server.services().jobs().service().views().list(
                new io.phonectl.server.job.JobViews.Filter(null, null, null), Paging.first(100)).total();
        assertThat(jobs).isEqualTo(2); // the operator's job and its retry, nothing from the viewer
    }
}

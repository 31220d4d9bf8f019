package io.phonectl.server.console;

import io.phonectl.server.device.DeviceSelector;
import io.phonectl.server.group.Group;
import io.phonectl.server.http.Paging;
import io.phonectl.server.http.Role;
import io.phonectl.sim.FleetHost;
import io.phonectl.sim.SimConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The device pages in Chromium against simulated phones: import the simulator's own fleet file (with two broken
 * rows) and read the per-row report; filter by the selector language and by free text; sort; page; tick rows and
 * add them to a group; a device's page with the action form generated from the catalog (unsupported actions
 * disabled with the model catalog's reason; parameters with their HTML constraints); the dashboard.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleDevicesBrowserTest extends ConsoleSession {

    static final int PHONES = 34;
    private FleetHost sim;
    private Path fleet;

    @Override
    void prepare(Path dir) throws Exception {
        fleet = dir.resolve("fleet.csv");
        sim = FleetHost.start(SimConfig.ephemeral(PHONES, List.of()).withFleetFile(fleet));
        Files.writeString(fleet, "broken-model,127.0.0.1:9,CP-9999,admin\nbroken-address,not an address,CP-8845,admin\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @AfterAll
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    @Order(1)
    void importingTheSimulatorsFleetFileReportsEveryRow() {
        signIn(Role.OPERATOR);
        b.open("/devices");
        b.click("#import");
        b.awaitPath("/devices/import");
        b.find("#file").sendKeys(fleet.toAbsolutePath().toString());
        b.click("#upload");
        b.awaitText("#summary", "added");
        assertThat(b.find("#summary").getText()).isEqualTo(PHONES + " added, 0 updated, 2 refused.");
        List<WebElement> refused = b.all("#report tr.refused");
        assertThat(refused).hasSize(2);
        assertThat(refused.get(0).getText()).contains("broken-model").contains("CP-9999");
        assertThat(refused.get(1).getText()).contains("broken-address").contains("address");
        b.shot("import");
        assertThat(t.server.services().devices().count(DeviceSelector.ALL)).isEqualTo(PHONES);
    }

    @Test
    @Order(2)
    void filteringBySelectorAndFreeTextUpdatesTheTableInPlace() {
        signIn(Role.OPERATOR);
        b.open("/devices");
        b.awaitText("#count", "of " + PHONES);
        b.js("window.notReloaded = true");
        b.type("#where", "model=8845").click("#apply");
        b.awaitText("#count", "of 2");
        List<WebElement> models = b.all("#devices td.model");
        assertThat(models).hasSize(2).allSatisfy(m -> assertThat(m.getText()).isEqualTo("CP-8845"));
        assertThat(b.js("return window.notReloaded")).as("htmx swapped the table, no page load").isEqualTo(true);
        assertThat(b.driver.getCurrentUrl()).contains("where=model%3D8845");
        b.type("#where", "").type("#q", "SEP");
        b.awaitText("#count", "of " + PHONES);
        b.type("#q", "no-such-device-anywhere");
        b.awaitText("#count", "No devices");
        b.type("#q", "").type("#where", "colour=red").click("#apply");
        b.awaitText("#filter-error", "where");
        b.type("#where", "model=CP-78*").click("#apply");
        b.awaitText("#count", "Devices 1–");
        b.shot("devices-filtered");
    }

    @Test
    @Order(3)
    void sortingAndPaging() {
        signIn(Role.VIEWER);
        b.open("/devices?limit=25");
        b.click("#sort-model");
        b.await(d -> "ascending".equals(b.find("#devices th[aria-sort]").getAttribute("aria-sort")));
        List<String> asc = b.all("#devices td.model").stream().map(WebElement::getText).toList();
        assertThat(asc).isSorted();
        b.click("#sort-model");
        b.await(d -> "descending".equals(b.find("#devices th[aria-sort]").getAttribute("aria-sort")));
        List<String> desc = b.all("#devices td.model").stream().map(WebElement::getText).toList();
        assertThat(desc).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(b.find("#count").getText()).startsWith("Devices 1–25 of");
        b.click("#next");
        b.awaitText("#count", "Devices 26–" + PHONES);
        List<String> second = b.all("#devices td.model").stream().map(WebElement::getText).toList();
        assertThat(second.get(0).compareTo(desc.get(desc.size() - 1))).isLessThanOrEqualTo(0);
        b.click("#first");
        b.awaitText("#count", "Devices 1–25");
    }

    @Test
    @Order(4)
    void tickedRowsGoIntoANewGroup() {
        signIn(Role.OPERATOR);
        b.open("/devices?sort=name");
        List<WebElement> boxes = b.all("#devices input[name=id]");
        boxes.get(0).click();
        boxes.get(1).click();
        b.type("#newGroup", "front-desk").click("#bulk-group");
        b.awaitText(".notice", "Saved");
        Group g = t.server.services().groups().list(Paging.first(10)).items().stream()
                .filter(x -> x.name().equals("front-desk")).findFirst().orElseThrow();
        assertThat(g.devices()).isEqualTo(2);
        // the header box ticks the whole page
        b.click("#select-all");
        assertThat(b.all("#devices input[name=id]")).allSatisfy(x -> assertThat(x.isSelected()).isTrue());
    }

    @Test
    @Order(5)
    void aDevicePageShowsItsStateAndTheCatalogsActionForm() {
        signIn(Role.OPERATOR);
        // a device whose model the catalog refuses some action for
        var catalog = t.server.services().catalog();
        var device = t.server.services().devices().list(DeviceSelector.ALL, Paging.first(100),
                        io.phonectl.server.device.DeviceService.Sort.ID).items().stream()
                .filter(d -> catalog.actions().stream().anyMatch(a -> a.support() != null
                        && !a.support().supported().contains(d.model())))
                .findFirst().orElseThrow();
        b.open("/devices?where=name%3D" + device.name());
        b.find("#devices tbody a").click();
        b.awaitText("#model", device.model());
        List<WebElement> disabled = b.all("#action option[disabled]");
        assertThat(disabled).isNotEmpty();
        assertThat(disabled.get(0).getText()).contains("(not supported)");
        assertThat(disabled.get(0).getAttribute("title")).isNotBlank();
        assertThat(b.find("#unsupported-actions summary").getText()).contains("does not support");
        new org.openqa.selenium.support.ui.Select(b.find("#action")).selectByValue("key_vol_down");
        b.awaitText("#send .hint", "Key:VolDwn");
        assertThat(b.find("#action-form input[name=action]").getAttribute("value")).isEqualTo("key_vol_down");
        b.shot("device");
    }

    @Test
    @Order(6)
    void theDashboardCountsTheFleet() {
        signIn(Role.VIEWER);
        assertThat(b.find("#total").getText()).isEqualTo(Integer.toString(PHONES));
        assertThat(b.find("#unknown").getText()).isEqualTo(Integer.toString(PHONES));
        assertThat(b.find("#by-model").getText()).contains("CP-8845");
        // the relay's counts: none configured upstream here, so a phone's question for another user is an error
        assertThat(b.find("#relay-upstream").getText()).contains("No upstream authentication URL");
        var before = t.server.services().relay().figures().requests().getOrDefault("relay error", 0L);
        var asked = t.http().get(t.server.services().relay().config().path() + "?UserID=someone&Password=x&devicename=SEP000000000001");
        assertThat(asked.body()).contains("ERROR");
        b.open("/");
        assertThat(b.find("#relay-requests").getText()).contains("relay error " + (before + 1));
        b.shot("dashboard");
    }
}

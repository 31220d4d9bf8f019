package io.phonectl.server.console;

import io.phonectl.server.http.Paging;
import io.phonectl.server.http.Role;
import io.phonectl.server.job.JobViews;
import io.phonectl.server.notify.Receipts;
import io.phonectl.server.notify.Schedule;
import io.phonectl.server.notify.Template;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.SimPhones;
import io.phonectl.sim.phone.SimPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications, templates and schedules in Chromium against simulated phones: compose a notification that asks for
 * an acknowledgement, preview and send it, watch the receipts arrive; a person presses Acknowledge on one phone (the
 * simulator's inspection API, a plain HTTP client) and the page shows who acknowledged, when, and who never did.
 * A template refused with the service's problem beside its field, saved, sent with a value; a cron schedule in a
 * zone with its next runs, disabled; a schedule of a job (an action with its parameters). A viewer reads everything and is refused when posting anyway.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleNotifyBrowserTest extends ConsoleSession {

    static final int PHONES = 3;
    private SimPhones phones;
    private long group;
    private long notification;
    private long template;

    @Override
    void prepare(Path dir) {
        try {
            phones = SimPhones.start(PHONES, List.of("CP-8845")).register(t.admin(), "desk", "sim");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        group = t.server.services().groups().create("desks", "static", null, "", phones.deviceIds()).id();
    }

    @AfterAll
    void stopPhones() {
        if (phones != null) {
            phones.close();
        }
    }

    @Test
    @Order(1)
    void composeANotificationSendItAndSeeWhoAcknowledged() throws Exception {
        signIn(Role.OPERATOR);
        b.open("/notifications");
        b.click("#new-notification");
        b.type("#n-title", "Fire drill").type("#n-text", "Leave by the east stairs now.");
        new Select(b.find("#n-priority")).selectByValue("urgent");
        b.type("#n-tone", "Chime.raw");
        b.click("#n-ack");
        b.click("#nt-group");
        new Select(b.find("#nc-group")).selectByValue(Long.toString(group));
        b.click("#preview");
        b.await(d -> b.present("#preview-table"));
        assertThat(b.find("#preview-h").getText()).contains(PHONES + " of " + PHONES);
        b.shot("notification-new");
        b.click("#send");
        b.await(d -> b.path().matches("/notifications/\\d+"));
        notification = Long.parseLong(b.path().substring("/notifications/".length()));
        assertThat(b.find("#notification-text").getText()).isEqualTo("Leave by the east stairs now.");
        b.awaitText("#s-accepted", Integer.toString(PHONES)); // the page follows the receipts without a reload
        b.awaitText("#s-not-acknowledged", Integer.toString(PHONES));

        SimPhone pressed = phones.phone(phones.deviceIds().getFirst());
        URI inspect = phones.host().inspectionUri().orElseThrow();
        Http.Answer press = Http.at(inspect).send("POST", "/phones/" + pressed.name() + "/softkey/Acknowledge",
                "application/json", new byte[0]);
        assertThat(press.status()).as(press.body()).isEqualTo(200);
        b.awaitText("#s-acknowledged", "1");
        b.awaitText("#s-not-acknowledged", Integer.toString(PHONES - 1));
        String row = "tr[data-device='desk-" + pressed.index() + "']";
        assertThat(b.find(row + " .delivery").getText()).isEqualTo("acknowledged");
        assertThat(b.find(row + " .acked-at").getText()).endsWith("UTC");
        Receipts.Receipt acked = t.server.notifications().receipts().list(notification, true, Paging.first(10))
                .items().getFirst();
        assertThat(b.find(row).getText()).contains(Fmt.time(acked.acknowledgedAt())).contains("softkey");
        b.shot("notification");
        b.click("#f-not-acked");
        b.awaitText("#receipt-table", "accepted");
        assertThat(b.all("#receipt-table tbody tr")).hasSize(PHONES - 1);
        assertThat(b.present(row)).isFalse();
        b.open("/notifications");
        assertThat(b.find("#notifications").getText()).contains("Fire drill");
    }

    @Test
    @Order(2)
    void aTemplateIsRefusedBesideItsFieldThenSavedAndSent() {
        signIn(Role.OPERATOR);
        b.open("/templates/new");
        b.type("#t-name", "drill");
        b.type("#n-text", "Drill at {{time}} in {{room}}.");
        b.type("#v-name-0", "time").type("#v-max-0", "5");
        b.click("#save-template");
        // {{room}} is not declared: the service's problem is shown next to the text
        b.await(d -> b.present("#e-text"));
        assertThat(b.find("#e-text").getText()).contains("{{room}}");
        assertThat(b.find("#n-text").getAttribute("value")).contains("{{room}}"); // what was typed is kept
        b.shot("template-refused");
        b.type("#n-text", "Drill at {{time}}.");
        b.click("#save-template");
        b.await(d -> b.path().matches("/templates/\\d+"));
        template = Long.parseLong(b.path().substring("/templates/".length()));
        Template saved = t.server.notifications().templates().get(template);
        assertThat(saved.variables()).extracting(Template.Variable::name).containsExactly("time");
        assertThat(saved.variables().getFirst().maxLength()).isEqualTo(5);
        // a value longer than the variable allows is refused by the service, the form says so
        b.js("document.getElementById('sv-time').removeAttribute('maxlength')");
        b.type("#sv-time", "14:00:00");
        b.click("#st-all");
        b.click("#send-it");
        b.await(d -> b.present("#send-error"));
        assertThat(b.find("#send-error").getText()).contains("variables.time");
        b.type("#sv-time", "14:00");
        b.click("#st-all");
        b.click("#send-it");
        b.await(d -> b.path().matches("/notifications/\\d+"));
        b.awaitText("#notification-text", "Drill at 14:00.");
        b.open("/templates/" + template);
        b.shot("template");
    }

    @Test
    @Order(3)
    void aCronScheduleInAZoneShowsItsNextRunsAndIsDisabled() {
        signIn(Role.OPERATOR);
        b.open("/schedules/new");
        b.type("#s-sname", "weekday-drill");
        b.click("#s-cron");
        b.type("#s-cron-text", "0 9 * * MON-FRI").type("#s-zone", "Mars/Olympus");
        new Select(b.find("#s-template")).selectByValue(Long.toString(template));
        b.type("#s-variables", "time=09:00");
        b.click("#st-group");
        new Select(b.find("#sc-group")).selectByValue(Long.toString(group));
        b.click("#create-schedule");
        b.await(d -> b.present("#e-zone"));
        assertThat(b.find("#e-zone").getText()).contains("Mars/Olympus");
        b.type("#s-zone", "Europe/Zurich").type("#s-holidays", "2099-12-25");
        b.click("#create-schedule");
        b.await(d -> b.path().matches("/schedules/\\d+"));
        long id = Long.parseLong(b.path().substring("/schedules/".length()));
        Schedule s = t.server.notifications().schedules().get(id);
        assertThat(b.all("#next-runs li")).hasSize(s.nextRuns().size()).isNotEmpty();
        assertThat(b.find("#next-runs li").getText()).isEqualTo(Fmt.time(s.nextRuns().getFirst()));
        assertThat(b.find("#schedule-state").getText()).isEqualTo("enabled");
        b.open("/schedules");
        assertThat(b.find("#schedules").getText()).contains("weekday-drill").contains("0 9 * * MON-FRI")
                .contains("Europe/Zurich");
        b.shot("schedules");
        b.open("/schedules/" + id);
        b.click("#toggle-schedule");
        b.awaitText("#schedule-state", "disabled");
        assertThat(t.server.notifications().schedules().get(id).enabled()).isFalse();
        assertThat(b.present("#next-runs")).isFalse();
        // a schedule of a job: an action of the catalog with its parameters, refused first for a malformed line
        b.open("/schedules/new");
        b.type("#s-sname", "nightly-text");
        b.click("#s-cron");
        b.type("#s-cron-text", "30 18 * * *").type("#s-zone", "Europe/Zurich");
        b.click("#s-runs-job");
        new Select(b.find("#s-action")).selectByValue("object_text");
        b.type("#s-params", "Time to go home");
        b.click("#st-group");
        new Select(b.find("#sc-group")).selectByValue(Long.toString(group));
        b.click("#create-schedule");
        b.await(d -> b.present("#e-params"));
        assertThat(b.find("#e-params").getText()).contains("name=value");
        assertThat(b.find("#s-runs-job").isSelected()).isTrue();
        b.type("#s-params", "text=Time to go home");
        b.click("#create-schedule");
        b.await(d -> b.path().matches("/schedules/\\d+"));
        Schedule job = t.server.notifications().schedules().get(Long.parseLong(b.path().substring(11)));
        assertThat(job.runs().job().action()).isEqualTo("object_text");
        assertThat(job.runs().job().params().get("text").asString()).isEqualTo("Time to go home");
        assertThat(job.runs().job().target().groups()).containsExactly(group);
        assertThat(b.find("#schedule-facts").getText()).contains("a job of action object_text");
        b.open("/schedules");
        assertThat(b.find("#schedules").getText()).contains("nightly-text").contains("job object_text");
    }

    @Test
    @Order(4)
    void aViewerReadsButIsRefusedWhenPosting() {
        signIn(Role.VIEWER);
        b.open("/notifications/" + notification);
        assertThat(b.find("#s-acknowledged").getText()).isEqualTo("1");
        b.open("/notifications");
        assertThat(b.present("#new-notification")).isFalse();
        b.open("/templates/" + template);
        assertThat(b.present("#save-template")).isFalse();
        assertThat(b.present("#send-it")).isFalse();
        long jobs = t.server.services().jobs().service().views().list(new JobViews.Filter(null, null, null),
                Paging.first(100)).total();
        for (String[] post : List.of(new String[] {"/notifications", "text=hi&target=all"},
                new String[] {"/templates/" + template + "/send", "v.time=10:00&target=all"},
                new String[] {"/templates", "tname=x&text=hi"}, new String[] {"/schedules", "sname=x"})) {
            Http.Answer a = postForm(asBrowser(), post[0], "_csrf=" + csrf() + "&" + post[1]);
            assertThat(a.status()).as(post[0]).isEqualTo(403);
        }
        assertThat(t.server.services().jobs().service().views().list(new JobViews.Filter(null, null, null),
                Paging.first(100)).total()).isEqualTo(jobs);
        // an operator's form without the CSRF token is refused too
        signIn(Role.OPERATOR);
        Http.Answer noToken = postForm(asBrowser(), "/notifications", "text=hi&target=all");
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.body()).doesNotContain("Exception").doesNotContain("at io.phonectl");
    }
}

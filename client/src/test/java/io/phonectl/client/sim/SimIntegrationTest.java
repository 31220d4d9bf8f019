package io.phonectl.client.sim;

import io.phonectl.client.credentials.CredentialResolver;
import io.phonectl.client.callback.CallbackConfig;
import io.phonectl.client.callback.CallbackEvent;
import io.phonectl.client.callback.CallbackReceiver;
import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.fleet.CatalogPreflight;
import io.phonectl.client.fleet.FleetConfig;
import io.phonectl.client.fleet.FleetPush;
import io.phonectl.client.fleet.FleetReport;
import io.phonectl.client.fleet.PhoneResult;
import io.phonectl.client.fleet.RetryPolicy;
import io.phonectl.client.inventory.Inventory;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.inventory.Selector;
import io.phonectl.client.macro.MacroConfig;
import io.phonectl.client.macro.MacroReport;
import io.phonectl.client.macro.MacroRunner;
import io.phonectl.client.testing.StubPhones;
import io.phonectl.client.xsi.DevicePage;
import io.phonectl.client.xsi.OutcomeKind;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.client.xsi.QueryResult;
import io.phonectl.client.xsi.Screenshot;
import io.phonectl.client.xsi.TransportConfig;
import io.phonectl.client.xsi.XsiClient;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.sim.FleetHost;
import io.phonectl.sim.SimConfig;
import io.phonectl.sim.phone.SimPhone;
import io.phonectl.xsi.action.ActionCatalog;
import io.phonectl.xsi.push.XsiPush;
import io.phonectl.xsi.action.Outgoing;
import io.phonectl.xsi.component.Codec;
import io.phonectl.xsi.component.GetDeviceCapsResponse;
import io.phonectl.xsi.component.MediaMode;
import io.phonectl.xsi.component.MediaStream;
import io.phonectl.xsi.component.StartMedia;
import io.phonectl.xsi.component.StopMedia;
import io.phonectl.xsi.device.DeviceInformation;
import io.phonectl.xsi.device.DeviceLog;
import io.phonectl.xsi.device.EthernetInformation;
import io.phonectl.xsi.device.NetworkConfiguration;
import io.phonectl.xsi.device.PortInformation;
import io.phonectl.xsi.device.StreamingStatistics;
import io.phonectl.xsi.object.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The client against the simulated phones (branch sim), over loopback on ephemeral ports. */
class SimIntegrationTest {

    static final List<String> MODELS = List.of("CP-8845", "CP-7841", "CP-8851-3PCC", "CP-7942", "CP-8821", "CP-8875");
    static final Credentials ADMIN = Credentials.of("admin", "admin");
    static final Credentials WRONG = Credentials.of("admin", "not-the-password");

    @TempDir
    static Path dir;
    static FleetHost fleet;
    static XsiTransport transport;
    static Inventory inventory;

    @BeforeAll
    static void start() throws Exception {
        fleet = FleetHost.start(SimConfig.ephemeral(MODELS.size() * 5, MODELS).withFleetFile(dir.resolve("fleet.csv")));
        transport = XsiTransport.start(TransportConfig.DEFAULTS.withRequestTimeout(Duration.ofSeconds(5)));
        inventory = Inventory.read(dir.resolve("fleet.csv"));
    }

    @AfterAll
    static void stop() {
        transport.close();
        fleet.close();
    }

    static PhoneEntry first(String model) {
        return inventory.select(List.of(Selector.parse("model=" + model))).phones().getFirst();
    }

    static XsiClient client(String model, Credentials c) {
        return XsiClient.of(transport, first(model).address(), c);
    }

    @Test
    void fleetFileIsReadableAsAnInventory() {
        assertThat(inventory.size()).isEqualTo(30);
        assertThat(inventory.phones()).allSatisfy(p -> assertThat(p.user()).isEqualTo("admin"));
        assertThat(inventory.select(List.of(Selector.parse("model=8845"))).size()).isEqualTo(5);
    }

    @Test
    void everyDevicePageIsTyped() {
        XsiClient c = client("CP-8845", null);
        assertThat(c.page(DevicePage.DEVICE)).isInstanceOf(QueryResult.Ok.class);
        DeviceInformation d = c.page(DevicePage.DEVICE).orElseThrow();
        assertThat(d.modelNumber()).isEqualTo("CP-8845");
        NetworkConfiguration n = c.page(DevicePage.NETWORK).orElseThrow();
        assertThat(n.ipAddress()).isNotBlank();
        EthernetInformation e = c.page(DevicePage.ETHERNET).orElseThrow();
        assertThat(e.counters()).isNotEmpty();
        PortInformation p = c.page(DevicePage.PORT, 1).orElseThrow();
        assertThat(p.fields()).isNotEmpty();
        DeviceLog log = c.page(DevicePage.LOG, 0).orElseThrow();
        assertThat(log.entries()).isNotNull();
        StreamingStatistics s = c.page(DevicePage.STREAMING, 1).orElseThrow();
        assertThat(s.fields()).isNotEmpty();
        QueryResult<PortInformation> past = c.page(DevicePage.PORT, 9);
        assertThat(past).isInstanceOf(QueryResult.Failed.class);
        assertThat(((QueryResult.Failed<PortInformation>) past).outcome().detail()).contains("404");
    }

    @Test
    void screenshotsArePngOr79xxBmpOfTheModelsSizeAndWrongPasswordIsAnAuthFailure() {
        Screenshot png = client("CP-8845", ADMIN).screenshot().orElseThrow();
        assertThat(png.format()).isEqualTo(Screenshot.Format.PNG);
        assertThat(png.width()).isEqualTo(559);
        assertThat(png.height()).isEqualTo(265);
        Screenshot bmp = client("CP-7942", ADMIN).screenshot().orElseThrow();
        assertThat(bmp.format()).isEqualTo(Screenshot.Format.BMP);
        QueryResult<Screenshot> denied = client("CP-8845", WRONG).screenshot();
        assertThat(denied).isInstanceOf(QueryResult.Failed.class);
        assertThat(((QueryResult.Failed<Screenshot>) denied).outcome().kind()).isEqualTo(OutcomeKind.AUTH_FAILED);
    }

    @Test
    void deviceCaps() {
        GetDeviceCapsResponse caps = client("CP-8845", ADMIN).deviceCaps().orElseThrow();
        assertThat(caps.modelNumber()).isEqualTo("CP-8845");
        assertThat(caps.display().width()).isEqualTo(559);
    }

    @Test
    void pushOutcomesAcrossModels() throws Exception {
        PushOutcome ok = client("CP-8845", ADMIN).execute("Key:Services", "Key:Settings");
        assertThat(ok.kind()).as(ok.detail()).isEqualTo(OutcomeKind.EXECUTED);
        assertThat(((PushOutcome.Executed) ok).items()).hasSize(2);
        PushOutcome text = client("CP-8845", ADMIN).push(XsiPush.of(Text.builder().title("Fire drill").text("Leave by the stairs").build()));
        assertThat(text.succeeded()).as(text.detail()).isTrue();
        assertThat(client("CP-8845", WRONG).execute("Key:Services").kind()).isEqualTo(OutcomeKind.AUTH_FAILED);
        PushOutcome legacy = client("CP-7942", WRONG).execute("Key:Services");
        assertThat(legacy).isInstanceOfSatisfying(PushOutcome.PhoneError.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(200);
            assertThat(e.number()).isEqualTo(4);
        });
        assertThat(client("CP-8851-3PCC", ADMIN).execute("Key:Services").kind()).isEqualTo(OutcomeKind.ACCEPTED_NO_RESPONSE);
        PushOutcome held = client("CP-8845", ADMIN).push(XsiPush.of(io.phonectl.xsi.object.Execute.of("Play:Chime.raw")), Duration.ofMillis(200));
        assertThat(held.kind()).as(held.detail()).isEqualTo(OutcomeKind.TIMED_OUT);
        assertThat(((PushOutcome.TimedOut) held).phase()).isEqualTo(io.phonectl.client.xsi.Phase.RESPONSE);
        assertThat(client("CP-8845", ADMIN).push(XsiPush.of(io.phonectl.xsi.object.Execute.of("Play:Chime.raw")), Duration.ofSeconds(10)).kind())
                .isEqualTo(OutcomeKind.EXECUTED);
        assertThat(XsiClient.of(transport, StubPhones.closedPort(), ADMIN).execute("Key:Services").kind()).isEqualTo(OutcomeKind.REFUSED);
    }

    @Test
    void broadcastWithSomePhonesDownSlowAndWrongPassword() throws Exception {
        List<PhoneEntry> phones = new ArrayList<>(inventory.phones());
        PhoneEntry wrong = phones.get(0);
        phones.set(0, new PhoneEntry(wrong.name(), wrong.address(), wrong.model(), "", "env:WRONG"));
        PhoneAddress closed = StubPhones.closedPort();
        phones.add(new PhoneEntry("down-1", closed, "CP-8845", "admin", ""));
        try (StubPhones slow = StubPhones.one(StubPhones.silent())) {
            phones.add(new PhoneEntry("slow-1", slow.address(0), "CP-8845", "admin", ""));
            CredentialResolver env = new CredentialResolver(Map.of("PHONECTL_PASSWORD", "admin",
                    "WRONG_USER", "admin", "WRONG_PASSWORD", "nope"));
            FleetPush push = FleetPush.builder(transport).credentials(env).preflight(CatalogPreflight.standard())
                    .config(new FleetConfig(16, Duration.ofSeconds(20), Duration.ofMillis(1500),
                            new RetryPolicy(2, Duration.ofMillis(10), 2, Duration.ofMillis(50))))
                    .build();
            XsiPush action = XsiPush.of("display_off", io.phonectl.xsi.object.Execute.of("Display:Off:10"));
            FleetReport report = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> push.run(new Inventory(phones), action));
            assertThat(report.results()).hasSize(phones.size());
            for (PhoneResult r : report.results()) {
                String model = r.phone().model();
                OutcomeKind expected;
                if (r.phone().name().equals("down-1")) {
                    expected = OutcomeKind.REFUSED;
                } else if (r.phone().name().equals("slow-1")) {
                    expected = OutcomeKind.TIMED_OUT;
                } else if (r.phone() == phones.get(0)) {
                    expected = model.equals("CP-7841") ? OutcomeKind.UNSUPPORTED : OutcomeKind.AUTH_FAILED;
                } else if (model.equals("CP-7841") || model.equals("CP-8851-3PCC")) {
                    expected = OutcomeKind.UNSUPPORTED; // Display URI absent on 7800 and on MPP firmware
                } else {
                    expected = OutcomeKind.EXECUTED;
                }
                assertThat(r.outcome().kind()).as("%s %s: %s", r.phone().name(), model, r.outcome().detail()).isEqualTo(expected);
            }
            SimPhone sample = fleet.phone(inventory.select(List.of(Selector.parse("model=CP-8845"))).phones().get(1).name()).orElseThrow();
            assertThat(sample.device().displayOn()).isFalse();
        }
    }

    @Test
    void everyCatalogActionIsInvocableAndGetsADefiniteOutcome() {
        ActionCatalog catalog = ActionCatalog.standard();
        XsiClient c = client("CP-8845", ADMIN);
        int pushed = 0;
        for (var spec : catalog.actions()) {
            Outgoing out = catalog.build(spec.id(), spec.exampleParams());
            switch (out) {
                case Outgoing.DocumentPush d when !XsiPush.pushable(d.document()) ->
                    // CiscoIPPhoneError is what a phone answers: the one rule of what is pushable refuses it
                    assertThatThrownBy(() -> XsiPush.of(spec.id(), out)).as(spec.id())
                            .isInstanceOf(io.phonectl.xsi.XsiValidationException.class);
                case Outgoing.DocumentPush d -> {
                    PushOutcome o = c.push(XsiPush.of(spec.id(), out), Duration.ofSeconds(10));
                    assertThat(o).as(spec.id()).isNotNull();
                    assertThat(o.detail()).as(spec.id()).isNotBlank().doesNotContain("admin:admin");
                    pushed++;
                }
                case Outgoing.UriPush u -> {
                    XsiPush push = XsiPush.of(spec.id(), out);
                    assertThat(c.push(push, Duration.ofSeconds(10))).as(spec.id()).isNotNull();
                    assertThat(push.rootElement()).isEqualTo("CiscoIPPhoneExecute");
                    pushed++;
                }
                case Outgoing.HttpGet g -> assertThat(c.rawPage(g.path())).as(spec.id()).isNotNull();
                case Outgoing.UriReference r -> {
                    // lives inside other objects; nothing to send by itself
                }
            }
        }
        assertThat(pushed).isGreaterThan(50);
    }

    @Test
    void mediaStreamStartStopAndTheOnStoppedNotifyReachesTheCallbackReceiver() throws Exception {
        java.util.concurrent.BlockingQueue<CallbackEvent> events = new java.util.concurrent.LinkedBlockingQueue<>();
        Credentials notify = Credentials.of("notify", "n-secret");
        try (CallbackReceiver rx = CallbackReceiver.start(CallbackConfig.loopback(notify), events::add)) {
            // a CP-8845 no other test uses: the catalog-wide test leaves streams running on the first one
            XsiClient c = XsiClient.of(transport, inventory.select(List.of(Selector.parse("model=CP-8845"))).phones().get(3).address(), ADMIN);
            MediaStream stream = MediaStream.audio(Codec.G711, MediaMode.SEND, "127.0.0.1", 20480)
                    .withOnStopped(rx.notifyUri("127.0.0.1", "events").format());
            PushOutcome started = c.startMedia(new StartMedia(stream));
            assertThat(started.kind()).as(started.detail()).isEqualTo(OutcomeKind.MEDIA_STARTED);
            String id = ((PushOutcome.MediaStarted) started).streamId();
            PushOutcome unknown = c.stopMedia(new StopMedia("no-such-stream"));
            assertThat(unknown).isInstanceOfSatisfying(PushOutcome.MediaError.class,
                    e -> assertThat(e.type()).isEqualTo(io.phonectl.xsi.component.ErrorType.INVALID_RESOURCE_ID));
            // the simulated phone answers a stop as a parsable text/xml CiscoIPPhoneResponse (issue 16, docs/simulator.md);
            // a phone that answers an empty 200 instead is ACCEPTED_NO_RESPONSE, also a success (AnswerClassifierTest)
            PushOutcome stopped = c.stopMedia(new StopMedia(id));
            assertThat(stopped.kind()).as(stopped.detail()).isEqualTo(OutcomeKind.EXECUTED);
            CallbackEvent e = events.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(e).as("notifyMediaEvent from the phone").isInstanceOfSatisfying(CallbackEvent.Media.class,
                    m -> assertThat(m.event().streamId()).isEqualTo(id));
            // an MPP phone answers an empty 200 to anything, so only the pre-flight check can tell
            assertThat(client("CP-8851-3PCC", ADMIN).startMedia(new StartMedia(stream)).kind())
                    .isEqualTo(OutcomeKind.ACCEPTED_NO_RESPONSE);
            assertThat(CatalogPreflight.standard().check(first("CP-8851-3PCC"), XsiPush.of(new StartMedia(stream))))
                    .isInstanceOfSatisfying(io.phonectl.client.fleet.Preflight.Verdict.Skip.class,
                            skip -> assertThat(skip.outcome().kind()).isEqualTo(OutcomeKind.UNSUPPORTED));
        }
    }

    @Test
    void macrosRunAgainstTheSimulator() {
        MacroConfig fast = new MacroConfig(Duration.ofSeconds(30), Duration.ofMillis(1), 50);
        MacroRunner.Pacer noWait = d -> {
        };
        MacroReport prt = new MacroRunner(client("CP-8821", ADMIN), fast, noWait)
                .run(ActionCatalog.standard().macro("generate_problem_report").orElseThrow());
        assertThat(prt.succeeded()).as(prt.failure()).isTrue();
        PhoneEntry p8875 = first("CP-8875");
        MacroReport tftp = new MacroRunner(XsiClient.of(transport, p8875.address(), ADMIN), fast, noWait)
                .run(ActionCatalog.standard().macro("set_tftp_server_address_8875").orElseThrow());
        assertThat(tftp.succeeded()).as(tftp.failure()).isTrue();
        // the seed's keys type 1 . 0 0 . 7 . 3 4 . 1 (its label says "e.g. 1.0.0.7.34.1"): the keys are what is sent
        assertThat(fleet.phone(p8875.name()).orElseThrow().device().settings()).containsEntry("TFTPServer1", "1.00.7.34.1");
    }
}

package io.phonectl.server.readiness;

import io.phonectl.server.testing.ClosedPort;
import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.ServerTest;
import io.phonectl.server.testing.SimPhones;
import io.phonectl.sim.xapi.SimUser;
import io.phonectl.sim.xapi.SimulatedXapiDevice;
import io.phonectl.sim.xapi.XapiProduct;
import io.phonectl.sim.xapi.XapiSimConfig;
import io.phonectl.sim.xapi.XapiSimHost;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.schema.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness audits against simulated phones (good ones, one refusing the registry's credentials, one busy streaming,
 * one address where nothing listens, one without credentials) and simulated RoomOS devices (one registered, one not),
 * on H2 and PostgreSQL; and the trend.
 */
@ParameterizedClass
@EnumSource(Databases.class)
class ReadinessTest extends ServerTest {

    static final String ROOM_PASSWORD = "room-secret-readiness-31";

    SimPhones phones;
    XapiSimHost rooms;
    final Map<String, Long> ids = new HashMap<>();

    ClosedPort dead;

    @BeforeParameterizedClassInvocation
    void fleet() throws Exception {
        secret(SimPhones.PASSWORD);
        secret(ROOM_PASSWORD);
        phones = SimPhones.start(4, List.of("CP-8845", "CP-7841")).register(t.admin(), "p", "lab");
        assertThat(keep(t.admin().post("/api/v1/credentials", Map.of("name", "wrong", "user", SimPhones.USER,
                "secret", "not-the-phones-password"))).status()).isEqualTo(201);
        long refusing = phones.deviceIds().get(2); // a CP-8845: it serves /CGI/ModeInfo
        Http.Answer patch = keep(t.admin().patch("/api/v1/devices/" + refusing, Map.of("credentials", "wrong")));
        assertThat(patch.status()).as(patch.body()).isEqualTo(200);
        ids.put("refusing", refusing);
        dead = new ClosedPort(); // held, never listening: refused, and no other test's listener can take it
        ids.put("dead", device("dead", "127.0.0.1:" + dead.port(), "CP-8845", "lab"));
        ids.put("bare", device("bare", "127.0.0.1:" + phones.phone(phones.deviceIds().get(3)).address().getPort(),
                "CP-7841", null));

        rooms = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.ROOMOS, 2)
                .withUsers(List.of(new SimUser("admin", ROOM_PASSWORD, Role.ADMIN))));
        assertThat(keep(t.admin().post("/api/v1/credentials", Map.of("name", "rooms", "user", "admin",
                "secret", ROOM_PASSWORD))).status()).isEqualTo(201);
        for (SimulatedXapiDevice d : rooms.devices()) {
            ids.put("room" + d.index(), device("room-" + d.name(), d.host() + ":" + d.port(), "roomos", "rooms"));
        }
        // a simulated room starts registered; the second one's registration fails
        assertThat(rooms.device(1).changeStatus(XPath.parseWords("Status SIP Registration 1 Status"),
                StringNode.valueOf("Failed"))).isTrue();
    }

    long device(String name, String address, String model, String credentials) {
        Map<String, Object> d = new HashMap<>(Map.of("name", name, "address", address, "model", model));
        if (credentials != null) {
            d.put("credentials", credentials);
        }
        Http.Answer a = keep(t.admin().post("/api/v1/devices", d));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().get("id").asLong();
    }

    @AfterParameterizedClassInvocation
    void stop() throws Exception {
        if (dead != null) {
            dead.close();
        }
        if (phones != null) {
            phones.close();
        }
        if (rooms != null) {
            rooms.close();
        }
    }

    long audit(Map<String, Object> params) {
        Http.Answer a = keep(t.admin().post("/api/v1/jobs", Map.of("name", "nightly", "target", Map.of("all", true),
                "action", "readiness", "params", params, "options", Map.of("attempts", 1, "timeoutMillis", 3000))));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        long id = a.json().get("id").asLong();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> t.admin().get("/api/v1/jobs/" + id).json().get("state").asString().equals("done"));
        return id;
    }

    Map<Long, JsonNode> items(long job) {
        Map<Long, JsonNode> out = new HashMap<>();
        keep(t.admin().get("/api/v1/jobs/" + job + "/items?limit=100")).json().get("items")
                .forEach(i -> out.put(i.get("deviceId").asLong(), i));
        return out;
    }

    /** READY, the reason code of a NOT_READY item, or the outcome of an item the checks never ran for. */
    static String reason(JsonNode item) {
        String outcome = item.get("outcome").asString();
        if (!outcome.equals("NOT_READY")) {
            return outcome;
        }
        return item.get("detail").asString().split(":")[0];
    }

    @Test
    void everyDeviceIsReadyOrNotReadyWithItsReasonAndTheTrendKeepsIt() {
        // one phone streaming: its media resources are taken
        long busy = phones.deviceIds().getFirst();
        Http.Answer media = keep(t.admin().post("/api/v1/devices/" + busy + "/actions", Map.of("action", "start_media",
                "params", Map.of("ip", "127.0.0.1", "port", 20480 + 2 * java.util.concurrent.ThreadLocalRandom.current()
                        .nextInt(6000)))));
        assertThat(media.json().get("outcome").asString()).as(media.body()).isEqualTo("MEDIA_STARTED");
        int executed = phones.deviceIds().stream().mapToInt(d -> phones.phone(d).history().executed().size()).sum();

        long job = audit(Map.of());
        Map<Long, JsonNode> items = items(job);
        assertThat(items).hasSize(8);
        assertThat(reason(items.get(busy))).as(items.get(busy).toString()).isEqualTo("MEDIA_BUSY");
        assertThat(reason(items.get(phones.deviceIds().get(1)))).as(items.get(phones.deviceIds().get(1)).toString())
                .isEqualTo("READY");
        assertThat(reason(items.get(phones.deviceIds().get(3)))).isEqualTo("READY");
        assertThat(reason(items.get(ids.get("refusing")))).as(items.get(ids.get("refusing")).toString())
                .isEqualTo("CREDENTIALS_REFUSED");
        assertThat(reason(items.get(ids.get("dead")))).as(items.get(ids.get("dead")).toString())
                .isEqualTo("UNREACHABLE");
        assertThat(reason(items.get(ids.get("bare")))).isEqualTo("NO_CREDENTIALS");
        assertThat(reason(items.get(ids.get("room0")))).as(items.get(ids.get("room0")).toString()).isEqualTo("READY");
        assertThat(reason(items.get(ids.get("room1")))).as(items.get(ids.get("room1")).toString())
                .isEqualTo("NOT_SIGNED_IN");
        // the audit only reads: no phone executed anything more
        assertThat(phones.deviceIds().stream().mapToInt(d -> phones.phone(d).history().executed().size()).sum())
                .isEqualTo(executed);

        JsonNode trend = keep(t.admin().get("/api/v1/readiness?limit=5")).json();
        assertThat(trend.get("reasons").size()).isEqualTo(ReadinessReason.values().length);
        JsonNode latest = trend.get("audits").get(0);
        assertThat(latest.get("job").asLong()).isEqualTo(job);
        assertThat(latest.get("ready").asInt()).as(latest.toString()).isEqualTo(3);
        assertThat(latest.get("notReady").asInt()).isEqualTo(5);
        assertThat(latest.get("reasons").get("MEDIA_BUSY").asInt()).isEqualTo(1);
        assertThat(latest.get("reasons").get("NO_CREDENTIALS").asInt()).isEqualTo(1);
        assertThat(latest.get("readyPercent").asDouble()).isEqualTo(37.5);
        // read again: the kept summary says the same
        assertThat(keep(t.admin().get("/api/v1/readiness?limit=5")).json().get("audits").get(0)).isEqualTo(latest);
        // stop the stream again for the other tests
        keep(t.admin().post("/api/v1/devices/" + busy + "/actions", Map.of("action", "stop_media")));
    }

    @Test
    void theModelCatalogDecidesWhetherTheChosenNotificationCanBeShown() {
        String action = null;
        for (JsonNode a : keep(t.admin().get("/api/v1/catalog/actions")).json().get("items")) {
            JsonNode s = a.get("support");
            if (s != null && !s.isNull() && s.get("supported").toString().contains("\"CP-8845\"")
                    && !s.get("supported").toString().contains("\"CP-7841\"")) {
                action = a.get("id").asString();
                break;
            }
        }
        assertThat(action).as("an action the 8845 can do and the 7841 cannot").isNotNull();
        Map<Long, JsonNode> items = items(audit(Map.of("notification", action)));
        // phones 1 and 3 are CP-7841s, 0 an 8845 (2 is an 8845 whose credentials are refused first)
        assertThat(reason(items.get(phones.deviceIds().get(3)))).as(action).isEqualTo("MODEL_UNSUPPORTED");
        assertThat(reason(items.get(phones.deviceIds().get(1)))).as(action).isEqualTo("MODEL_UNSUPPORTED");
        assertThat(reason(items.get(phones.deviceIds().get(0)))).as(action).isIn("READY", "MEDIA_BUSY");
    }

    @Test
    void parametersAreCheckedWhenTheAuditIsCreated() {
        Http.Answer unknown = keep(t.admin().post("/api/v1/jobs", Map.of("target", Map.of("all", true),
                "action", "readiness", "params", Map.of("notification", "no_such_action"))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asString()).isEqualTo("params.notification");
        Http.Answer other = keep(t.admin().post("/api/v1/jobs", Map.of("target", Map.of("all", true),
                "action", "readiness", "params", Map.of("colour", "red"))));
        assertThat(other.json().get("field").asString()).isEqualTo("params.colour");
        assertThat(keep(t.admin().get("/api/v1/readiness?limit=0")).status()).isEqualTo(400);
        assertThat(keep(t.http().get("/api/v1/readiness")).status()).isEqualTo(401);
    }
}

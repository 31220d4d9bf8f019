package io.phonectl.server.api;

import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.ServerTest;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input never crashes the service: seeded random mutations of valid device bodies, import files and selectors
 * are each answered by a problem (4xx) or accepted, never a 500, and the service keeps answering.
 */
@ParameterizedClass
@EnumSource(Databases.class)
class ApiFuzzTest extends ServerTest {

    static final List<String> SEEDS_JSON = List.of(
            "{\"name\":\"fz\",\"address\":\"127.0.0.1:8080\",\"model\":\"CP-8845\",\"site\":\"a\",\"tags\":[\"x\"],\"credentials\":\"lab\"}",
            "{\"name\":\"g\",\"kind\":\"dynamic\",\"selector\":\"model=8845;tag=x\"}");
    static final String SEED_CSV = "name,address,model,user,credentials,site,tags\nfz-1,127.0.0.1:7001,CP-8845,,,lab,a;b\n";
    static final String SEED_WHERE = "model=CP-88*,7841;site!=hq;tag=a_b%;name=fz-*";

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void mutatedInputsAreProblemsNotCrashes(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Http admin = t.admin();
        for (int i = 0; i < 60; i++) {
            String body = mutate(SEEDS_JSON.get(i % 2), random);
            String path = i % 2 == 0 ? "/api/v1/devices" : "/api/v1/groups";
            check(admin.send("POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8)), path, body);
            String csv = mutate(SEED_CSV, random);
            check(admin.send("POST", "/api/v1/devices/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8)),
                    "import", csv);
            String where = java.net.URLEncoder.encode(mutate(SEED_WHERE, random), StandardCharsets.UTF_8);
            check(admin.get("/api/v1/devices?limit=5&where=" + where), "where", where);
            check(admin.get("/api/v1/devices?sort=name&cursor=" + java.net.URLEncoder.encode(mutate("MTIKbmFtZQ", random),
                    StandardCharsets.UTF_8)), "cursor", "");
            String login = mutate("{\"name\":\"admin\",\"password\":\"wrong-password-1\"}", random);
            check(t.http().send("POST", "/api/v1/session", "application/json", login.getBytes(StandardCharsets.UTF_8)),
                    "login", login);
        }
        assertThat(t.http().get("/health").status()).isEqualTo(200);
    }

    private void check(Http.Answer a, String what, String input) {
        assertThat(a.status()).as(what + " <- " + input + " -> " + a.body()).isLessThan(500);
        if (a.status() >= 400) {
            assertThat(a.contentType()).as(what).startsWith("application/problem+json");
        }
    }

    /** A few random edits: delete, duplicate, or replace a character (sometimes with a special one). */
    static String mutate(String s, SplittableRandom r) {
        StringBuilder sb = new StringBuilder(s);
        String specials = "\"{}[],:;=!*%_\\\n\u0000\u00e9\ud83d\ude00'";
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = r.nextInt(sb.length());
            switch (r.nextInt(3)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, sb.charAt(at));
                default -> sb.setCharAt(at, specials.charAt(r.nextInt(specials.length())));
            }
        }
        return sb.toString();
    }
}

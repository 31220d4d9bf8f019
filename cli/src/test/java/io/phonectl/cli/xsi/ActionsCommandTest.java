package io.phonectl.cli.xsi;

import io.phonectl.cli.exit.ExitCode;
import io.phonectl.cli.Main;
import io.phonectl.xsi.action.ActionCatalog;
import io.phonectl.xsi.action.ActionKind;
import io.phonectl.xsi.action.ActionSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ActionsCommandTest {

    @Test
    void listsExactlyThe114ActionIds() {
        CliRun r = CliRun.of("xsi", "actions");
        assertThat(r.exit()).isEqualTo(ExitCode.OK);
        List<String> ids = Arrays.stream(r.outLines()).map(l -> l.split("\\s+")[0]).toList();
        assertThat(ids).hasSize(114).doesNotHaveDuplicates()
                .containsExactlyElementsOf(ActionCatalog.standard().actions().stream().map(ActionSpec::id).toList());
        assertThat(r.err()).isEmpty();
    }

    @Test
    void lineShowsParametersWithTheirRules() {
        CliRun r = CliRun.of("xsi", "actions");
        assertThat(r.out()).containsPattern("(?m)^key_line\\s+action\\s+Key:Line\\{n}\\s+n:integer 1\\.\\.120$");
        assertThat(r.out()).containsPattern("(?m)^rtp_rx_start .*v:integer 0\\.\\.100 optional");
    }

    @ParameterizedTest
    @CsvSource({"action, ACTION", "query, QUERY"})
    void filtersByKind(String kind, ActionKind expected) {
        CliRun r = CliRun.of("xsi", "actions", "--kind", kind);
        assertThat(r.exit()).isEqualTo(ExitCode.OK);
        assertThat(r.outLines()).hasSize(ActionCatalog.standard().actions(expected).size())
                .allMatch(l -> l.split("\\s+")[1].equals(kind));
    }

    @Test
    void unknownKindIsBadInput() {
        CliRun r = CliRun.of("xsi", "actions", "--kind", "macro");
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("--kind").contains("macro");
    }

    @Test
    void jsonHasEveryActionAndParameter() {
        CliRun r = CliRun.of("xsi", "actions", "--json");
        assertThat(r.exit()).isEqualTo(ExitCode.OK);
        JsonNode array = JsonMapper.builder().build().readTree(r.out());
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get("id").asString()));
        assertThat(ids).hasSize(114);
        JsonNode rtp = array.get(ids.indexOf("rtp_rx_start"));
        assertThat(rtp.get("kind").asString()).isEqualTo("action");
        JsonNode p = rtp.get("params").get(1);
        assertThat(p.get("name").asString()).isEqualTo("p");
        assertThat(p.get("range").get("min").asLong()).isEqualTo(20480);
        assertThat(p.get("range").get("max").asLong()).isEqualTo(32768);
        assertThat(p.get("required").asBoolean()).isTrue();
    }
}

package io.phonectl.xapi.tree;

import io.phonectl.xapi.XapiValidationException;
import io.phonectl.xapi.call.XapiCalls;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.rpc.RpcCodec;
import io.phonectl.xapi.rpc.WsJsonTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TreesTest {

    static Branch device() {
        Branch t = Branch.EMPTY;
        t = Trees.set(t, XPath.of("Status", "SIP", "CallForward", "DisplayName"), Leaf.string("my-name")).tree();
        t = Trees.set(t, XPath.of("Status", "SystemUnit", "Software", "DisplayName"), Leaf.string("ce 9.7.1 ...")).tree();
        t = Trees.set(t, XPath.of("Status", "SystemUnit", "Uptime"), Leaf.integer(62974)).tree();
        t = Trees.set(t, XPath.of("Status", "Call", 1, "Status"), Leaf.literal("Connected")).tree();
        t = Trees.set(t, XPath.of("Status", "Call", 2, "Status"), Leaf.literal("Ringing")).tree();
        t = Trees.set(t, XPath.of("Status", "SystemUnit", "Hardware", "Monitoring", "Fan", 2, "Status"), Leaf.string("2372 rpm")).tree();
        t = Trees.set(t, XPath.of("Status", "AirPlay", "Activity"), Leaf.literal("Idle")).tree();
        return t;
    }

    @ParameterizedTest
    @CsvSource({
            "status systemunit uptime,          Status SystemUnit Uptime",
            "STATUS AIRPLAY ACTIVITY,           Status AirPlay Activity",
            "Status Airplay activity,           Status AirPlay Activity",
            "status call 2 status,              Status Call 2 Status",
            "Status SystemUnit Hardware Monitoring Fan 2 Status, Status SystemUnit Hardware Monitoring Fan 2 Status"})
    void getMatchesIgnoringCaseAndAnswersCanonicalCasing(String asked, String canonical) {
        Trees.Found f = Trees.get(device(), XPath.parseWords(asked)).orElseThrow();
        assertThat(f.path()).isEqualTo(XPath.parseWords(canonical));
    }

    @Test
    void getOfMissingNodesAndWildcards() {
        assertThat(Trees.get(device(), XPath.parseWords("Status Call 3 Status"))).isEmpty();
        assertThat(Trees.get(device(), XPath.parseWords("Status Nope"))).isEmpty();
        assertThatThrownBy(() -> Trees.get(device(), XPath.of("Status", "**", "Uptime")))
                .isInstanceOf(XapiValidationException.class).hasMessageContaining("xQuery");
    }

    @Test
    void getResultIsRelativeAndArraysCarryNumericIds() {
        assertThat(XapiCalls.getResult(Trees.get(device(), XPath.of("Status", "Call")).orElseThrow().node()))
                .isEqualTo(RpcCodec.readTree("[{\"Status\":\"Connected\",\"id\":1},{\"Status\":\"Ringing\",\"id\":2}]"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Status ** DisplayName | {\"Status\":{\"SIP\":{\"CallForward\":{\"DisplayName\":\"my-name\"}},\"SystemUnit\":{\"Software\":{\"DisplayName\":\"ce 9.7.1 ...\"}}}}",
            "Status ** Uptime      | {\"Status\":{\"SystemUnit\":{\"Uptime\":62974}}}",
            "Status ** SystemUnit Uptime | {\"Status\":{\"SystemUnit\":{\"Uptime\":62974}}}",
            "status call status    | {\"Status\":{\"Call\":[{\"Status\":\"Connected\",\"id\":1},{\"Status\":\"Ringing\",\"id\":2}]}}",
            "Status Call 2         | {\"Status\":{\"Call\":[{\"Status\":\"Ringing\",\"id\":2}]}}",
            "Status ** Fan 2 Status | {\"Status\":{\"SystemUnit\":{\"Hardware\":{\"Monitoring\":{\"Fan\":[{\"Status\":\"2372 rpm\",\"id\":2}]}}}}}",
            "Status AirPlay         | {\"Status\":{\"AirPlay\":{\"Activity\":\"Idle\"}}}"})
    void queryWithWildcardsStartsAtTheDocument(String query, String expected) {
        Branch result = Trees.query(device(), XPath.parseWords(query.replace("**", "//"))).orElseThrow();
        assertThat(WsJsonTree.toJson(result)).isEqualTo(RpcCodec.readTree(expected));
    }

    @Test
    void queryWithoutMatchIsEmpty() {
        assertThat(Trees.query(device(), XPath.parseWords("Status // Nothing"))).isEmpty();
    }

    @Test
    void setProducesSparseFeedbackOnlyForChanges() {
        Branch t = device();
        Trees.Change same = Trees.set(t, XPath.parseWords("status systemunit uptime"), Leaf.integer(62974));
        assertThat(same.feedback()).isEmpty();
        Trees.Change up = Trees.set(t, XPath.parseWords("status systemunit uptime"), Leaf.integer(62975));
        assertThat(WsJsonTree.toJson(up.feedback().orElseThrow()))
                .isEqualTo(RpcCodec.readTree("{\"Status\":{\"SystemUnit\":{\"Uptime\":62975}}}"));
        // canonical casing is kept when the caller's casing differs
        assertThat(up.tree().child("Status").orElseThrow()).isInstanceOf(Branch.class);
        assertThat(((Branch) up.tree().child("Status").orElseThrow()).children()).containsKey("SystemUnit");
    }

    @Test
    void removedInstancesBecomeGhostsAndMergeDeletesThem() {
        Branch t = device();
        Trees.Change gone = Trees.remove(t, XPath.of("Status", "Call", 1));
        assertThat(WsJsonTree.toJson(gone.feedback().orElseThrow()))
                .isEqualTo(RpcCodec.readTree("{\"Status\":{\"Call\":[{\"id\":1,\"ghost\":\"True\"}]}}"));
        Node cache = Trees.merge(t, gone.feedback().orElseThrow());
        assertThat(cache).isEqualTo(gone.tree());
        assertThat(Trees.get((Branch) cache, XPath.of("Status", "Call", 1))).isEmpty();
        assertThat(Trees.get((Branch) cache, XPath.of("Status", "Call", 2, "Status"))).isPresent();
    }

    @Test
    void removingAMissingNodeChangesNothing() {
        assertThat(Trees.remove(device(), XPath.of("Status", "Call", 9)).feedback()).isEmpty();
    }

    @Test
    void mergeAppliesSparseFeedbackToACache() {
        Branch sparse = (Branch) WsJsonTree.fromJson(RpcCodec.readTree(
                "{\"Status\":{\"Call\":[{\"Status\":\"Connected\",\"id\":2},{\"Status\":\"Dialling\",\"id\":3}]}}"));
        Branch cache = (Branch) Trees.merge(device(), sparse);
        assertThat(Trees.get(cache, XPath.of("Status", "Call", 2, "Status")).orElseThrow().node())
                .isEqualTo(Leaf.string("Connected"));
        assertThat(Trees.get(cache, XPath.of("Status", "Call", 3, "Status"))).isPresent();
        assertThat(Trees.get(cache, XPath.of("Status", "Uptime"))).isEmpty();
        assertThat(Trees.get(cache, XPath.of("Status", "SystemUnit", "Uptime"))).isPresent();
    }

    @Test
    void selectGivesASubscriptionOnlyItsPartIncludingGhosts() {
        Branch t = device();
        Branch feedback = Trees.remove(t, XPath.of("Status", "Call", 1)).feedback().orElseThrow();
        assertThat(Trees.select(feedback, XPath.parseWords("Status Call"))).contains(feedback);
        assertThat(Trees.select(feedback, XPath.parseWords("Status Call 1"))).contains(feedback);
        assertThat(Trees.select(feedback, XPath.parseWords("Status Call 2"))).isEmpty();
        assertThat(Trees.select(feedback, XPath.parseWords("Status Video Selfview"))).isEmpty();
        Branch mode = Trees.set(t, XPath.of("Status", "Video", "Selfview", "Mode"), Leaf.literal("On")).feedback().orElseThrow();
        assertThat(Trees.select(mode, XPath.parseWords("status video selfview"))).contains(mode);
        assertThat(Trees.select(mode, XPath.parseWords("Status"))).contains(mode);
    }
}

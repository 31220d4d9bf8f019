package io.phonectl.xapi.call;

import io.phonectl.xapi.RpcId;
import io.phonectl.xapi.XapiRpcException;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.rpc.RpcCodec;
import io.phonectl.xapi.rpc.RpcMessage;
import io.phonectl.xapi.tree.Branch;
import io.phonectl.xapi.tree.Leaf;
import io.phonectl.xapi.tree.Trees;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubscriptionsTest {

    @Test
    void idsAreIntegersFromOneAndTheLimitHoldsBothSides() {
        Subscriptions s = new Subscriptions(3);
        assertThat(List.of(s.subscribe(XPath.of("Status")), s.subscribe(XPath.of("Status")), s.subscribe(XPath.of("Event"))))
                .containsExactly(1L, 2L, 3L);
        assertThatThrownBy(() -> s.subscribe(XPath.of("Status"))).isInstanceOf(XapiRpcException.SubscriberCountExceeded.class)
                .satisfies(e -> assertThat(((XapiRpcException) e).code()).isEqualTo(-31998));
    }

    @Test
    void unknownIdIsTheGuidesError() {
        Subscriptions s = new Subscriptions();
        XapiRpcException e = org.junit.jupiter.api.Assertions.assertThrows(XapiRpcException.class, () -> s.unsubscribe(4));
        assertThat(RpcCodec.render(new RpcMessage.Error(RpcId.of(114), e.error()))).isEqualTo(
                "{\"jsonrpc\":\"2.0\",\"id\":114,\"error\":{\"code\":-32602,\"message\":\"Unknown subscription Id\",\"data\":{\"Id\":4}}}");
    }

    @Test
    void changesFanOutToMatchingSubscriptionsByIdAsTheGuideShows() {
        Subscriptions s = new Subscriptions();
        long selfview = s.subscribe(XPath.parseWords("Status Video Selfview"));
        s.subscribe(XPath.parseWords("Status Audio"));
        long again = s.subscribe(XPath.parseWords("status video"));
        Branch tree = Trees.set(Branch.EMPTY, XPath.parseWords("Status Video Selfview Mode"), Leaf.literal("Off")).tree();
        Branch change = Trees.set(tree, XPath.parseWords("Status Video Selfview Mode"), Leaf.literal("On")).feedback().orElseThrow();
        List<RpcMessage.Notification> out = s.notifications(change);
        assertThat(out).hasSize(2);
        assertThat(RpcCodec.readTree(RpcCodec.render(out.getFirst()))).isEqualTo(RpcCodec.readTree(
                "{\"jsonrpc\":\"2.0\",\"method\":\"xFeedback/Event\",\"params\":{\"Id\":1,\"Status\":{\"Video\":{\"Selfview\":{\"Mode\":\"On\"}}}}}"));
        assertThat(XapiCalls.readFeedback(out.get(1)).id()).isEqualTo(again);
        s.unsubscribe(selfview);
        assertThat(s.notifications(change)).hasSize(1);
        assertThat(s.deregister(XPath.parseWords("Status Video"))).isEqualTo(1);
        assertThat(s.notifications(change)).isEmpty();
    }

    @Test
    void notifyCurrentValueSendsTheGuidesFirstNotification() {
        Branch device = Trees.set(Branch.EMPTY, XPath.parseWords("Status Video Selfview"), Branch.of(
                "FullscreenMode", Leaf.literal("Off"), "Mode", Leaf.literal("Off"), "OnMonitorRole", Leaf.literal("First"),
                "PIPPosition", Leaf.literal("CenterRight"))).tree();
        Branch withVolume = Trees.set(device, XPath.parseWords("Status Audio Volume"), Leaf.integer(50)).tree();
        Subscriptions s = new Subscriptions();
        long id = s.subscribe(XPath.parseWords("status video selfview"));
        assertThat(RpcCodec.readTree(RpcCodec.render(s.currentValue(id, withVolume).orElseThrow()))).isEqualTo(RpcCodec.readTree(
                "{\"jsonrpc\":\"2.0\",\"method\":\"xFeedback/Event\",\"params\":{\"Id\":1,\"Status\":{\"Video\":{\"Selfview\":{"
                        + "\"FullscreenMode\":\"Off\",\"Mode\":\"Off\",\"OnMonitorRole\":\"First\",\"PIPPosition\":\"CenterRight\"}}}}}"));
        assertThat(s.currentValue(s.subscribe(XPath.parseWords("Status Nothing")), withVolume)).isEmpty();
        assertThatThrownBy(() -> s.currentValue(99, withVolume)).isInstanceOf(XapiRpcException.InvalidParams.class);
    }
}

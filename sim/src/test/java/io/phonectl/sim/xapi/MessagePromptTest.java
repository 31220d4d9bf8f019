package io.phonectl.sim.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * On-screen alerts, prompts and sounds, commanded through a plain WebSocket; a prompt answered by the person in the
 * room reaches a plain HttpFeedback receiver (the JDK's HttpServer) as UserInterface Message Prompt Response with
 * the prompt's FeedbackId; a replaced prompt is Cleared.
 */
class MessagePromptTest {

    private static String call(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"xCommand/" + method + "\",\"params\":" + params + "}";
    }

    @Test
    void aPromptAnsweredInTheRoomRaisesItsResponse() throws Exception {
        BlockingQueue<String> posts = new LinkedBlockingQueue<>();
        HttpServer rx = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        rx.createContext("/hook", ex -> {
            posts.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        rx.start();
        try (XapiSimHost host = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.ROOMOS, 1));
             PlainWs ws = PlainWs.basic(host.device(0).wsUri(), "admin", "")) {
            SimulatedXapiDevice d = host.device(0);
            assertThat(ws.call(call("HttpFeedback/Register", "{\"FeedbackSlot\":4,\"Format\":\"JSON\",\"ServerUrl\":"
                    + "\"http://127.0.0.1:" + rx.getAddress().getPort() + "/hook\",\"Expression\":"
                    + "[\"/Event/UserInterface/Message/Prompt\"]}")).at("/result/status").asString()).isEqualTo("OK");
            assertThat(ws.call(call("UserInterface/Message/Alert/Display",
                    "{\"Title\":\"Fire drill\",\"Text\":\"At 14:00\",\"Duration\":60}")).at("/result/status").asString())
                    .isEqualTo("OK");
            assertThat(d.message().at("/alert/Text").asString()).isEqualTo("At 14:00");
            assertThat(ws.call(call("Audio/Sound/Play", "{\"Sound\":\"Alert\"}")).has("result")).isTrue();
            assertThat(d.message().get("sound").asString()).isEqualTo("Alert");
            assertThat(ws.call(call("Audio/Sound/Play", "{\"Sound\":\"Trumpet\"}")).has("error")).isTrue();
            assertThat(ws.call(call("UserInterface/Message/Prompt/Display",
                    "{\"Text\":\"Please acknowledge\",\"FeedbackId\":\"tok-1\",\"Option.1\":\"Acknowledge\"}"))
                    .at("/result/status").asString()).isEqualTo("OK");
            assertThat(d.answerPrompt(2)).isFalse();
            assertThat(d.answerPrompt(1)).isTrue();
            JsonNode ev = io.phonectl.xapi.rpc.RpcCodec.readTree(posts.poll(5, TimeUnit.SECONDS));
            assertThat(ev.at("/Event/UserInterface/Message/Prompt/Response/FeedbackId").asString()).isEqualTo("tok-1");
            assertThat(ev.at("/Event/UserInterface/Message/Prompt/Response/OptionId").asInt()).isEqualTo(1);
            assertThat(d.message().get("prompt").isNull()).isTrue();
            assertThat(d.answerPrompt(1)).isFalse();
            ws.call(call("UserInterface/Message/Prompt/Display", "{\"Text\":\"a\",\"FeedbackId\":\"a\",\"Option.1\":\"x\"}"));
            ws.call(call("UserInterface/Message/Prompt/Display", "{\"Text\":\"b\",\"FeedbackId\":\"b\",\"Option.1\":\"y\"}"));
            JsonNode cleared = io.phonectl.xapi.rpc.RpcCodec.readTree(posts.poll(5, TimeUnit.SECONDS));
            assertThat(cleared.at("/Event/UserInterface/Message/Prompt/Cleared/FeedbackId").asString()).isEqualTo("a");
        } finally {
            rx.stop(0);
        }
    }

    /**
     * The same answer, given through the inspection API over plain HTTP, reaches a WebSocket subscriber of the event
     * as {@code xFeedback/Event} (what a service holding a live connection to the room sees).
     */
    @Test
    void aPromptAnsweredThroughTheInspectionApiReachesWebSocketSubscribers() throws Exception {
        try (XapiSimHost host = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.ROOMOS, 1));
             io.phonectl.sim.inspect.InspectionServer inspection = io.phonectl.sim.inspect.InspectionServer.start(
                     "127.0.0.1", 0, io.phonectl.sim.inspect.InspectionApi.forDevices(host.devices()));
             PlainWs ws = PlainWs.basic(host.device(0).wsUri(), "admin", "")) {
            JsonNode sub = ws.call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"xFeedback/Subscribe\",\"params\":"
                    + "{\"Query\":[\"Event\",\"UserInterface\",\"Message\",\"Prompt\",\"Response\"]}}");
            int id = sub.at("/result/Id").asInt();
            assertThat(ws.call(call("UserInterface/Message/Prompt/Display",
                    "{\"Text\":\"Acknowledge?\",\"FeedbackId\":\"tok-ws\",\"Option.1\":\"Acknowledge\"}"))
                    .at("/result/status").asString()).isEqualTo("OK");
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(inspection.uri().resolve("/devices/" + host.device(0).name()
                            + "/answer/1")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"known\":true");
            JsonNode feedback = ws.next();
            assertThat(feedback.get("method").asString()).isEqualTo("xFeedback/Event");
            assertThat(feedback.at("/params/Id").asInt()).isEqualTo(id);
            assertThat(feedback.at("/params/Event/UserInterface/Message/Prompt/Response/FeedbackId").asString())
                    .isEqualTo("tok-ws");
            assertThat(feedback.at("/params/Event/UserInterface/Message/Prompt/Response/OptionId").asInt()).isEqualTo(1);
        }
    }
}

package io.phonectl.server.api;

import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Json;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;
import io.phonectl.server.notify.AckSink;
import io.phonectl.server.notify.Notifications;
import io.phonectl.server.notify.PromptAnswers;
import io.phonectl.server.notify.Receipts;
import io.phonectl.xsi.codec.XsiCodec;
import io.phonectl.xsi.object.SoftKeyItem;
import io.phonectl.xsi.object.Text;
import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * Notifications are jobs of action {@code notification} (created with {@code POST /api/v1/jobs}); here: their proof
 * of delivery, and the two doors acknowledgements come in by, open to devices (the one-time token is the
 * credential): the Acknowledge softkey's URL, and RoomOS HttpFeedback posts of prompt answers.
 */
public final class NotificationResource {

    private static final String BASE = "/api/v1/notifications";
    /** A prompt answer is a few hundred bytes of JSON; a device's whole post is capped well above that. */
    static final long MAX_FEEDBACK = 16 * 1024;

    private NotificationResource() {
    }

    public static List<Route> routes(Notifications n) {
        return List.of(
                Route.get(BASE + "/{id}").role(Role.VIEWER)
                        .doc("notifications", "A notification job's delivery: accepted, failed, acknowledged, never acknowledged")
                        .response(Receipts.Summary.class).handler(ex -> Reply.ok(n.receipts().summary(ex.id("id")))),
                Route.get(BASE + "/{id}/receipts").role(Role.VIEWER)
                        .doc("notifications", "Per device: queued, sent, accepted, acknowledged with their times")
                        .paged().query("acknowledged", "boolean", "true: who acknowledged; false: who did not (yet)")
                        .responsePage(Receipts.Receipt.class).handler(ex -> {
                            String a = ex.query("acknowledged");
                            if (a != null && !a.equals("true") && !a.equals("false")) {
                                throw new ApiException.Invalid("acknowledged", a, "true or false");
                            }
                            return Reply.ok(n.receipts().list(ex.id("id"), a == null ? null : Boolean.valueOf(a),
                                    ex.paging()));
                        }),
                Route.get("/ack/{token}").open()
                        .doc("notifications", "The Acknowledge softkey's URL (phones fetch it): records the "
                                + "acknowledgement, answers a CiscoIPPhoneText").responseType("text/xml")
                        .handler(ex -> thanks(n.acks().acknowledge(ex.pathParam("token"), "softkey",
                                ex.remoteAddress()))),
                Route.post("/ack/feedback").open().maxBody(MAX_FEEDBACK)
                        .doc("notifications", "RoomOS HttpFeedback posts (JSON) of UserInterface Message Prompt "
                                + "Response: the FeedbackId is the acknowledgement token")
                        .handler(ex -> {
                            JsonNode body;
                            try {
                                body = Json.mapper().readTree(ex.body());
                            } catch (RuntimeException e) {
                                throw new ApiException.Invalid("body", "…", "HttpFeedback JSON (Format JSON)");
                            }
                            String token = PromptAnswers.feedbackId(body.path("Event"));
                            if (token.isEmpty()) {
                                return Reply.noContent();
                            }
                            AckSink.Result r = n.acks().acknowledge(token, "prompt", ex.remoteAddress());
                            return Reply.ok(Json.mapper().createObjectNode().put("result", r.name()));
                        }));
    }

    /** The short screen a phone shows after its Acknowledge softkey: 200 when recorded or already, 404 otherwise. */
    private static Reply thanks(AckSink.Result r) {
        String text = switch (r) {
            case ACKNOWLEDGED -> "Thank you: your acknowledgement is recorded.";
            case ALREADY -> "This notification was already acknowledged.";
            case EXPIRED -> "This notification has expired.";
            case UNKNOWN -> "Unknown acknowledgement.";
        };
        Text screen = new Text("Acknowledged", null, text, List.of(SoftKeyItem.of("Close", 1, "SoftKey:Exit")), null);
        int status = r == AckSink.Result.UNKNOWN ? 404 : r == AckSink.Result.EXPIRED ? 410 : 200;
        return Reply.raw(status, "text/xml; charset=utf-8", XsiCodec.encode(screen));
    }
}

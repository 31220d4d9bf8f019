package io.phonectl.server.notify;

import io.phonectl.client.xsi.OutcomeKind;
import io.phonectl.server.device.DeviceKind;
import io.phonectl.server.http.Json;
import io.phonectl.server.job.ItemOutcome;
import io.phonectl.server.job.JobKind;
import io.phonectl.server.job.JobSpec;
import io.phonectl.server.job.KindItem;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xsi.model.ModelCatalog;
import io.phonectl.xsi.model.PhoneModel;
import io.phonectl.xsi.object.Execute;
import io.phonectl.xsi.object.ExecuteItem;
import io.phonectl.xsi.object.ImageFile;
import io.phonectl.xsi.object.SoftKeyItem;
import io.phonectl.xsi.object.Status;
import io.phonectl.xsi.object.Text;
import io.phonectl.xsi.object.XsiDocument;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Notifications as a job kind: one notification expands per device into what the device can show. XSI phones: a
 * CiscoIPPhoneText (or a CiscoIPPhoneStatus banner, or a CiscoIPPhoneImageFile on colour displays when an image is
 * given; the text-only form elsewhere) with an Acknowledge softkey when asked, then a {@code Play:} tone in a
 * CiscoIPPhoneExecute of the notification's priority; the model catalog's pre-flight refuses what a model cannot
 * show, with its reason. RoomOS devices: {@code UserInterface Message Alert Display} (or {@code Prompt Display}
 * whose FeedbackId is the acknowledgement token, with an HttpFeedback registration that posts the answer back) and
 * {@code Audio Sound Play}. A device whose schema lacks the commands ends UNSUPPORTED, saying so.
 */
public final class NotificationKind implements JobKind {

    static final String ACK_PATH = "/ack/";
    static final String FEEDBACK_PATH = "/ack/feedback";
    static final String PROMPT_RESPONSE = "/Event" + PromptAnswers.RESPONSE;
    private static final XPath ALERT = XPath.parseWords("UserInterface Message Alert Display");
    private static final XPath PROMPT = XPath.parseWords("UserInterface Message Prompt Display");
    private static final XPath SOUND = XPath.parseWords("Audio Sound Play");
    private static final XPath FEEDBACK = XPath.parseWords("HttpFeedback Register");

    private final AckTokens tokens;
    private final Supplier<URI> base;
    private final int feedbackSlot;
    private final ModelCatalog catalog = ModelCatalog.standard();
    private final java.util.function.BiConsumer<Long, NotificationSpec.Escalation> escalate;

    /**
     * @param base         the service's URI as devices reach it (the acknowledgement URLs start with it)
     * @param feedbackSlot the HttpFeedback slot (1..4) RoomOS devices post prompt answers from
     * @param escalate     plans the escalation check of a new job that asks for one
     */
    NotificationKind(AckTokens tokens, Supplier<URI> base, int feedbackSlot,
                     java.util.function.BiConsumer<Long, NotificationSpec.Escalation> escalate) {
        this.tokens = tokens;
        this.escalate = escalate;
        this.base = base;
        this.feedbackSlot = feedbackSlot;
    }

    @Override
    public String id() {
        return NotificationSpec.ACTION;
    }

    @Override
    public void created(long jobId, JobSpec spec, String actor) {
        NotificationSpec n = NotificationSpec.of(spec);
        if (n.escalation() != null) {
            escalate.accept(jobId, n.escalation());
        }
    }

    @Override
    public Action build(JobSpec spec) {
        NotificationSpec n = NotificationSpec.of(spec);
        Execute tone = n.tone() == null ? null
                : new Execute(List.of(new ExecuteItem(n.executePriority(), "Play:" + n.tone())));
        return item -> switch (item.item().kind()) {
            case XSI -> xsi(n, tone, item);
            case ROOMOS, PHONEOS -> xapi(n, item);
        };
    }

    private ItemOutcome xsi(NotificationSpec n, Execute tone, KindItem item) {
        PhoneModel model = catalog.find(item.item().model()).orElse(null);
        String form;
        XsiDocument doc;
        List<SoftKeyItem> keys = new ArrayList<>();
        if (n.acknowledge()) {
            keys.add(SoftKeyItem.of("Acknowledge", 1, base.get() + ACK_PATH + tokens.token(item.jobId(),
                    item.item().id())));
            keys.add(SoftKeyItem.of("Close", 2, "SoftKey:Exit"));
        }
        if (n.banner()) {
            form = "banner";
            doc = Status.of(n.text(), n.expiresInSeconds());
        } else if (n.imageUrl() != null && model != null && model.display().color()) {
            form = "image";
            doc = new ImageFile(n.title().isEmpty() ? null : n.title(), clip(n.text(), 32), null, null, n.imageUrl(),
                    keys, null);
        } else {
            form = "text";
            doc = new Text(n.title().isEmpty() ? null : n.title(), null, n.text(), keys, null);
        }
        ItemOutcome shown = item.push(NotificationSpec.ACTION, doc);
        ObjectNode data = shown.data() == null ? Json.mapper().createObjectNode() : shown.data().deepCopy();
        data.put("form", form);
        String detail = shown.detail();
        if (tone != null && shown.success()) {
            ItemOutcome played = item.push(NotificationSpec.ACTION + " tone", tone);
            data.put("tone", played.outcome());
            detail += "; tone " + n.tone() + ": " + played.outcome() + (played.success() ? "" : " " + played.detail());
        }
        return new ItemOutcome(shown.outcome(), shown.success(), detail, data, shown.attempts(),
                shown.elapsedMillis(), shown.startedAt(), item.clock().instant(), shown.reachable(), null);
    }

    private ItemOutcome xapi(NotificationSpec n, KindItem item) {
        boolean room = item.item().kind() == DeviceKind.ROOMOS;
        XPath needed = n.acknowledge() ? PROMPT : ALERT;
        if ((room ? NotificationSpec.ROOMOS : NotificationSpec.PHONEOS).lookup(XPath.parseWords("Command "
                + needed.words())).isEmpty()) {
            return ItemOutcome.notSent(OutcomeKind.UNSUPPORTED.name(), "unsupported: " + item.item().kind().spelling()
                    + " devices have no xCommand " + needed.words() + " (xAPI schema " + (room ? "roomos" : "phoneos")
                    + ")", item.clock().instant());
        }
        Map<String, Object> show = new LinkedHashMap<>();
        if (!n.title().isEmpty()) {
            show.put("Title", n.title());
        }
        show.put("Text", n.text());
        if (n.expiresInSeconds() != null) {
            show.put("Duration", Math.min(3600, n.expiresInSeconds()));
        }
        String detail = (n.acknowledge() ? "xCommand " + PROMPT.words() : "xCommand " + ALERT.words()) + ": OK"
                + (n.sound() == null ? "" : "; xCommand " + SOUND.words() + " " + n.sound() + ": OK");
        ItemOutcome o = item.xapi(detail, x -> {
            if (n.acknowledge()) {
                x.command(FEEDBACK, Map.of("FeedbackSlot", feedbackSlot, "ServerUrl", base.get() + FEEDBACK_PATH,
                        "Format", "JSON", "Expression", List.of(PROMPT_RESPONSE)), null);
                show.put("FeedbackId", tokens.token(item.jobId(), item.item().id()));
                show.put("Option.1", "Acknowledge");
                x.command(PROMPT, show, null);
            } else {
                x.command(ALERT, show, null);
            }
            if (n.sound() != null) {
                x.command(SOUND, Map.of("Sound", n.sound()), null);
            }
            return null;
        });
        ObjectNode data = Json.mapper().createObjectNode().put("form", n.acknowledge() ? "prompt" : "alert");
        return new ItemOutcome(o.outcome(), o.success(), o.detail(), data, o.attempts(), o.elapsedMillis(),
                o.startedAt(), o.finishedAt(), o.reachable(), null);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}

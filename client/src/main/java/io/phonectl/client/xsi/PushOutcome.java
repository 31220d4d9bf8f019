package io.phonectl.client.xsi;

import io.phonectl.xsi.component.ErrorType;
import io.phonectl.xsi.object.ResponseItem;

import java.util.List;

/**
 * What happened to one push or query to one phone. Every exchange ends in exactly one of these; none
 * is thrown. {@link #kind()} groups them for tables; {@link #detail()} is a one-line, credential-free
 * explanation.
 */
public sealed interface PushOutcome {

    OutcomeKind kind();

    String detail();

    default boolean succeeded() {
        return kind().success();
    }

    /** Per-item results of a CiscoIPPhoneResponse. */
    record Executed(int httpStatus, List<ResponseItem> items) implements PushOutcome {
        public Executed {
            items = List.copyOf(items);
        }

        @Override
        public OutcomeKind kind() {
            for (ResponseItem i : items) { // asked for every phone of a fleet, several times: no stream
                if (!i.success()) {
                    return OutcomeKind.ITEM_FAILED;
                }
            }
            return OutcomeKind.EXECUTED;
        }

        @Override
        public String detail() {
            StringBuilder sb = new StringBuilder();
            for (ResponseItem i : items) {
                if (!sb.isEmpty()) {
                    sb.append("; ");
                }
                sb.append(i.url()).append(" -> ").append(i.status()).append(' ').append(i.data());
            }
            return sb.isEmpty() ? "empty CiscoIPPhoneResponse" : sb.toString();
        }
    }

    /** An empty 200 (MPP firmware, stopMedia) or a 303 (7960): accepted, no report of what happened. */
    record AcceptedNoResponse(int httpStatus) implements PushOutcome {
        @Override
        public OutcomeKind kind() {
            return OutcomeKind.ACCEPTED_NO_RESPONSE;
        }

        @Override
        public String detail() {
            return "HTTP " + httpStatus + " without a CiscoIPPhoneResponse (accepted, no report)";
        }
    }

    /** {@code <mediaStream id="…"/>}: startMedia opened a stream. */
    record MediaStarted(String streamId) implements PushOutcome {
        @Override
        public OutcomeKind kind() {
            return OutcomeKind.MEDIA_STARTED;
        }

        @Override
        public String detail() {
            return "media stream " + streamId;
        }
    }

    /** {@code <errorResponse>} of the RTP Streaming API: type (InvalidXML, UnavailableResource, …) and data. */
    record MediaError(int httpStatus, ErrorType type, String data) implements PushOutcome {
        @Override
        public OutcomeKind kind() {
            return OutcomeKind.MEDIA_ERROR;
        }

        @Override
        public String detail() {
            return "HTTP " + httpStatus + " errorResponse " + type.xml() + (data == null || data.isEmpty() ? "" : ": " + data);
        }
    }

    /** {@code <CiscoIPPhoneError Number="N" />}, from a 200 or a 401; 4 is an authentication failure. */
    record PhoneError(int httpStatus, int number, String text) implements PushOutcome {
        @Override
        public OutcomeKind kind() {
            return number == 4 ? OutcomeKind.AUTH_FAILED : OutcomeKind.PHONE_ERROR;
        }

        @Override
        public String detail() {
            String meaning = number == io.phonectl.xsi.object.PhoneError.AUTHENTICATION_ERROR
                    ? "authentication error: user, roles, device association or auth URL"
                    : number >= 0 && number <= Short.MAX_VALUE
                    ? new io.phonectl.xsi.object.PhoneError(number, null).meaning() : "undocumented";
            return "HTTP " + httpStatus + " CiscoIPPhoneError " + number + " (" + meaning + ")"
                    + (text == null || text.isBlank() ? "" : ": " + text.strip());
        }
    }

    /** A 401 without XML, or an HTML page such as RomPager's "Protected Object". */
    record AuthPage(int httpStatus, String evidence) implements PushOutcome {
        @Override
        public OutcomeKind kind() {
            return OutcomeKind.AUTH_FAILED;
        }

        @Override
        public String detail() {
            return "HTTP " + httpStatus + " authentication required: " + evidence;
        }
    }

    /** An answer that makes no sense for the request. */
    record Malformed(int httpStatus, String contentType, String reason) implements PushOutcome {
        @Override
        public OutcomeKind kind() {
            return OutcomeKind.MALFORMED;
        }

        @Override
        public String detail() {
            return "HTTP " + httpStatus + (contentType == null ? "" : " (" + contentType + ")") + ": " + reason;
        }
    }

    /** The phone's port refused the connection. */
    record Refused(String reason) implements PushOutcome {
        @Override
        public OutcomeKind kind() {
            return OutcomeKind.REFUSED;
        }

        @Override
        public String detail() {
            return "connection refused: " + reason;
        }
    }

    /** The phone could not be reached at all (name, route). */
    record Unreachable(String reason) implements PushOutcome {
        @Override
        public OutcomeKind kind() {
            return OutcomeKind.UNREACHABLE;
        }

        @Override
        public String detail() {
            return "unreachable: " + reason;
        }
    }

    /** No answer within the allowed time; phase says where it stalled. */
    record TimedOut(Phase phase, long afterMillis) implements PushOutcome {
        @Override
        public OutcomeKind kind() {
            return OutcomeKind.TIMED_OUT;
        }

        @Override
        public String detail() {
            return "timed out in the " + phase.name().toLowerCase() + " phase after " + afterMillis + " ms";
        }
    }

    /** Our own failure (an exception no rule expects): reported as it is, never as a phone's malformed answer. */
    record Internal(String reason) implements PushOutcome {
        @Override
        public OutcomeKind kind() {
            return OutcomeKind.INTERNAL_ERROR;
        }

        @Override
        public String detail() {
            return "internal error: " + reason;
        }
    }

    /** Not sent at all; kind is UNSUPPORTED, INVALID, NO_CREDENTIALS or DEADLINE_EXCEEDED. */
    record NotSent(OutcomeKind kind, String reason) implements PushOutcome {
        public NotSent {
            if (kind != OutcomeKind.UNSUPPORTED && kind != OutcomeKind.INVALID
                    && kind != OutcomeKind.NO_CREDENTIALS && kind != OutcomeKind.DEADLINE_EXCEEDED) {
                throw new IllegalArgumentException("NotSent cannot have kind " + kind);
            }
        }

        @Override
        public String detail() {
            return reason;
        }
    }
}

package io.phonectl.sim.phone;

import io.phonectl.sim.net.Reply;
import io.phonectl.xsi.component.ComponentMessage;
import io.phonectl.xsi.object.ResponseItem;
import io.phonectl.xsi.uri.InternalUri;

import java.util.List;
import java.util.function.Function;

/**
 * The one plug-in contract of a simulated phone: what a feature answers when something reaches the phone. The host
 * hands an authenticated {@code POST /CGI/Execute} to a feature (the execute feature takes it), which hands on the
 * component-API messages (startMedia, stopMedia: the streams feature) and the internal URIs of families it does not
 * run itself (RTP: streams; App: applications). Every method answers null for "not mine", so features compose in a
 * {@link Sequence} where the first answer wins. Called on request threads, without the phone's lock held.
 */
public interface PhoneFeature {

    /** Largest body read: the 40 KB profile percent-encoded (up to three bytes per byte) with room for the field name. */
    int MAX_BODY = 3 * 40_960 + 1024;

    /** An authenticated POST to {@code /CGI/Execute}; {@code body} is at most {@link #MAX_BODY} bytes. */
    default Reply execute(SimPhone phone, String contentType, byte[] body) {
        return null;
    }

    /** A component-API message pushed to the phone. */
    default Reply component(SimPhone phone, ComponentMessage message) {
        return null;
    }

    /** A component-API message that did not parse (its root is named in the body), with the parser's message. */
    default Reply invalidComponent(SimPhone phone, String parserMessage) {
        return null;
    }

    /** One internal URI of an Execute, already parsed and allowed on this model; {@code url} is the text as sent. */
    default ResponseItem uri(SimPhone phone, InternalUri uri, String url) {
        return null;
    }

    /** Takes nothing. */
    PhoneFeature NONE = new PhoneFeature() {
    };

    /** Asks {@code features} in order; the first answer wins. */
    static PhoneFeature sequence(PhoneFeature... features) {
        return new Sequence(List.of(features));
    }

    /** Several features as one, asked in order. */
    record Sequence(List<PhoneFeature> features) implements PhoneFeature {

        public Sequence {
            features = List.copyOf(features);
        }

        @Override
        public Reply execute(SimPhone phone, String contentType, byte[] body) {
            return first(f -> f.execute(phone, contentType, body));
        }

        @Override
        public Reply component(SimPhone phone, ComponentMessage message) {
            return first(f -> f.component(phone, message));
        }

        @Override
        public Reply invalidComponent(SimPhone phone, String parserMessage) {
            return first(f -> f.invalidComponent(phone, parserMessage));
        }

        @Override
        public ResponseItem uri(SimPhone phone, InternalUri uri, String url) {
            return first(f -> f.uri(phone, uri, url));
        }

        private <T> T first(Function<PhoneFeature, T> ask) {
            for (PhoneFeature f : features) {
                T answer = ask.apply(f);
                if (answer != null) {
                    return answer;
                }
            }
            return null;
        }
    }
}

package io.phonectl.sim.host;

import io.phonectl.sim.auth.Authenticator;
import io.phonectl.sim.net.Reply;
import io.phonectl.sim.phone.SimModel;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** The answers to a request that failed authentication, per model (reference notes §2.3). */
public final class Gate {

    /** RomPager's 401 page says "Protected Object"; clients look for that phrase. */
    static final String CHALLENGE_PAGE = "<html><head><title>Protected Object</title></head><body>"
            + "<h1>Protected Object</h1>This object on the phone is protected.</body></html>\n";

    private Gate() {
    }

    /** Empty when the credentials are accepted, else the reply to send. */
    public static Optional<Reply> check(Authenticator auth, String authorization, String deviceName, SimModel model) {
        return switch (auth.check(authorization, deviceName)) {
            case OK -> Optional.empty();
            case MISSING -> Optional.of(new Reply(401, Reply.HTML,
                    Map.of("WWW-Authenticate", "Basic realm=\"" + model.headerName() + "\""),
                    CHALLENGE_PAGE.getBytes(StandardCharsets.UTF_8)));
            case REJECTED -> Optional.of(switch (model.failureStyle()) {
                case LEGACY_200_ERROR4 -> Reply.xml(200, Reply.ERROR_4);
                case HTTP_401_ERROR4 -> Reply.xml(401, Reply.ERROR_4);
                // MPP firmware sends neither CiscoIPPhoneResponse nor CiscoIPPhoneError (notes §2.2)
                case NO_RESPONSE -> Reply.empty(401);
            });
        };
    }
}

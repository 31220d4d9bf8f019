package io.phonectl.sim.host;

import io.phonectl.sim.auth.Authenticator;
import io.phonectl.sim.auth.DigestAuth;
import io.phonectl.sim.net.Reply;
import io.phonectl.sim.phone.SimModel;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The answers to a request that failed authentication, per model (reference notes §2.3). Models whose catalog entry
 * says {@code auth=digest} challenge with Digest ({@link DigestAuth}) and refuse Basic with a new challenge, as their
 * web server does; with an authentication URL they cannot (Digest needs the password the URL holds), so they take
 * Basic like every other model.
 */
public final class Gate {

    /** RomPager's 401 page says "Protected Object"; clients look for that phrase. */
    static final String CHALLENGE_PAGE = "<html><head><title>Protected Object</title></head><body>"
            + "<h1>Protected Object</h1>This object on the phone is protected.</body></html>\n";

    private Gate() {
    }

    /**
     * Empty when the credentials are accepted, else the reply to send. {@code method} and {@code target} (path and
     * query as requested) are what a Digest answer signs.
     */
    public static Optional<Reply> check(Authenticator auth, DigestAuth digest, String authorization, String method,
                                        String target, String deviceName, SimModel model) {
        if (model.catalog().digestAuth() && auth instanceof Authenticator.Users) {
            String realm = model.headerName();
            return switch (digest.check(authorization, method, target, realm, auth::password)) {
                case OK -> Optional.empty();
                case STALE -> Optional.of(challenge(digest.challenge(realm, true)));
                case MISSING, REJECTED -> Optional.of(challenge(digest.challenge(realm, false)));
            };
        }
        return switch (auth.check(authorization, deviceName)) {
            case OK -> Optional.empty();
            case MISSING -> Optional.of(challenge("Basic realm=\"" + model.headerName() + "\""));
            case REJECTED -> Optional.of(switch (model.failureStyle()) {
                case LEGACY_200_ERROR4 -> Reply.xml(200, Reply.ERROR_4);
                case HTTP_401_ERROR4 -> Reply.xml(401, Reply.ERROR_4);
                // MPP firmware sends neither CiscoIPPhoneResponse nor CiscoIPPhoneError (notes §2.2)
                case NO_RESPONSE -> Reply.empty(401);
            });
        };
    }

    /** 401 with one challenge and RomPager's "Protected Object" page. */
    private static Reply challenge(String wwwAuthenticate) {
        return new Reply(401, Reply.HTML, Map.of("WWW-Authenticate", wwwAuthenticate),
                CHALLENGE_PAGE.getBytes(StandardCharsets.UTF_8));
    }
}

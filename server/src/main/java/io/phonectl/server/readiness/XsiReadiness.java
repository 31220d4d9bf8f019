package io.phonectl.server.readiness;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.xsi.DevicePage;
import io.phonectl.client.xsi.OutcomeKind;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.client.xsi.QueryResult;
import io.phonectl.client.xsi.XsiClient;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.xsi.device.DeviceInformation;
import io.phonectl.xsi.device.StreamingStatistics;
import io.phonectl.xsi.model.InfoPages;
import io.phonectl.xsi.model.PhoneModel;

import java.util.Optional;
import java.util.Set;

/**
 * The readiness checks of one XSI phone, with GETs only (nothing shows on its screen, nothing rings): its
 * information page without credentials (reachable, web server), a password-protected information page with the
 * registry's credentials where the model serves one, the model catalog's support for the chosen notification, and
 * the phone's streaming pages (a stream in use means its media resources are taken).
 */
final class XsiReadiness {

    /** At most this many streaming pages are read per phone. */
    static final int MAX_STREAMS = 3;
    private static final Set<OutcomeKind> SILENT = Set.of(OutcomeKind.REFUSED, OutcomeKind.UNREACHABLE,
            OutcomeKind.TIMED_OUT);

    private final XsiTransport transport;
    private final Set<String> supporting;
    private final String notification;

    /** @param supporting the model names the catalog says can show {@code notification} */
    XsiReadiness(XsiTransport transport, Set<String> supporting, String notification) {
        this.transport = transport;
        this.supporting = supporting;
        this.notification = notification;
    }

    Findings check(PhoneAddress address, Optional<PhoneModel> model, Credentials credentials, Findings f) {
        XsiClient anonymous = XsiClient.of(transport, address, null);
        switch (anonymous.page(DevicePage.DEVICE)) {
            case QueryResult.Failed<DeviceInformation> x when SILENT.contains(x.outcome().kind()) -> {
                f.reachable(false);
                return f.fail("reachable", ReadinessReason.UNREACHABLE, x.outcome().kind() + ": "
                        + x.outcome().detail());
            }
            case QueryResult.Failed<DeviceInformation> x -> {
                f.reachable(true);
                f.pass("reachable", "answered");
                return f.fail("webServer", ReadinessReason.NO_WEB_SERVER, x.outcome().kind() + ": "
                        + x.outcome().detail());
            }
            case QueryResult.Ok<DeviceInformation> ok -> {
                f.reachable(true);
                f.pass("reachable", "answered");
                f.pass("webServer", "DeviceInformationX read");
            }
        }
        XsiClient client = XsiClient.of(transport, address, credentials, model.map(PhoneModel::digestAuth).orElse(false));
        if (model.isPresent() && model.get().infoPages() != InfoPages.NONE) {
            switch (client.rawPage("/CGI/ModeInfo")) {
                case QueryResult.Ok<?> ok -> f.pass("credentials", "/CGI/ModeInfo read with them");
                case QueryResult.Failed<?> x when x.outcome().kind() == OutcomeKind.AUTH_FAILED -> {
                    return f.fail("credentials", ReadinessReason.CREDENTIALS_REFUSED, x.outcome().detail());
                }
                case QueryResult.Failed<?> x -> {
                    return f.fail("credentials", SILENT.contains(x.outcome().kind()) ? ReadinessReason.UNREACHABLE
                            : ReadinessReason.NO_WEB_SERVER, "/CGI/ModeInfo: " + x.outcome().detail());
                }
            }
        } else {
            f.skip("credentials", "the model serves no password-protected page that can be read without "
                    + "disturbing its user");
        }
        if (model.isEmpty() || !supporting.contains(model.get().name())) {
            return f.fail("model", ReadinessReason.MODEL_UNSUPPORTED, model.isEmpty() ? "model not in the catalog"
                    : model.get().name() + " cannot show " + notification + " (GET /api/v1/catalog/actions)");
        }
        f.pass("model", model.get().name() + " can show " + notification);
        int streams = Math.min(MAX_STREAMS, model.get().streams());
        if (streams == 0) {
            f.skip("media", "the model has no streaming pages");
            return f;
        }
        for (int n = 1; n <= streams; n++) {
            QueryResult<StreamingStatistics> s = anonymous.page(DevicePage.STREAMING, n);
            if (s instanceof QueryResult.Ok<StreamingStatistics> ok && ok.value().streamStatus().equalsIgnoreCase("Active")) {
                return f.fail("media", ReadinessReason.MEDIA_BUSY, "stream " + n + " is active (remote "
                        + ok.value().remoteAddr() + ")");
            }
            if (s instanceof QueryResult.Failed<StreamingStatistics> x) {
                PushOutcome o = x.outcome();
                f.skip("media", "stream " + n + " page unreadable: " + o.kind() + " " + o.detail());
                return f;
            }
        }
        f.pass("media", streams + " stream" + (streams == 1 ? "" : "s") + " idle");
        return f;
    }
}

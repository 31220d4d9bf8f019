package io.phonectl.server.console;

import io.phonectl.server.http.PageErrors;
import io.phonectl.server.http.Principal;
import io.phonectl.server.http.Reply;
import org.eclipse.jetty.server.Request;

/**
 * Errors on console pages, for people: not signed in (or the session ended) leads to the sign-in page and back,
 * a one-time password to the password page, anything else to an error page with the same detail the API gives.
 * htmx requests are redirected with {@code HX-Redirect}, so a whole page replaces a fragment.
 */
public final class ConsoleErrors implements PageErrors {

    /** What the error page shows. */
    public record ErrorView(Frame frame, int status, String type, String detail) {
    }

    @Override
    public Reply render(Request request, Principal who, int status, String type, String detail) {
        if (type.equals("unauthenticated")) {
            String path = Request.getPathInContext(request);
            String query = request.getHttpURI().getQuery();
            String next = request.getMethod().equals("GET") && !path.equals("/login")
                    ? path + (query == null ? "" : "?" + query) : "/";
            return to(request, next.equals("/") ? "/login" : "/login?next=" + Html.url(next));
        }
        if (type.equals("password-change-required")) {
            return to(request, "/password");
        }
        Frame frame;
        try {
            frame = Html.frame(request, who, title(status), "");
        } catch (RuntimeException e) {
            frame = Html.frame(request, Principal.ANONYMOUS, title(status), "");
        }
        return Html.page(status, "error.jte", new ErrorView(frame, status, type, detail));
    }

    private static Reply to(Request request, String location) {
        if ("true".equals(request.getHeaders().get("HX-Request"))) {
            return Html.secure(Reply.raw(200, "text/plain", new byte[0]).header("HX-Redirect", location));
        }
        return Html.redirect(location);
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Not accepted";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Not allowed here";
            case 409 -> "Conflict";
            case 413 -> "Too large";
            case 429 -> "Too many attempts";
            default -> status >= 500 ? "Something went wrong" : "Error " + status;
        };
    }
}

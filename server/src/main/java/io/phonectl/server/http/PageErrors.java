package io.phonectl.server.http;

import org.eclipse.jetty.server.Request;

/**
 * How errors on the console's pages are answered (package {@code console} implements it): a person gets an HTML
 * page or a redirect (to sign in, to change a one-time password) where a program gets a problem document. The
 * router asks it for routes marked {@link Route.Builder#page()} and for unknown paths outside {@code /api/}.
 */
@FunctionalInterface
public interface PageErrors {

    /**
     * @param who    the caller as far as authentication got ({@link Principal#ANONYMOUS} when it failed)
     * @param type   the problem's short type ({@code unauthenticated}, {@code forbidden}, {@code csrf},
     *               {@code password-change-required}, {@code not-found}, {@code no-route}, {@code internal}…)
     * @param detail the problem's detail, safe to show
     */
    Reply render(Request request, Principal who, int status, String type, String detail);
}

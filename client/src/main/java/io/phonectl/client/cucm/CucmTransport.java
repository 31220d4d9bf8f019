package io.phonectl.client.cucm;

import io.phonectl.client.tls.TlsSupport;
import io.phonectl.cucm.CucmException;
import io.phonectl.cucm.soap.Soap;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpHeader;

import java.net.ConnectException;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * SOAP over HTTP(S) to one cluster: one Jetty client with the configured certificate policy, pre-emptive Basic
 * authentication, persistent connections (the AXL guide asks clients to reuse them), a cap on what it reads, and
 * HTTP failures turned into {@link CucmClientException}s. Thread-safe.
 */
public final class CucmTransport implements AutoCloseable {

    /** AXL refuses answers over 8 MB; RisPort answers of 1,000 devices on several nodes stay well below this. */
    public static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

    private final CucmClientConfig config;
    private final HttpClient http;

    public CucmTransport(CucmClientConfig config) {
        this.config = config;
        this.http = new HttpClient();
        http.setSslContextFactory(TlsSupport.factory(config.tls()));
        http.setConnectTimeout(config.timeout().toMillis());
        http.setFollowRedirects(false);
        http.setUserAgentField(new org.eclipse.jetty.http.HttpField(HttpHeader.USER_AGENT, "phonectl"));
        try {
            http.start();
        } catch (Exception e) {
            throw new CucmClientException.Protocol("cannot start the HTTP client: " + e.getMessage(), e);
        }
    }

    public CucmClientConfig config() {
        return config;
    }

    /**
     * POSTs a SOAP request and reads the envelope that comes back (a fault is returned, not thrown: the caller knows
     * which faults it handles).
     *
     * @param service "AXL" or "RisPort70", for messages
     * @param roles   the roles that service needs, for the 403 message
     */
    public Soap.Message post(String service, String roles, URI uri, String soapAction, byte[] body) {
        Request request = http.POST(uri).timeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .headers(h -> {
                    h.put(HttpHeader.AUTHORIZATION, config.credentials().basicHeader());
                    h.put(HttpHeader.ACCEPT, "text/xml");
                    if (soapAction != null) {
                        h.put("SOAPAction", soapAction);
                    }
                })
                .body(new BytesRequestContent("text/xml; charset=utf-8", body));
        ContentResponse response;
        try {
            response = new CompletableResponseListener(request, MAX_ANSWER_BYTES).send()
                    .get(config.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CucmClientException.Unreachable(service + " request to " + uri.getAuthority() + " interrupted", e);
        } catch (TimeoutException e) {
            throw timedOut(service, uri, e);
        } catch (ExecutionException e) {
            throw failure(service, uri, e.getCause() == null ? e : e.getCause());
        }
        int status = response.getStatus();
        if (status == 401) {
            throw new CucmClientException.Unauthorized(service + " at " + uri.getAuthority(), config.credentials().user());
        }
        if (status == 403) {
            throw new CucmClientException.Forbidden(service + " at " + uri.getAuthority(), config.credentials().user(),
                    roles);
        }
        if (status != 200 && status != 500) {
            throw new CucmClientException.Protocol(service + " at " + uri + " answered HTTP " + status
                    + " (expected 200, or 500 with a SOAP fault)", null);
        }
        try {
            return Soap.read(response.getContent(), MAX_ANSWER_BYTES);
        } catch (CucmException e) {
            throw new CucmClientException.Protocol(service + " at " + uri.getAuthority() + " sent HTTP " + status
                    + " that is not a SOAP envelope: " + e.getMessage(), e);
        }
    }

    private CucmClientException timedOut(String service, URI uri, Throwable e) {
        return new CucmClientException.Unreachable(service + " at " + uri.getAuthority() + " did not answer within "
                + config.timeout().toSeconds() + " s", e);
    }

    private CucmClientException failure(String service, URI uri, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof java.security.cert.CertificateException) {
                return new CucmClientException.Tls(uri.getAuthority(), cause);
            }
            if (t instanceof TimeoutException) {
                return timedOut(service, uri, cause);
            }
            if (t instanceof ConnectException) {
                return new CucmClientException.Unreachable(service + " at " + uri.getAuthority() + " refused the "
                        + "connection (is the address and port right?)", cause);
            }
            if (t instanceof IllegalArgumentException && String.valueOf(t.getMessage()).contains("capacity")) {
                return new CucmClientException.Protocol(service + " at " + uri.getAuthority() + " sent more than "
                        + MAX_ANSWER_BYTES + " bytes", cause);
            }
        }
        return new CucmClientException.Unreachable(service + " at " + uri.getAuthority() + " failed: "
                + CucmClientException.rootMessage(cause), cause);
    }

    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception e) {
            // stopping: nothing more to do
        }
    }
}

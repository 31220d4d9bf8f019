package io.phonectl.server.paging;

import io.phonectl.client.paging.PagingConfig;
import io.phonectl.server.http.ApiException;
import io.phonectl.xsi.Violation;
import io.phonectl.xsi.XsiValidationException;
import io.phonectl.xsi.uri.RtpKind;
import io.phonectl.xsi.uri.RtpUri;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * The rules of a page request, checked at the API's boundary before anything is stored or sent: the clip and the
 * target are given, loops, volume and the unicast port are the client's paging rules (their messages name their
 * source), and a multicast group is an RTPMRx group (IPv4 224.0.0.0-239.255.255.255, even port 20480-32768, the
 * control spec's rules) outside 224.0.0.0/24, with a TTL of 1..255.
 */
final class PageRules {

    static final int DEFAULT_TTL = 2;
    static final int MAX_TTL = 255;

    private PageRules() {
    }

    /** The checked request as the paging engine's configuration. */
    static PagingConfig config(PageService.PageRequest r, PageSettings settings) {
        if (r.audio() == null) {
            throw new ApiException.Invalid("audio", null, "the id of a stored clip (POST /api/v1/audio)");
        }
        if (r.target() == null) {
            throw new ApiException.Invalid("target", null, "one of all (true), selector, devices, groups");
        }
        r.target().checked();
        PagingConfig.Builder b = PagingConfig.builder().volume(r.volume()).loops(r.loops() == null ? 1 : r.loops())
                .requestTimeout(Duration.ofSeconds(5));
        if (r.multicast() != null) {
            if (r.port() != null) {
                throw new ApiException.Invalid("port", r.port(), "absent with multicast (the group's port is "
                        + "multicast.port)");
            }
            b.multicast(group(r.multicast())).multicastTtl(ttl(r.multicast().ttl()))
                    .multicastInterface(settings.multicastInterface());
        } else {
            b.unicast(r.port() == null ? settings.basePort() : r.port());
        }
        try {
            return b.build();
        } catch (XsiValidationException e) {
            Violation v = e.violations().getFirst();
            throw new ApiException.Invalid(v.field().contains("port") ? "port" : v.field(), v.value(),
                    v.rule() + " (source: " + v.source() + ")");
        }
    }

    private static InetSocketAddress group(PageService.Multicast m) {
        if (m.port() == null) {
            throw new ApiException.Invalid("multicast.port", null, "the group's RTP port (even, 20480..32768)");
        }
        try {
            new RtpUri(RtpKind.MRX, m.group(), m.port(), null, null);
        } catch (XsiValidationException e) {
            Violation v = e.violations().getFirst();
            throw new ApiException.Invalid(v.field().contains("port") ? "multicast.port" : "multicast.group",
                    v.value(), v.rule() + " (source: " + v.source() + ")");
        }
        if (m.group().startsWith("224.0.0.")) {
            throw new ApiException.Invalid("multicast.group", m.group(), "outside 224.0.0.0/24, the local network "
                    + "control block routers never forward (RFC 5771); e.g. 239.x.x.x, administratively scoped");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(m.group()), m.port()); // a checked literal: no lookup
        } catch (UnknownHostException e) {
            throw new ApiException.Invalid("multicast.group", m.group(), "a dotted-quad IPv4 address");
        }
    }

    private static int ttl(Integer ttl) {
        int t = ttl == null ? DEFAULT_TTL : ttl;
        if (t < 1 || t > MAX_TTL) {
            throw new ApiException.Invalid("multicast.ttl", t, "1.." + MAX_TTL + " (IP_MULTICAST_TTL; 0 would keep "
                    + "the page inside this host)");
        }
        return t;
    }

    /** The interface multicast pages leave by, from the service's settings; null for the OS's choice. */
    static NetworkInterface networkInterface(String name) {
        if (name == null) {
            return null;
        }
        try {
            NetworkInterface nif = NetworkInterface.getByName(name);
            if (nif == null) {
                throw new IllegalArgumentException("multicastInterface = " + name + ": must name a network interface "
                        + "of this host (ip link)");
            }
            return nif;
        } catch (java.net.SocketException e) {
            throw new IllegalArgumentException("multicastInterface = " + name + ": unreadable (" + e.getMessage() + ")");
        }
    }
}

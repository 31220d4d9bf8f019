package io.phonectl.client.fleet;

import io.phonectl.client.inventory.PhoneEntry;

/**
 * The site of a phone, for the per-site limit: phones that most likely share one link. An IPv4 address's /24 (a
 * phone VLAN of a branch is rarely larger), an IPv6 address's /64, a host name's domain (what follows its first
 * label). Loopback fleets are one site, as they share one machine. The service, which knows real sites, passes its
 * own keys.
 */
public final class Sites {

    private Sites() {
    }

    public static String of(PhoneEntry phone) {
        return of(phone.address().host());
    }

    /** The site of a host name or address (as {@link #of(PhoneEntry)}). */
    public static String of(String host) {
        if (host.indexOf(':') >= 0) {
            String[] groups = host.split(":", -1);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 4 && i < groups.length && !groups[i].isEmpty(); i++) {
                sb.append(groups[i]).append(':');
            }
            return sb.append(":/64").toString();
        }
        int last = host.lastIndexOf('.');
        if (last > 0 && isIpv4(host)) {
            return host.startsWith("127.") ? "127.0.0.0/8" : host.substring(0, last) + ".0/24";
        }
        int first = host.indexOf('.');
        return first > 0 ? host.substring(first + 1) : host;
    }

    private static boolean isIpv4(String host) {
        int dots = 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return dots == 3;
    }
}

package org.policyarchive.account;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where a sign-in comes from, as the throttle counts it: the address in one spelling, and its network (an IPv4 /24,
 * an IPv6 /64), since someone who can use one address of a network can usually use its neighbours too. The address
 * is the request's, which Tomcat's remote IP valve takes from X-Forwarded-For when an internal proxy sent it; the
 * valve does not check that the header holds an address, so anything that is not one is counted together, under
 * {@link #UNREADABLE}.
 */
record ClientAddress(String address, String network) {

    static final ClientAddress UNREADABLE = new ClientAddress("unreadable", "unreadable");

    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    /** Hex digits, colons and dots, with a colon: only such a text is read as IPv6, so no name is ever looked up. */
    private static final Pattern IPV6 = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");

    static ClientAddress of(@Nullable String remoteAddress) {
        if (remoteAddress == null) {
            return UNREADABLE;
        }
        String literal = remoteAddress.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (!IPV4.matcher(literal).matches() && !IPV6.matcher(literal).matches()) {
            return UNREADABLE;
        }
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            int hostBytes = bytes.length == 4 ? 1 : 8;
            byte[] network = Arrays.copyOf(bytes, bytes.length);
            Arrays.fill(network, bytes.length - hostBytes, bytes.length, (byte) 0);
            return new ClientAddress(
                    InetAddress.getByAddress(bytes).getHostAddress(),
                    InetAddress.getByAddress(network).getHostAddress() + (bytes.length == 4 ? "/24" : "/64"));
        } catch (UnknownHostException notAnAddress) {
            return UNREADABLE;
        }
    }
}

package ai.openclaw.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a URL host that is an IP address in any spelling a resolver or browser accepts, so the private-target check
 * sees the address that would be connected to: IPv4 in the {@code inet_aton} forms (decimal {@code 2130706433}, octal
 * {@code 0177.0.0.1}, hex {@code 0x7f.1}, short {@code 127.1}, mixed, a trailing dot), IPv6 with or without
 * brackets, zone ids ({@code fe80::1%eth0}, URL-encoded {@code %25eth0}), and IPv4 embedded in IPv6 (mapped
 * {@code ::ffff:127.0.0.1}, compatible {@code ::127.0.0.1}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}).
 */
public final class IpLiterals {
    private IpLiterals() {
    }

    /**
     * The address a host names when it is an IP literal.
     *
     * @param host a URL host as written (brackets allowed), not null
     * @return the address, or empty when the host is a name to resolve (or not a valid literal at all)
     */
    public static Optional<InetAddress> parse(String host) {
        String h = host.strip();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.indexOf(':') >= 0) {
            return ipv6(h);
        }
        return ipv4(h);
    }

    private static Optional<InetAddress> ipv6(String text) {
        int zone = text.indexOf('%');
        String h = zone >= 0 ? text.substring(0, zone) : text;
        if (h.isEmpty() || !h.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return Optional.empty();
        }
        try {
            // a text of hex digits, colons and dots is parsed as a literal: no name lookup happens
            return Optional.of(InetAddress.getByName("[" + h + "]"));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<InetAddress> ipv4(String text) {
        String h = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        if (h.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long v = number(parts[i]);
            if (v == null) {
                return Optional.empty();
            }
            values[i] = v;
        }
        long address = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 255) {
                return Optional.empty();
            }
            address |= values[i] << (8 * (3 - i));
        }
        long last = values[values.length - 1];
        int lastBytes = 4 - (values.length - 1);
        if (last >= (1L << (8 * lastBytes))) {
            return Optional.empty();
        }
        address |= last;
        byte[] b = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return Optional.of(InetAddress.getByAddress(b));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** One inet_aton part: {@code 0x…} hex, {@code 0…} octal, else decimal; null if not a number or too long. */
    private static Long number(String part) {
        String p = part.toLowerCase(Locale.ROOT);
        int radix = 10;
        if (p.startsWith("0x")) {
            radix = 16;
            p = p.substring(2);
            if (p.isEmpty()) {
                return 0L;
            }
        } else if (p.length() > 1 && p.startsWith("0")) {
            radix = 8;
            p = p.substring(1);
        }
        if (p.isEmpty() || p.length() > 12) {
            return null;
        }
        for (int i = 0; i < p.length(); i++) {
            if (Character.digit(p.charAt(i), radix) < 0) {
                return null;
            }
        }
        return Long.parseLong(p, radix);
    }

    /**
     * The IPv4 address embedded in an IPv6 one (mapped {@code ::ffff:0:0/96}, compatible {@code ::/96}, NAT64
     * {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}), or empty.
     */
    public static Optional<Inet4Address> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        boolean zeros80 = true;
        for (int i = 0; i < 10; i++) {
            zeros80 &= b[i] == 0;
        }
        boolean mapped = zeros80 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeros80 && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
        boolean nat64 = (b[0] & 0xff) == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        byte[] v4;
        if (mapped || compatible || nat64) {
            v4 = new byte[] {b[12], b[13], b[14], b[15]};
        } else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            v4 = new byte[] {b[2], b[3], b[4], b[5]};
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}

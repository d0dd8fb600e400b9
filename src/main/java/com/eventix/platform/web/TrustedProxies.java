package com.eventix.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which hops in front of the server may speak for the client, and so who the client is. X-Forwarded-For is read
 * from the right: each trusted proxy appends the address it was reached from, so the right-most address that is
 * not a trusted proxy is the client; anything left of it was written by the client and is ignored. A request
 * that does not come from a trusted proxy is its own client, whatever headers it sends.
 */
public final class TrustedProxies {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*(%[A-Za-z0-9_.-]+)?");
    private static final int MAX_ENTRY = 64;

    private final List<Range> ranges;
    private final boolean anyPeer;

    private TrustedProxies(List<Range> ranges, boolean anyPeer) {
        this.ranges = ranges;
        this.anyPeer = anyPeer;
    }

    /** No proxy is trusted: the socket's peer is the client. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of(), false);

    /**
     * Trusts whatever connects directly (one proxy hop of unknown address): the right-most forwarded address is
     * the client. The meaning kept for the former TRUST_PROXY_HEADERS=true.
     */
    public static final TrustedProxies DIRECT_PEER = new TrustedProxies(List.of(), true);

    /**
     * Parses a comma-separated list of addresses and CIDR ranges ("10.0.0.0/8, 192.168.1.7, fd00::/8").
     *
     * @throws IllegalArgumentException naming the entry that is not an address or range
     */
    public static TrustedProxies parse(String list) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        List<Range> ranges = new ArrayList<>();
        for (String entry : list.split(",")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            ranges.add(Range.parse(e));
        }
        return new TrustedProxies(List.copyOf(ranges), false);
    }

    public boolean isEmpty() {
        return ranges.isEmpty() && !anyPeer;
    }

    /** The client's address, given the socket peer and the X-Forwarded-For header(s) (may be null). */
    public String client(String peer, List<String> forwardedFor) {
        if (isEmpty() || !trusted(peer, true)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        if (forwardedFor != null) {
            for (String header : forwardedFor) {
                if (header == null) {
                    continue;
                }
                for (String hop : header.split(",")) {
                    if (!hop.isBlank()) {
                        hops.add(hop.trim());
                    }
                }
            }
        }
        if (hops.isEmpty()) {
            return peer;
        }
        if (anyPeer) {
            return clean(hops.get(hops.size() - 1));
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = withoutPort(hops.get(i));
            if (!trusted(hop, false)) {
                return clean(hop);
            }
        }
        // Every hop is a trusted proxy: the left-most one is as close to the client as can be known.
        return clean(withoutPort(hops.get(0)));
    }

    private boolean trusted(String address, boolean peer) {
        if (peer && anyPeer) {
            return true;
        }
        Optional<byte[]> bytes = literal(address);
        return bytes.isPresent() && ranges.stream().anyMatch(r -> r.contains(bytes.get()));
    }

    /** "1.2.3.4:5678" and "[::1]:80" name their address without the port. */
    static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(1, end) : hop;
        }
        int colon = hop.indexOf(':');
        if (colon > 0 && colon == hop.lastIndexOf(':') && IPV4.matcher(hop.substring(0, colon)).matches()) {
            return hop.substring(0, colon);
        }
        return hop;
    }

    private static String clean(String hop) {
        return hop.length() > MAX_ENTRY ? hop.substring(0, MAX_ENTRY) : hop;
    }

    /** The bytes of an IP literal; never a DNS lookup (anything else is not an address). */
    static Optional<byte[]> literal(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_ENTRY) {
            return Optional.empty();
        }
        boolean v4 = IPV4.matcher(text).matches();
        if (!v4 && !(text.contains(":") && IPV6.matcher(text).matches())) {
            return Optional.empty();
        }
        if (v4) {
            byte[] bytes = new byte[4];
            String[] parts = text.split("\\.");
            for (int i = 0; i < 4; i++) {
                int n = Integer.parseInt(parts[i]);
                if (n > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) n;
            }
            return Optional.of(bytes);
        }
        try {
            // A literal IPv6 address (checked above) is parsed, not resolved. IPv4-mapped forms come back as IPv4.
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private record Range(byte[] network, int prefix) {
        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            byte[] bytes = literal(address).orElseThrow(() -> new IllegalArgumentException(
                    "not an IP address or CIDR range: " + entry));
            int prefix = bytes.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1).trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not an IP address or CIDR range: " + entry);
                }
                if (prefix < 0 || prefix > bytes.length * 8) {
                    throw new IllegalArgumentException("prefix length out of range: " + entry);
                }
            }
            return new Range(bytes, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}

package dev.chatserver.adapter.http.auth;

import io.javalin.http.Context;
import org.eclipse.jetty.util.InetAddressSet;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address a request comes from: the socket's remote address, unless that is a trusted proxy; then the
 * {@code X-Forwarded-For} entries are read from the right (the hop nearest this server) and the first that is
 * not itself a trusted proxy is the client. {@code X-Forwarded-For} from anyone else is ignored, so a client
 * cannot choose the address it is counted under.
 */
public final class ClientAddresses {
    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private final InetAddressSet trustedProxies = new InetAddressSet();
    private final boolean anyTrusted;

    /**
     * @param trustedProxies addresses, CIDR blocks ({@code 10.0.0.0/8}) or ranges of the proxies allowed to say
     *                       whom they forward for; none by default
     */
    public ClientAddresses(List<String> trustedProxies) {
        for (String proxy : trustedProxies) {
            try {
                this.trustedProxies.add(proxy.strip());
            } catch (IllegalArgumentException invalid) {
                throw new IllegalArgumentException(proxy + " is not an address, a CIDR block or a range");
            }
        }
        this.anyTrusted = !trustedProxies.isEmpty();
    }

    public static ClientAddresses direct() {
        return new ClientAddresses(List.of());
    }

    /** Whether the request reached this server from one of the trusted proxies, whose forwarding headers count. */
    public boolean viaTrustedProxy(Context ctx) {
        if (!anyTrusted) {
            return false;
        }
        Optional<InetAddress> hop = literal(ctx.req().getRemoteAddr());
        return hop.isPresent() && trustedProxies.test(hop.get());
    }

    public String of(Context ctx) {
        String remote = ctx.req().getRemoteAddr();
        if (!anyTrusted) {
            return remote;
        }
        Optional<InetAddress> hop = literal(remote);
        if (hop.isEmpty() || !trustedProxies.test(hop.get())) {
            return remote;
        }
        List<String> forwarded = forwardedFor(ctx);
        for (String entry : forwarded) {
            Optional<InetAddress> address = literal(entry);
            if (address.isEmpty()) {
                // what a trusted proxy did not write cannot be trusted: the last trusted hop is the client
                return hop.get().getHostAddress();
            }
            hop = address;
            if (!trustedProxies.test(address.get())) {
                return address.get().getHostAddress();
            }
        }
        return hop.get().getHostAddress();
    }

    /** The X-Forwarded-For entries, nearest hop first. */
    private static List<String> forwardedFor(Context ctx) {
        List<String> entries = new ArrayList<>();
        for (String header : Collections.list(ctx.req().getHeaders(FORWARDED_FOR))) {
            for (String entry : header.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.strip());
                }
            }
        }
        Collections.reverse(entries);
        return entries;
    }

    /** An IP literal, parsed without any name lookup; empty for anything else. */
    private static Optional<InetAddress> literal(String text) {
        String candidate = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean ipv4 = IPV4.matcher(candidate).matches();
        boolean ipv6 = candidate.length() <= 45 && candidate.indexOf(':') >= 0
                && candidate.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(candidate));
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }
}

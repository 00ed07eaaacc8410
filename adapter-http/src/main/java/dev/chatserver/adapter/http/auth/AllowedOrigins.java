package dev.chatserver.adapter.http.auth;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which browser origins may use a signed-in user's cookie: the server's own (the scheme of the request and its
 * {@code Host}) and those listed with {@code --allowed-origins}, compared as scheme, host and port.
 */
public final class AllowedOrigins {
    private final Set<String> listed = new LinkedHashSet<>();

    /** @param origins e.g. {@code https://chat.example.com}; a path, query or user is refused */
    public AllowedOrigins(List<String> origins) {
        for (String origin : origins) {
            listed.add(normalised(origin.strip())
                    .orElseThrow(() -> new IllegalArgumentException(origin + " is not an origin like https://chat.example.com")));
        }
    }

    public static AllowedOrigins sameOriginOnly() {
        return new AllowedOrigins(List.of());
    }

    /** Whether a request with this {@code Origin}, made over {@code scheme} to {@code host}, comes from an allowed page. */
    public boolean allows(String origin, String scheme, String host) {
        Optional<String> from = normalised(origin);
        if (from.isEmpty()) {
            return false;
        }
        if (listed.contains(from.get())) {
            return true;
        }
        return host != null && normalised(scheme + "://" + host).equals(from);
    }

    /** {@code scheme://host:port} with the default port written out; empty when it is not an http(s) origin. */
    private static Optional<String> normalised(String origin) {
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
                return Optional.empty();
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
        } catch (java.net.URISyntaxException notAnOrigin) {
            return Optional.empty();
        }
    }
}

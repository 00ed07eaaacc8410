package dev.chatserver.bootstrap;

import dev.chatserver.adapter.http.chats.ChatsApiSettings;
import dev.chatserver.application.chats.Tenants;
import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.problem.ChatProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Chats API's settings, from flags and CHAT_* environment (see docs/chats-api.md):
 * <ul>
 *   <li>{@code --chats-tenants 'example.org=backend.svc.example.org,support.usr.localhost;other.org=...'}: the
 *   accounts that are tenants of each audience;</li>
 *   <li>{@code --chats-account-audience usr.localhost}: the audience of signed-in users' accounts;</li>
 *   <li>{@code --chats-jwt-keys 'svc.example.org=/etc/chat/svc.jwks.json;...'}: per JWT issuer, a file with
 *   its JWK set, and {@code --chats-jwt-audience} the {@code aud} their tokens must name;</li>
 *   <li>{@code --chats-max-payload 65536}: the largest body a chats route takes, in bytes.</li>
 * </ul>
 */
record ChatsSettings(Tenants tenants, ChatsApiSettings api, Map<String, String> jwtKeysByIssuer, String jwtAudience) {
    static ChatsSettings from(ChatOptions options) {
        Tenants tenants = tenants(options.get(ServerFlags.CHATS_TENANTS));
        ChatsApiSettings api;
        try {
            api = new ChatsApiSettings(options.get(ServerFlags.CHATS_MAX_PAYLOAD),
                    options.get(ServerFlags.CHATS_ACCOUNT_AUDIENCE).strip());
        } catch (IllegalArgumentException e) {
            throw new StartupFailure("--chats-max-payload, --chats-account-audience: " + e.getMessage());
        }
        return new ChatsSettings(tenants, api, jwtKeys(options.get(ServerFlags.CHATS_JWT_KEYS)),
                options.get(ServerFlags.CHATS_JWT_AUDIENCE).strip());
    }

    private static Tenants tenants(String setting) {
        Map<String, Set<AccountId>> byAudience = new HashMap<>();
        for (String[] entry : entries("--chats-tenants", setting)) {
            Set<AccountId> accounts = byAudience.computeIfAbsent(entry[0], a -> new LinkedHashSet<>());
            for (String account : entry[1].split(",")) {
                try {
                    accounts.add(AccountId.parse(account.strip()));
                } catch (ChatProblem e) {
                    throw new StartupFailure("--chats-tenants: " + e.getMessage());
                }
            }
        }
        return new Tenants(byAudience);
    }

    private static Map<String, String> jwtKeys(String setting) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String[] entry : entries("--chats-jwt-keys", setting)) {
            Path file = Path.of(entry[1]);
            try {
                keys.put(entry[0], Files.readString(file));
            } catch (IOException | RuntimeException e) {
                throw new StartupFailure("--chats-jwt-keys: cannot read the keys of " + entry[0] + " from " + file
                        + " (" + e.getMessage() + ")");
            }
        }
        return keys;
    }

    /** {@code name=value;name=value}, blanks around each part ignored. */
    private static Iterable<String[]> entries(String flag, String setting) {
        java.util.List<String[]> entries = new java.util.ArrayList<>();
        for (String entry : setting.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals <= 0 || entry.substring(equals + 1).isBlank()) {
                throw new StartupFailure(flag + ": '" + entry.strip() + "' is not name=value");
            }
            entries.add(new String[]{entry.substring(0, equals).strip(), entry.substring(equals + 1).strip()});
        }
        return entries;
    }
}

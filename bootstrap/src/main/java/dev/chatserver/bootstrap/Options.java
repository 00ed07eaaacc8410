package dev.chatserver.bootstrap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line flags and CHAT_* environment variables: {@code --db-url x} or {@code --db-url=x} wins over
 * {@code CHAT_DB_URL}. What is left after the flags are taken out are the words of a subcommand.
 */
public final class Options {
    /** Every flag the server knows; an unknown flag is refused so that a typo never passes silently. */
    static final Set<String> KNOWN = Set.of(
            "port", "host", "data-dir", "storage", "db-url", "db-user", "db-password", "db-pool-size",
            "token-ttl", "token-trust", "max-body-size", "stop-timeout", "demo", "im-message-types", "im-max-message-bytes",
            "im-edit-window",
            "login", "name", "email", "password", "group",
            "chats-tenants", "chats-account-audience", "chats-jwt-keys", "chats-jwt-audience", "chats-max-payload",
            "poll-timeout", "bus-retention", "bus-retention-count", "ws-queue", "ws-ping-interval", "ws-idle-timeout",
            "presence-sweep", "odoo-db", "ws-unversioned",
            "sign-in-login-failures", "sign-in-address-failures", "sign-in-window", "sign-in-hashes",
            "sign-in-hash-queue", "trusted-proxies", "allowed-origins",
            "ws-per-user", "channels-per-subscription", "held-polls-per-user",
            "write-queue", "write-batch", "metrics");
    private static final Set<String> SWITCHES = Set.of("demo");

    private final Map<String, String> flags;
    private final Map<String, String> environment;
    private final List<String> words;

    private Options(Map<String, String> flags, Map<String, String> environment, List<String> words) {
        this.flags = flags;
        this.environment = environment;
        this.words = List.copyOf(words);
    }

    public static Options parse(String[] args, Map<String, String> environment) {
        Map<String, String> flags = new HashMap<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                words.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (!KNOWN.contains(name)) {
                throw new StartupFailure("--" + name + ": unknown flag");
            }
            if (value == null) {
                if (SWITCHES.contains(name)) {
                    value = "true";
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new StartupFailure("--" + name + ": a value is missing");
                }
            }
            flags.put(name, value);
        }
        return new Options(flags, Map.copyOf(environment), words);
    }

    /** The value of {@code --name}, else of the environment variable CHAT_NAME. */
    public Optional<String> get(String name) {
        String flag = flags.get(name);
        if (flag != null) {
            return Optional.of(flag);
        }
        String variable = "CHAT_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
        return Optional.ofNullable(environment.get(variable)).filter(v -> !v.isEmpty());
    }

    public int getInt(String name, int fallback) {
        String value = get(name).orElse(null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new StartupFailure("--" + name + " " + value + ": not a whole number");
        }
    }

    public boolean isOn(String name) {
        return get(name).map(v -> v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes"))
                .orElse(false);
    }

    /** A duration written as 90s, 15m, 12h, 7d or ISO-8601 (PT15M). */
    public java.time.Duration getDuration(String name, java.time.Duration fallback) {
        String value = get(name).orElse(null);
        if (value == null) {
            return fallback;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) {
                return java.time.Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            long amount = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> java.time.Duration.ofSeconds(amount);
                case 'm' -> java.time.Duration.ofMinutes(amount);
                case 'h' -> java.time.Duration.ofHours(amount);
                case 'd' -> java.time.Duration.ofDays(amount);
                default -> throw new NumberFormatException(v);
            };
        } catch (RuntimeException e) {
            throw new StartupFailure("--" + name + " " + value + ": not a duration (e.g. 90s, 15m, 12h, 7d)");
        }
    }

    public List<String> words() {
        return words;
    }
}

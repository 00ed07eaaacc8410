package dev.chatserver.bootstrap;

import dev.chatserver.application.budget.Rate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Command-line flags and CHAT_* environment variables: {@code --db-url x} or {@code --db-url=x} wins over
 * {@code CHAT_DB_URL}. What is left after the flags are taken out are the words of a subcommand.
 */
public final class Options {
    /** Every flag the server and its subcommands know; an unknown flag is refused so that a typo never passes silently. */
    static final Set<String> KNOWN = Stream.concat(ServerFlags.ALL.stream().map(Flag::name), ProvisioningCommand.flagNames())
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> SWITCHES = ServerFlags.ALL.stream().filter(Flag::isSwitch).map(Flag::name)
            .collect(Collectors.toUnmodifiableSet());
    private static final Pattern NAMED_FLAG = Pattern.compile("--([a-z0-9-]+)( (\\S+))?");

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
                throw new StartupFailure("--" + name + ": unknown flag (chat-server --help lists them)");
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
        return Optional.ofNullable(environment.get(Flag.variable(name))).filter(v -> !v.isEmpty());
    }

    /**
     * A start-up message in the words the user chose: a setting that came from the environment is named by its
     * variable ({@code CHAT_PORT=abc: not a whole number} rather than {@code --port abc: ...}).
     */
    public String inUsersWords(String message) {
        Matcher named = NAMED_FLAG.matcher(message);
        StringBuilder said = new StringBuilder();
        while (named.find()) {
            String name = named.group(1);
            String replacement = named.group();
            if (KNOWN.contains(name) && !flags.containsKey(name) && get(name).isPresent()) {
                String value = get(name).orElseThrow();
                replacement = named.group(3) != null && named.group(3).startsWith(value.strip())
                        ? Flag.variable(name) + "=" + named.group(3)
                        : Flag.variable(name) + (named.group(2) == null ? "" : named.group(2));
            }
            named.appendReplacement(said, Matcher.quoteReplacement(replacement));
        }
        named.appendTail(said);
        return said.toString();
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
        return duration(value).orElseThrow(() ->
                new StartupFailure("--" + name + " " + value + ": not a duration (e.g. 90s, 15m, 12h, 7d)"));
    }

    /** A rate budget written COUNT/DURATION, e.g. 60/1m: bursts of COUNT, COUNT per DURATION sustained. */
    public Rate getRate(String name, Rate fallback) {
        String value = get(name).orElse(null);
        if (value == null) {
            return fallback;
        }
        String[] parts = value.strip().split("/", 2);
        try {
            if (parts.length == 2) {
                Optional<java.time.Duration> per = duration(parts[1]);
                if (per.isPresent()) {
                    return Rate.of(Integer.parseInt(parts[0].strip()), per.get());
                }
            }
        } catch (IllegalArgumentException notARate) {
            // answered below, with the flag's name
        }
        throw new StartupFailure("--" + name + " " + value
                + ": not a rate COUNT/DURATION with COUNT at least 1 and a positive duration (e.g. 60/1m)");
    }

    private static Optional<java.time.Duration> duration(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) {
                return Optional.of(java.time.Duration.parse(v.toUpperCase(Locale.ROOT)));
            }
            long amount = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Optional.of(java.time.Duration.ofSeconds(amount));
                case 'm' -> Optional.of(java.time.Duration.ofMinutes(amount));
                case 'h' -> Optional.of(java.time.Duration.ofHours(amount));
                case 'd' -> Optional.of(java.time.Duration.ofDays(amount));
                default -> Optional.empty();
            };
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public List<String> words() {
        return words;
    }
}

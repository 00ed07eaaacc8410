package dev.chatserver.bootstrap;

import dev.chatserver.application.budget.Rate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * One setting of the chat, typed: its flag ({@code --write-queue}), its environment variable
 * ({@code CHAT_WRITE_QUEUE}), how a written value is read into a {@code T}, and its default, written here once.
 * The parser, {@code --help}, README's table (a test compares them) and the wiring all read it from here; an
 * embedder sets it with {@link ChatOptions#with}.
 *
 * @param <T> what the setting holds once read
 */
public final class Flag<T> {
    private final String name;
    private final String value;
    private final T fallback;
    private final String shownFallback;
    private final String meaning;
    private final Function<String, T> reader;

    private Flag(String name, String value, T fallback, String shownFallback, String meaning, Function<String, T> reader) {
        this.name = name;
        this.value = value;
        this.fallback = fallback;
        this.shownFallback = shownFallback;
        this.meaning = meaning;
        this.reader = reader;
    }

    /** A whole number. */
    static Flag<Integer> number(String name, String value, int fallback, String meaning) {
        return new Flag<>(name, value, fallback, Integer.toString(fallback), meaning, Flag::wholeNumber);
    }

    /** A whole number whose default is worked out where it applies, as {@code shownFallback} says. */
    static Flag<Integer> number(String name, String value, String shownFallback, String meaning) {
        return new Flag<>(name, value, null, shownFallback, meaning, Flag::wholeNumber);
    }

    /** A duration written 90s, 15m, 12h, 7d or ISO-8601 (PT15M). */
    static Flag<Duration> duration(String name, Duration fallback, String meaning) {
        return new Flag<>(name, "duration", fallback, written(fallback), meaning, written -> parseDuration(written)
                .orElseThrow(() -> new IllegalArgumentException("not a duration (e.g. 90s, 15m, 12h, 7d)")));
    }

    /** A rate budget written COUNT/DURATION, e.g. 60/1m: bursts of COUNT, COUNT per DURATION sustained. */
    static Flag<Rate> rate(String name, Rate fallback, String meaning) {
        return new Flag<>(name, "count/duration", fallback, fallback.count() + "/" + written(fallback.per()), meaning,
                Flag::parseRate);
    }

    /** Text taken as written (blanks around it dropped). */
    static Flag<String> text(String name, String value, String fallback, String meaning) {
        return new Flag<>(name, value, fallback, fallback, meaning, Function.identity());
    }

    /** Text without a default of its own: absent unless given ({@code shownFallback} says what then applies). */
    static Flag<String> optionalText(String name, String value, String shownFallback, String meaning) {
        return new Flag<>(name, value, null, shownFallback, meaning, Function.identity());
    }

    /** A comma-separated list; blanks around each entry and empty entries dropped. */
    static Flag<List<String>> list(String name, String value, String shownFallback, String meaning) {
        return new Flag<>(name, value, List.of(), shownFallback, meaning, written -> Arrays.stream(written.split(","))
                .map(String::strip).filter(entry -> !entry.isEmpty()).toList());
    }

    static Flag<Path> path(String name, String value, Path fallback, String meaning) {
        return new Flag<>(name, value, fallback, fallback.toString(), meaning, Path::of);
    }

    /** A path without a default: absent unless given ({@code shownFallback} says what then applies). */
    static Flag<Path> optionalPath(String name, String value, String shownFallback, String meaning) {
        return new Flag<>(name, value, null, shownFallback, meaning, Path::of);
    }

    /** {@code on} or {@code off} (also true/false, yes/no, 1/0). */
    static Flag<Boolean> onOff(String name, boolean fallback, String meaning) {
        return new Flag<>(name, "on|off", fallback, fallback ? "on" : "off", meaning, Flag::parseOnOff);
    }

    /** A switch: given without a value, it is on ({@code --demo}); from the environment, true/yes/1 turn it on. */
    static Flag<Boolean> toggle(String name, String meaning) {
        return new Flag<>(name, null, false, "off", meaning, written -> written.equalsIgnoreCase("true")
                || written.equals("1") || written.equalsIgnoreCase("yes"));
    }

    /** One of a few words, read by {@code parse} (which says what it accepts when it refuses). */
    static <E extends Enum<E>> Flag<E> choice(String name, String value, E fallback, String meaning,
                                             Function<String, E> parse) {
        return new Flag<>(name, value, fallback, fallback.name().toLowerCase(Locale.ROOT), meaning, parse);
    }

    /** The same setting, its default shown as {@code shown} (e.g. "none" for an empty list of tenants). */
    Flag<T> shownAs(String shown) {
        return new Flag<>(name, value, fallback, shown, meaning, reader);
    }

    public String name() {
        return name;
    }

    /** How usage names its value; {@code null} for a switch, which takes none. */
    String value() {
        return value;
    }

    boolean isSwitch() {
        return value == null;
    }

    /** What applies when the setting is not given; {@code null} when that is worked out elsewhere (see {@link #shownFallback}). */
    T fallback() {
        return fallback;
    }

    /** The default as usage and README print it. */
    String shownFallback() {
        return shownFallback;
    }

    String meaning() {
        return meaning;
    }

    /**
     * The setting read from what the user wrote.
     *
     * @throws StartupFailure naming the flag and the value, with what is wrong
     */
    T read(String written) {
        String stripped = written.strip();
        try {
            return reader.apply(stripped);
        } catch (IllegalArgumentException wrong) {
            throw new StartupFailure(dashed() + " " + stripped + ": " + wrong.getMessage());
        }
    }

    /** {@code --write-queue}. */
    public String dashed() {
        return "--" + name;
    }

    /** The environment variable read when the flag is not given: {@code --db-url} is CHAT_DB_URL. */
    public String variable() {
        return variable(name);
    }

    static String variable(String name) {
        return "CHAT_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** {@code --write-queue <n>}, as usage writes it. */
    String written() {
        return dashed() + (isSwitch() ? "" : " <" + value + ">");
    }

    @Override
    public String toString() {
        return dashed();
    }

    private static int wholeNumber(String written) {
        try {
            return Integer.parseInt(written);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
        }
    }

    private static boolean parseOnOff(String written) {
        return switch (written.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("on or off");
        };
    }

    private static Rate parseRate(String written) {
        String[] parts = written.split("/", 2);
        try {
            if (parts.length == 2) {
                Optional<Duration> per = parseDuration(parts[1]);
                if (per.isPresent()) {
                    return Rate.of(Integer.parseInt(parts[0].strip()), per.get());
                }
            }
        } catch (IllegalArgumentException notARate) {
            // answered below
        }
        throw new IllegalArgumentException(
                "not a rate COUNT/DURATION with COUNT at least 1 and a positive duration (e.g. 60/1m)");
    }

    private static Optional<Duration> parseDuration(String written) {
        String v = written.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) {
                return Optional.of(Duration.parse(v.toUpperCase(Locale.ROOT)));
            }
            long amount = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Optional.of(Duration.ofSeconds(amount));
                case 'm' -> Optional.of(Duration.ofMinutes(amount));
                case 'h' -> Optional.of(Duration.ofHours(amount));
                case 'd' -> Optional.of(Duration.ofDays(amount));
                default -> Optional.empty();
            };
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A duration as a user writes it: 7d, 24h (one day is said in hours), 15m, 20s (ISO-8601 when it is no whole number of seconds). */
    static String written(Duration duration) {
        long seconds = duration.getSeconds();
        if (duration.getNano() != 0 || seconds == 0) {
            return seconds == 0 && duration.getNano() == 0 ? "0s" : duration.toString();
        }
        if (seconds % 86_400 == 0 && seconds > 86_400) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}

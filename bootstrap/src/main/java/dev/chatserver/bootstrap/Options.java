package dev.chatserver.bootstrap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The command line as written: {@code --db-url x} or {@code --db-url=x} wins over {@code CHAT_DB_URL}. What is left
 * after the flags are taken out are the words of a subcommand. {@link #typed()} reads the server's settings from it.
 */
public final class Options {
    private static final Map<String, Flag<?>> SERVER_FLAGS = ServerFlags.ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Flag::name, Function.identity()));
    /** Every flag the server and its subcommands know; an unknown flag is refused so that a typo never passes silently. */
    static final Set<String> KNOWN = Stream.concat(SERVER_FLAGS.keySet().stream(), ProvisioningCommand.flagNames())
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> SWITCHES = Stream.concat(ServerFlags.ALL.stream(), ProvisioningCommand.flags())
            .filter(Flag::isSwitch).map(Flag::name).collect(Collectors.toUnmodifiableSet());
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

    /** The server's settings from the flags given and the CHAT_* variables. */
    public ChatOptions typed() {
        ChatOptions options = ChatOptions.defaults();
        for (Flag<?> flag : ServerFlags.ALL) {
            options = withGiven(options, flag);
        }
        return options;
    }

    private <T> ChatOptions withGiven(ChatOptions options, Flag<T> flag) {
        return written(flag.name()).map(flag::read).map(value -> options.with(flag, value)).orElse(options);
    }

    /** The value of {@code --name}, else of its environment variable CHAT_NAME (a subcommand's flags too). */
    Optional<String> written(String name) {
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
            if (KNOWN.contains(name) && !flags.containsKey(name) && written(name).isPresent()) {
                String value = written(name).orElseThrow();
                replacement = named.group(3) != null && named.group(3).startsWith(value.strip())
                        ? Flag.variable(name) + "=" + named.group(3)
                        : Flag.variable(name) + (named.group(2) == null ? "" : named.group(2));
            }
            named.appendReplacement(said, Matcher.quoteReplacement(replacement));
        }
        named.appendTail(said);
        return said.toString();
    }

    public List<String> words() {
        return words;
    }
}

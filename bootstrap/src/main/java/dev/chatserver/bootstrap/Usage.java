package dev.chatserver.bootstrap;

import dev.chatserver.bootstrap.ProvisioningCommand.Subcommand;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What {@code --help} prints, written from the flag lists that the parser and the subcommands use. */
final class Usage {
    private Usage() {
    }

    /**
     * The usage asked for, if any: {@code help} or {@code --help} (also {@code -h}) anywhere; with a subcommand's
     * words ({@code user add --help}, {@code help group}) only the subcommands they name. Words that begin
     * subcommands without naming one ({@code chat-server user}) ask for the usage of those.
     */
    static Optional<String> asked(String[] args) {
        List<String> all = Arrays.asList(args);
        boolean helpWord = !all.isEmpty() && all.get(0).equals("help");
        String words = all.stream().skip(helpWord ? 1 : 0).takeWhile(arg -> !arg.startsWith("-"))
                .collect(Collectors.joining(" "));
        List<Subcommand> named = ProvisioningCommand.named(words);
        boolean incomplete = !named.isEmpty() && named.stream().noneMatch(c -> c.words().equals(words));
        if (!helpWord && !incomplete && !all.contains("--help") && !all.contains("-h")) {
            return Optional.empty();
        }
        return Optional.of(named.isEmpty() ? full() : commands(named));
    }

    static String full() {
        List<String> lines = new ArrayList<>();
        lines.add("usage: chat-server [flags]");
        lines.add("    starts the server; each flag is also read from its environment variable, a flag wins");
        lines.add(commandLines(ProvisioningCommand.ALL));
        lines.add("       chat-server help | --help | <command> --help");
        lines.add("    prints this, or the usage of one command");
        lines.add("");
        lines.add("Commands take the storage flags of the server (--storage, --data-dir, --db-url, ...);");
        lines.add("with H2, stop the server first: one process at a time opens its database.");
        lines.add("");
        lines.add("flags:");
        lines.addAll(table(ServerFlags.ALL));
        return String.join("\n", lines);
    }

    /** The usage lines of the given subcommands, each with what it does and prints, and the storage flags they honour. */
    static String commands(List<Subcommand> subcommands) {
        List<String> lines = new ArrayList<>();
        lines.add("usage: " + commandLines(subcommands).substring("usage: ".length()));
        lines.add("");
        lines.add("storage flags, as the server's (memory is refused: it would keep nothing; with H2, stop the server first):");
        lines.addAll(table(ServerFlags.STORAGE_FLAGS));
        return String.join("\n", lines);
    }

    private static String commandLines(List<Subcommand> subcommands) {
        return subcommands.stream().map(c -> "       " + line(c) + "\n    " + c.prints()).collect(Collectors.joining("\n"));
    }

    /** {@code chat-server user add --login <login> ... [--email <email>]}. */
    static String line(Subcommand subcommand) {
        return Stream.concat(Stream.of("chat-server", subcommand.words()), Stream.concat(
                        subcommand.required().stream().map(Flag::written),
                        subcommand.optional().stream().map(flag -> "[" + flag.written() + "]")))
                .collect(Collectors.joining(" "));
    }

    /** One line per flag: the flag, its variable, its default and its meaning, in columns. */
    private static List<String> table(List<Flag<?>> flags) {
        int flagWidth = flags.stream().mapToInt(f -> f.written().length()).max().orElse(0);
        int variableWidth = flags.stream().mapToInt(f -> f.variable().length()).max().orElse(0);
        int fallbackWidth = flags.stream().mapToInt(f -> f.shownFallback().length()).max().orElse(0);
        return flags.stream().map(flag -> ("  " + pad(flag.written(), flagWidth) + "  " + pad(flag.variable(), variableWidth)
                + "  " + pad(flag.shownFallback(), fallbackWidth) + "  " + flag.meaning()).stripTrailing()).toList();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}

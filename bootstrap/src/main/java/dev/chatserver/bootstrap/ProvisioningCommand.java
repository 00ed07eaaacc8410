package dev.chatserver.bootstrap;

import dev.chatserver.application.port.in.account.AddGroupCommand;
import dev.chatserver.application.port.in.account.AddMemberCommand;
import dev.chatserver.application.port.in.account.AddUserCommand;
import dev.chatserver.application.port.in.account.ProvisionAccounts;
import dev.chatserver.application.port.out.Storage;
import dev.chatserver.domain.account.Login;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code user add}, {@code group add} and {@code group add-member}: provisioning against the configured storage,
 * each printing the id it created or changed.
 */
final class ProvisioningCommand {
    static final Flag<String> LOGIN = Flag.optionalText("login", "login", null, null);
    static final Flag<String> NAME = Flag.optionalText("name", "name", null, null);
    static final Flag<String> EMAIL = Flag.optionalText("email", "email", null, null);
    static final Flag<String> GROUP = Flag.optionalText("group", "id or name", null, null);
    /** Also from CHAT_PASSWORD, as every flag, or from standard input with {@link #PASSWORD_STDIN}. */
    static final Flag<String> PASSWORD = Flag.optionalText("password", "password", null, null);
    static final Flag<Boolean> PASSWORD_STDIN = Flag.toggle("password-stdin", null);
    /** {@code user add --admin}: the new user administers the server. */
    static final Flag<Boolean> ADMIN = Flag.toggle("admin", null);

    /**
     * A subcommand: its words, its flags (usage and the check of required ones read the same lists), what else
     * usage says of it, and its answer.
     */
    record Subcommand(String words, List<Flag<?>> required, List<Flag<?>> optional, String prints,
                      Function<Arguments, Long> action) {
    }

    /** The values of a subcommand's flags, read once they are known to be there. */
    record Arguments(ProvisionAccounts provisioning, Map<String, String> values) {
        String get(Flag<String> flag) {
            return values.getOrDefault(flag.name(), "");
        }

        boolean isSet(Flag<Boolean> flag) {
            return values.containsKey(flag.name()) && flag.read(values.get(flag.name()));
        }
    }

    static final List<Subcommand> ALL = List.of(
            new Subcommand("user add", List.of(LOGIN, NAME, PASSWORD), List.of(EMAIL, ADMIN),
                    "adds a user; prints the new user's id\n    instead of --password <password>: --password-stdin"
                            + " (the first line of standard input) or the environment variable CHAT_PASSWORD"
                            + "\n    --admin: the user administers the server (the routes under /api/v1/admin)",
                    a -> a.provisioning().addUser(AddUserCommand.of(a.get(LOGIN), a.get(NAME), a.get(EMAIL),
                            a.get(PASSWORD), a.isSet(ADMIN))).id().value()),
            new Subcommand("user grant-admin", List.of(LOGIN), List.of(),
                    "gives the user the administrator role (again changes nothing); prints the user's id",
                    a -> a.provisioning().grantAdmin(new Login(a.get(LOGIN))).id().value()),
            new Subcommand("group add", List.of(NAME), List.of(),
                    "adds a group (group names are unique); prints the new group's id",
                    a -> a.provisioning().addGroup(new AddGroupCommand(a.get(NAME))).id().value()),
            new Subcommand("group add-member", List.of(GROUP, LOGIN), List.of(),
                    "adds the user to the group (again changes nothing); prints the group's id",
                    a -> a.provisioning().addMember(AddMemberCommand.of(a.get(GROUP), a.get(LOGIN))).id().value()));

    private ProvisioningCommand() {
    }

    static boolean isOne(List<String> words) {
        return !words.isEmpty();
    }

    /** Every flag some subcommand takes. */
    static Stream<Flag<?>> flags() {
        return Stream.concat(ALL.stream().flatMap(c -> Stream.concat(c.required().stream(), c.optional().stream())),
                Stream.of(PASSWORD_STDIN)).distinct();
    }

    static Stream<String> flagNames() {
        return flags().map(Flag::name);
    }

    /** The subcommands whose words begin with {@code words} ({@code user} names {@code user add}). */
    static List<Subcommand> named(String words) {
        return words.isEmpty() ? List.of()
                : ALL.stream().filter(c -> (c.words() + " ").startsWith(words + " ")).toList();
    }

    static long run(Settings settings, Options options, InputStream stdin) {
        String command = String.join(" ", options.words());
        Subcommand subcommand = ALL.stream().filter(c -> c.words().equals(command)).findFirst()
                .orElseThrow(() -> new StartupFailure("unknown command '" + command + "'\n" + Usage.commands(ALL)));
        Map<String, String> values = new HashMap<>();
        Stream.concat(subcommand.required().stream(), subcommand.optional().stream())
                .forEach(flag -> options.written(flag.name()).ifPresent(value -> values.put(flag.name(), value)));
        if (subcommand.required().contains(PASSWORD) && options.written(PASSWORD_STDIN.name()).isPresent()) {
            values.put(PASSWORD.name(), firstLine(stdin));
        }
        for (Flag<?> flag : subcommand.required()) {
            if (!values.containsKey(flag.name())) {
                throw new StartupFailure(flag.dashed() + ": required; usage: " + Usage.line(subcommand));
            }
        }
        if (settings.storage() == Settings.StorageKind.MEMORY) {
            throw new StartupFailure("--storage memory: a command's memory is gone when it ends, so nothing would be"
                    + " kept; give the storage of the server (h2 with its --data-dir, or postgres with --db-url)");
        }
        try (Storage storage = StorageFactory.open(settings)) {
            ProvisionAccounts provisioning = ChatServer.injector(settings, storage).getInstance(ProvisionAccounts.class);
            return subcommand.action().apply(new Arguments(provisioning, values));
        }
    }

    private static String firstLine(InputStream stdin) {
        try {
            String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            return Optional.ofNullable(line).filter(password -> !password.isEmpty()).orElseThrow(() ->
                    new StartupFailure("--password-stdin: standard input gave no password (one line, then end of input)"));
        } catch (IOException e) {
            throw new StartupFailure("--password-stdin: cannot read standard input (" + e.getMessage() + ")");
        }
    }
}

package dev.chatserver.bootstrap;

import dev.chatserver.application.port.in.account.AddGroupCommand;
import dev.chatserver.application.port.in.account.AddMemberCommand;
import dev.chatserver.application.port.in.account.AddUserCommand;
import dev.chatserver.application.port.in.account.ProvisionAccounts;
import dev.chatserver.application.port.out.Storage;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code user add}, {@code group add} and {@code group add-member}: provisioning against the configured storage,
 * each printing the id it created or changed.
 */
final class ProvisioningCommand {

    /** A subcommand: its words, its flags (usage and the check of required ones read the same list) and its answer. */
    record Subcommand(String words, List<Flag> required, List<Flag> optional, String prints,
                      Function<Arguments, Long> action) {
    }

    /** The values of a subcommand's flags, read once they are known to be there. */
    record Arguments(ProvisionAccounts provisioning, Map<String, String> values) {
        String get(String name) {
            return values.getOrDefault(name, "");
        }
    }

    static final List<Subcommand> ALL = List.of(
            new Subcommand("user add",
                    List.of(Flag.of("login", "login", null, null), Flag.of("name", "name", null, null),
                            Flag.of("password", "password", null, null)),
                    List.of(Flag.of("email", "email", null, null)),
                    "adds a user; prints the new user's id",
                    a -> a.provisioning().addUser(AddUserCommand.of(a.get("login"), a.get("name"), a.get("email"),
                            a.get("password"))).id().value()),
            new Subcommand("group add", List.of(Flag.of("name", "name", null, null)), List.of(),
                    "adds a group (group names are unique); prints the new group's id",
                    a -> a.provisioning().addGroup(new AddGroupCommand(a.get("name"))).id().value()),
            new Subcommand("group add-member",
                    List.of(Flag.of("group", "id or name", null, null), Flag.of("login", "login", null, null)),
                    List.of(), "adds the user to the group (again changes nothing); prints the group's id",
                    a -> a.provisioning().addMember(AddMemberCommand.of(a.get("group"), a.get("login"))).id().value()));

    private ProvisioningCommand() {
    }

    static boolean isOne(List<String> words) {
        return !words.isEmpty();
    }

    /** The names of every flag some subcommand takes. */
    static Stream<String> flagNames() {
        return ALL.stream().flatMap(c -> Stream.concat(c.required().stream(), c.optional().stream())).map(Flag::name);
    }

    static long run(Settings settings, List<String> words) {
        String command = String.join(" ", words);
        Subcommand subcommand = ALL.stream().filter(c -> c.words().equals(command)).findFirst()
                .orElseThrow(() -> new StartupFailure("unknown command '" + command + "'\n" + Usage.commands(ALL)));
        Options options = settings.options();
        Map<String, String> values = Stream.concat(subcommand.required().stream(), subcommand.optional().stream())
                .filter(flag -> options.get(flag.name()).isPresent())
                .collect(Collectors.toMap(Flag::name, flag -> options.get(flag.name()).orElseThrow()));
        for (Flag flag : subcommand.required()) {
            if (!values.containsKey(flag.name())) {
                throw new StartupFailure("--" + flag.name() + ": required; usage: " + Usage.line(subcommand));
            }
        }
        try (Storage storage = StorageFactory.open(settings)) {
            ProvisionAccounts provisioning = ChatServer.injector(settings, storage).getInstance(ProvisionAccounts.class);
            return subcommand.action().apply(new Arguments(provisioning, values));
        }
    }
}

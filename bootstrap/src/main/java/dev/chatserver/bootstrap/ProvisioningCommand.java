package dev.chatserver.bootstrap;

import dev.chatserver.application.port.in.account.AddGroupCommand;
import dev.chatserver.application.port.in.account.AddMemberCommand;
import dev.chatserver.application.port.in.account.AddUserCommand;
import dev.chatserver.application.port.in.account.ProvisionAccounts;
import dev.chatserver.application.port.out.Storage;

import java.util.List;

/**
 * {@code user add}, {@code group add} and {@code group add-member}: provisioning against the configured storage,
 * each printing the id it created or changed.
 */
final class ProvisioningCommand {
    static final String USAGE = """
            usage: chat-server [flags]                      start the server
                   chat-server user add --login L --name N --email E --password P
                   chat-server group add --name N
                   chat-server group add-member --group G --login L""";

    private ProvisioningCommand() {
    }

    static boolean isOne(List<String> words) {
        return !words.isEmpty();
    }

    static long run(Settings settings, List<String> words) {
        String command = String.join(" ", words);
        Options options = settings.options();
        try (Storage storage = StorageFactory.open(settings)) {
            ProvisionAccounts provisioning = ChatServer.injector(settings, storage).getInstance(ProvisionAccounts.class);
            return switch (command) {
                case "user add" -> provisioning.addUser(AddUserCommand.of(required(options, "login"),
                        required(options, "name"), options.get("email").orElse(""), required(options, "password")))
                        .id().value();
                case "group add" -> provisioning.addGroup(new AddGroupCommand(required(options, "name"))).id().value();
                case "group add-member" -> provisioning.addMember(AddMemberCommand.of(required(options, "group"),
                        required(options, "login"))).id().value();
                default -> throw new StartupFailure("unknown command '" + command + "'\n" + USAGE);
            };
        }
    }

    private static String required(Options options, String name) {
        return options.get(name).orElseThrow(() -> new StartupFailure("--" + name + ": required"));
    }
}

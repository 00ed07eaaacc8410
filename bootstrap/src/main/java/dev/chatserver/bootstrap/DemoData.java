package dev.chatserver.bootstrap;

import dev.chatserver.application.port.in.account.AddGroupCommand;
import dev.chatserver.application.port.in.account.AddMemberCommand;
import dev.chatserver.application.port.in.account.AddUserCommand;
import dev.chatserver.application.port.in.account.ProvisionAccounts;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.Group;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.problem.AlreadyExists;
import jakarta.inject.Inject;

import java.util.List;

/** The users of the spec's examples, so that a newcomer can sign in at once (passwords in README.md). */
public final class DemoData {
    public record DemoUser(String login, String name, String email, String password) {
    }

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("lynx", "Lucid Lynx", "lynx@example.org", "lynx-demo-password"),
            new DemoUser("ocelot", "Oneiric Ocelot", "ocelot@example.org", "ocelot-demo-password"),
            new DemoUser("support", "Russian Support", "russian@support.ru", "support-demo-password"));
    public static final String GROUP = "News";

    private final ProvisionAccounts provisioning;
    private final UserDirectory directory;

    @Inject
    public DemoData(ProvisionAccounts provisioning, UserDirectory directory) {
        this.provisioning = provisioning;
        this.directory = directory;
    }

    /** Creates whatever of the demo data is missing; running it again changes nothing. */
    public void ensurePresent() {
        for (DemoUser user : USERS) {
            if (directory.userByLogin(new Login(user.login())).isEmpty()) {
                provisioning.addUser(AddUserCommand.of(user.login(), user.name(), user.email(), user.password()));
            }
        }
        String group = String.valueOf(demoGroup().id().value());
        for (DemoUser user : USERS) {
            provisioning.addMember(AddMemberCommand.of(group, user.login()));
        }
    }

    /** Group names are unique, so the group named News is the demo's, whoever made it; another node may make it first. */
    private Group demoGroup() {
        return directory.groupsNamed(GROUP).stream().findFirst().orElseGet(() -> {
            try {
                return provisioning.addGroup(new AddGroupCommand(GROUP));
            } catch (AlreadyExists e) {
                return directory.groupsNamed(GROUP).get(0);
            }
        });
    }
}

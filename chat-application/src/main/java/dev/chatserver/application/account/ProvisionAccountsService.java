package dev.chatserver.application.account;

import dev.chatserver.application.port.in.account.AddGroupCommand;
import dev.chatserver.application.port.in.account.AddMemberCommand;
import dev.chatserver.application.port.in.account.AddUserCommand;
import dev.chatserver.application.port.in.account.ProvisionAccounts;
import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.out.PasswordHasher;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.application.port.out.AccountStandings;
import dev.chatserver.domain.account.AccountStanding;
import dev.chatserver.domain.account.Group;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.problem.InvalidInput;
import dev.chatserver.domain.problem.NotFound;
import jakarta.inject.Inject;

import java.util.List;

public final class ProvisionAccountsService implements ProvisionAccounts {
    private final UserDirectory directory;
    private final AccountRegistry registry;
    private final PasswordHasher hasher;
    private final Transactions transactions;
    private final AccountStandings standings;

    @Inject
    public ProvisionAccountsService(UserDirectory directory, AccountRegistry registry, PasswordHasher hasher,
                                    Transactions transactions, AccountStandings standings) {
        this.standings = standings;
        this.directory = directory;
        this.registry = registry;
        this.hasher = hasher;
        this.transactions = transactions;
    }

    @Override
    public User addUser(AddUserCommand command) {
        String hash = hasher.hash(command.password());
        return transactions.inTransaction(() -> {
            User user = registry.register(command.user(), hash);
            if (command.admin()) {
                standings.save(AccountStanding.ordinary(user.id()).grantedAdmin());
            }
            return user;
        });
    }

    @Override
    public User grantAdmin(Login login) {
        return transactions.inTransaction(() -> {
            User user = directory.userByLogin(login)
                    .orElseThrow(() -> new NotFound("user", "login", "no user has the login " + login));
            AccountStanding standing = standings.lockStanding(user.id())
                    .orElseThrow(() -> new NotFound("user", "login", "no user has the login " + login));
            standings.save(standing.grantedAdmin());
            return user;
        });
    }

    @Override
    public Group addGroup(AddGroupCommand command) {
        return transactions.inTransaction(() -> registry.createGroup(command.name()));
    }

    @Override
    public Group addMember(AddMemberCommand command) {
        return transactions.inTransaction(() -> {
            Group group = findGroup(command.group());
            User user = directory.userByLogin(command.login())
                    .orElseThrow(() -> new NotFound("user", "login", "no user has the login " + command.login()));
            return registry.addMember(group.id(), user.id());
        });
    }

    private Group findGroup(String idOrName) {
        if (idOrName.length() <= 18 && idOrName.chars().allMatch(Character::isDigit)) {
            return directory.group(GroupId.of(Long.parseLong(idOrName)))
                    .orElseThrow(() -> new NotFound("group", "group", "no group has the id " + idOrName));
        }
        List<Group> named = directory.groupsNamed(idOrName);
        if (named.isEmpty()) {
            throw new NotFound("group", "group", "no group is named " + idOrName);
        }
        if (named.size() > 1) {
            throw new InvalidInput("group", named.size() + " groups are named " + idOrName + "; give the id");
        }
        return named.get(0);
    }
}

package dev.chatserver.application.admin;

import dev.chatserver.application.port.in.account.SignIn;
import dev.chatserver.application.port.in.admin.AdministerUsers;
import dev.chatserver.application.port.in.admin.CreateUserCommand;
import dev.chatserver.application.port.in.admin.EndSessionsCommand;
import dev.chatserver.application.port.in.admin.ListUsersCommand;
import dev.chatserver.application.port.in.admin.ResetPasswordCommand;
import dev.chatserver.application.port.in.admin.UpdateUserCommand;
import dev.chatserver.application.port.in.admin.UserPage;
import dev.chatserver.application.port.in.view.AccountView;
import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.out.AccountStandings;
import dev.chatserver.application.port.out.PasswordHasher;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.AccountStanding;
import dev.chatserver.domain.account.User;
import jakarta.inject.Inject;

import java.util.List;
import java.util.OptionalLong;

public final class AdministerUsersService implements AdministerUsers {
    private final AdminActions actions;
    private final AccountStandings standings;
    private final AccountRegistry registry;
    private final UserDirectory directory;
    private final PasswordHasher hasher;
    private final Transactions transactions;
    private final SignIn signIn;

    @Inject
    public AdministerUsersService(AdminActions actions, AccountStandings standings, AccountRegistry registry,
                                  UserDirectory directory, PasswordHasher hasher, Transactions transactions,
                                  SignIn signIn) {
        this.actions = actions;
        this.standings = standings;
        this.registry = registry;
        this.directory = directory;
        this.hasher = hasher;
        this.transactions = transactions;
        this.signIn = signIn;
    }

    @Override
    public UserPage list(ListUsersCommand command) {
        actions.administrator(command.by());
        // one more than asked tells whether another page follows
        List<AccountView> read = standings.page(command.search(), command.after(), command.limit() + 1);
        if (read.size() <= command.limit()) {
            return new UserPage(read, OptionalLong.empty());
        }
        List<AccountView> page = read.subList(0, command.limit());
        return new UserPage(page, OptionalLong.of(page.get(page.size() - 1).user().id().value()));
    }

    @Override
    public AccountView create(CreateUserCommand command) {
        actions.administrator(command.by());
        String hash = hasher.hash(command.user().password());
        return transactions.inTransaction(() -> {
            actions.administrator(command.by());
            User user = registry.register(command.user().user(), hash);
            AccountStanding standing = AccountStanding.ordinary(user.id());
            if (command.user().admin()) {
                standing = standing.grantedAdmin();
                standings.save(standing);
            }
            actions.record(command.by(), "user.create", user.id(), "login " + user.login()
                    + (standing.admin() ? ", administrator" : ""));
            return new AccountView(user, standing);
        });
    }

    @Override
    public AccountView update(UpdateUserCommand command) {
        boolean[] disabledNow = {false};
        AccountView updated = transactions.inTransaction(() -> {
            AdminActions.Locked locked = actions.lock(command.by(), command.user());
            User user = actions.existing(command.user());
            if (command.name().isPresent() && !command.name().get().equals(user.name())) {
                standings.rename(user.id(), command.name().get());
                actions.record(command.by(), "user.rename", user.id(),
                        "name " + user.name() + " -> " + command.name().get());
                user = new User(user.id(), user.login(), command.name().get(), user.email(), user.partner());
            }
            AccountStanding standing = locked.target();
            if (command.disabled().isPresent()) {
                AccountStanding changed = standing.disabledBy(locked.administrator(), command.disabled().get());
                if (!changed.equals(standing)) {
                    standings.save(changed);
                    actions.record(command.by(), changed.disabled() ? "user.disable" : "user.enable", user.id(),
                            "login " + user.login());
                    disabledNow[0] = changed.disabled();
                }
                standing = changed;
            }
            return new AccountView(user, standing);
        });
        if (disabledNow[0]) {
            // after the standing is durable: a sign-in racing this one then sees it (SignInService)
            signIn.signOutEverywhere(command.user(), null);
        }
        return updated;
    }

    @Override
    public void resetPassword(ResetPasswordCommand command) {
        actions.administrator(command.by());
        String hash = hasher.hash(command.password());
        transactions.inTransaction(() -> {
            actions.lock(command.by(), command.user());
            User user = actions.existing(command.user());
            standings.changePasswordHash(user.id(), hash);
            actions.record(command.by(), "user.reset_password", user.id(), "login " + user.login());
        });
        signIn.signOutEverywhere(command.user(), null);
    }

    @Override
    public int endSessions(EndSessionsCommand command) {
        transactions.inTransaction(() -> {
            actions.lock(command.by(), command.user());
            User user = actions.existing(command.user());
            actions.record(command.by(), "user.end_sessions", user.id(), "login " + user.login());
        });
        return signIn.signOutEverywhere(command.user(), null);
    }
}

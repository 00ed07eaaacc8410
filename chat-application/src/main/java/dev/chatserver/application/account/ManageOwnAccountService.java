package dev.chatserver.application.account;

import dev.chatserver.application.budget.Budget;
import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.im.ProfileAnnouncements;
import dev.chatserver.application.port.in.account.ChangePasswordCommand;
import dev.chatserver.application.port.in.account.ManageOwnAccount;
import dev.chatserver.application.port.in.account.SetProfileCommand;
import dev.chatserver.application.port.in.account.SignIn;
import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.out.AccountStandings;
import dev.chatserver.application.port.out.PasswordHasher;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.problem.InvalidInput;
import dev.chatserver.domain.problem.NotFound;
import jakarta.inject.Inject;

public final class ManageOwnAccountService implements ManageOwnAccount {
    private final AccountRegistry registry;
    private final AccountStandings standings;
    private final UserDirectory directory;
    private final PasswordHasher hasher;
    private final Transactions transactions;
    private final UserBudgets budgets;
    private final SignIn signIn;
    private final ProfileAnnouncements announcements;

    @Inject
    public ManageOwnAccountService(AccountRegistry registry, AccountStandings standings, UserDirectory directory,
                                   PasswordHasher hasher, Transactions transactions, UserBudgets budgets,
                                   SignIn signIn, ProfileAnnouncements announcements) {
        this.registry = registry;
        this.standings = standings;
        this.directory = directory;
        this.hasher = hasher;
        this.transactions = transactions;
        this.budgets = budgets;
        this.signIn = signIn;
        this.announcements = announcements;
    }

    @Override
    public void changePassword(ChangePasswordCommand command) {
        budgets.spend(Budget.WRITES, command.user());
        String stored = registry.passwordHash(command.user())
                .orElseThrow(() -> new InvalidInput("oldPassword", "oldPassword is wrong"));
        if (!hasher.matches(command.oldPassword(), stored)) {
            throw new InvalidInput("oldPassword", "oldPassword is wrong");
        }
        String hash = hasher.hash(command.newPassword());
        transactions.inTransaction(() -> standings.changePasswordHash(command.user(), hash));
        signIn.signOutEverywhere(command.user(), command.keptToken());
    }

    @Override
    public User setProfile(SetProfileCommand command) {
        budgets.spend(Budget.WRITES, command.user());
        return transactions.inTransaction(() -> {
            User user = directory.user(command.user())
                    .orElseThrow(() -> new NotFound("user", "user", "no user has the id " + command.user()));
            if (user.name().equals(command.name())) {
                return user;
            }
            standings.rename(user.id(), command.name());
            announcements.profileChanged(user.id());
            return directory.user(user.id()).orElseThrow();
        });
    }
}

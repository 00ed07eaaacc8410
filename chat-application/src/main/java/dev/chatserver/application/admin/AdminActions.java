package dev.chatserver.application.admin;

import dev.chatserver.application.port.in.admin.Administrator;
import dev.chatserver.application.port.out.AccountStandings;
import dev.chatserver.application.port.out.AuditLog;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.AccountStanding;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.NotFound;
import jakarta.inject.Inject;

import java.time.Clock;

/**
 * What every administrative use case does around its change: asks the caller's standing whether they administer,
 * locks the accounts a change decides on, and writes the audit entry.
 */
public final class AdminActions {
    private final AccountStandings standings;
    private final UserDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    /** The administrator's standing and the target's, both locked. */
    record Locked(AccountStanding administrator, AccountStanding target) {
    }

    @Inject
    public AdminActions(AccountStandings standings, UserDirectory directory, AuditLog audit, Clock clock) {
        this.standings = standings;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** The caller's standing, refused unless it administers. */
    AccountStanding administrator(Administrator by) {
        AccountStanding standing = standings.standing(by.user())
                .orElseThrow(AccountStanding::notAdministrator);
        standing.requireAdministrator();
        return standing;
    }

    /**
     * Locks the administrator's account and the target's, in id order so that two administrators acting on each
     * other wait rather than deadlock, and the second decides on what the first left: an administrator disabled
     * meanwhile is refused.
     */
    Locked lock(Administrator by, UserId target) {
        UserId first = by.user().value() <= target.value() ? by.user() : target;
        UserId second = first.equals(by.user()) ? target : by.user();
        AccountStanding firstStanding = lockOrMissing(first, by);
        AccountStanding secondStanding = first.equals(second) ? firstStanding : lockOrMissing(second, by);
        AccountStanding administrator = first.equals(by.user()) ? firstStanding : secondStanding;
        administrator.requireAdministrator();
        return new Locked(administrator, first.equals(target) ? firstStanding : secondStanding);
    }

    private AccountStanding lockOrMissing(UserId user, Administrator by) {
        return standings.lockStanding(user).orElseThrow(() -> user.equals(by.user())
                ? AccountStanding.notAdministrator()
                : new NotFound("user", "user", "no user has the id " + user));
    }

    User existing(UserId user) {
        return directory.user(user).orElseThrow(() -> new NotFound("user", "user", "no user has the id " + user));
    }

    void record(Administrator by, String action, UserId target, String detail) {
        audit.record(clock.instant(), by.user(), action, "user:" + target.value(), detail, by.clientAddress());
    }

    void record(Administrator by, String action, String target, String detail) {
        audit.record(clock.instant(), by.user(), action, target, detail, by.clientAddress());
    }
}

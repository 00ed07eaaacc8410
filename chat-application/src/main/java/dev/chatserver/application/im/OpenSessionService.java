package dev.chatserver.application.im;

import dev.chatserver.application.port.in.im.OpenGroupSessionCommand;
import dev.chatserver.application.port.in.im.OpenSession;
import dev.chatserver.application.port.in.im.OpenSessionCommand;
import dev.chatserver.application.budget.Budget;
import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.application.port.out.IdGenerator;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.Group;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.NewSession;
import dev.chatserver.domain.im.Membership;
import dev.chatserver.domain.problem.Throttled;
import dev.chatserver.application.port.out.UserBlocks;
import dev.chatserver.domain.im.Block;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

public final class OpenSessionService implements OpenSession {
    private final ImSessions sessions;
    private final SessionViews views;
    private final ImNotifier notifier;
    private final SessionCounterparts counterparts;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;
    private final UserBudgets budgets;
    private final UserBlocks blocks;

    @Inject
    public OpenSessionService(ImSessions sessions, SessionViews views, ImNotifier notifier, UserDirectory directory,
                              Transactions transactions, IdGenerator ids, Clock clock, UserBudgets budgets,
                              UserBlocks blocks) {
        this.blocks = blocks;
        this.budgets = budgets;
        this.sessions = sessions;
        this.views = views;
        this.notifier = notifier;
        this.counterparts = new SessionCounterparts(directory);
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public SessionView openPrivate(OpenSessionCommand command) {
        UserId caller = command.caller().id();
        Optional<Throttled> overBudget = budgets.trySpend(Budget.NEW_SESSIONS, caller);
        return transactions.inTransaction(() -> {
            User other = counterparts.existingUser(command.userTo(), "userTo");
            NewSession wanted = NewSession.privateBetween(caller, other.id(), command.document(), ids.newUuid(),
                    now());
            Block.checkOpening(!blocks.existing(List.of(new Block(other.id(), caller))).isEmpty(), "userTo");
            ImSession session = findOrCreate(wanted, caller, overBudget);
            if (session.uuid().equals(wanted.uuid())) {
                notifier.sessionChanged(session, session.memberIds());
            }
            return views.asSeenBy(caller, session);
        });
    }

    @Override
    public SessionView openGroup(OpenGroupSessionCommand command) {
        UserId caller = command.caller().id();
        Optional<Throttled> overBudget = budgets.trySpend(Budget.NEW_SESSIONS, caller);
        return transactions.inTransaction(() -> {
            Group group = counterparts.groupOfMember(command.group(), caller);
            NewSession wanted = NewSession.ofGroup(group, command.document(), ids.newUuid(), now());
            ImSession session = findOrCreate(wanted, caller, overBudget);
            if (session.uuid().equals(wanted.uuid())) {
                notifier.sessionChanged(session, session.memberIds());
            } else {
                // members who joined the group since the session was made join the session now
                List<Membership> newcomers = session.newcomers(group.members());
                Set<UserId> added = newcomers.isEmpty() ? Set.of() : sessions.addMembers(session.id(), newcomers);
                if (!added.isEmpty()) {
                    session = reread(session);
                    notifier.sessionChanged(session, added);
                }
            }
            return views.asSeenBy(caller, session);
        });
    }

    /**
     * Only creating a session spends from the caller's budget of new sessions, so the unit was taken before anything
     * was read: given back when the session existed; when the caller had none left, only an existing one is opened.
     */
    private ImSession findOrCreate(NewSession wanted, UserId caller, Optional<Throttled> overBudget) {
        if (overBudget.isPresent()) {
            return sessions.byKeys(List.of(wanted.key())).stream().findFirst().orElseThrow(overBudget::get);
        }
        ImSession session = sessions.findOrCreate(wanted);
        if (!session.uuid().equals(wanted.uuid())) {
            budgets.giveBack(Budget.NEW_SESSIONS, caller);
        }
        return session;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private ImSession reread(ImSession session) {
        return sessions.byUuid(session.uuid()).orElseThrow();
    }
}

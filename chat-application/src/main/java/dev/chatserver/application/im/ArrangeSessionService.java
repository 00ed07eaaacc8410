package dev.chatserver.application.im;

import dev.chatserver.application.budget.Budget;
import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.port.in.im.ArrangeSession;
import dev.chatserver.application.port.in.im.ChangeStateCommand;
import dev.chatserver.application.port.in.im.ChangeStatusCommand;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.Membership;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

public final class ArrangeSessionService implements ArrangeSession {
    private final ImSessions sessions;
    private final SessionAccess access;
    private final SessionViews views;
    private final ImNotifier notifier;
    private final Transactions transactions;
    private final UserBudgets budgets;

    @Inject
    public ArrangeSessionService(ImSessions sessions, SessionAccess access, SessionViews views, ImNotifier notifier,
                                 Transactions transactions, UserBudgets budgets) {
        this.budgets = budgets;
        this.sessions = sessions;
        this.access = access;
        this.views = views;
        this.notifier = notifier;
        this.transactions = transactions;
    }

    @Override
    public SessionView changeStatus(ChangeStatusCommand command) {
        UserId caller = command.caller().id();
        return change(caller, command.session(), session -> session.changeStatus(caller, command.newStatus()));
    }

    @Override
    public SessionView changeState(ChangeStateCommand command) {
        UserId caller = command.caller().id();
        return change(caller, command.session(), session -> session.changeState(caller, command.state()));
    }

    /** The caller changes their own view, decided on their membership read under lock. */
    private SessionView change(UserId caller, UUID uuid, Function<ImSession, Optional<Membership>> change) {
        budgets.spend(Budget.WRITES, caller);
        return transactions.inTransaction(() -> {
            ImSession session = sessions.lockMember(access.forMember(caller, uuid), caller);
            Optional<Membership> changed = change.apply(session);
            if (changed.isPresent()) {
                sessions.saveMemberships(session.id(), List.of(changed.get()));
                session = session.with(List.of(changed.get()));
                notifier.sessionChanged(session, List.of(caller));
            }
            return views.asSeenBy(caller, session);
        });
    }
}

package dev.chatserver.application.im;

import dev.chatserver.application.port.in.im.ArrangeSession;
import dev.chatserver.application.port.in.im.ChangeStateCommand;
import dev.chatserver.application.port.in.im.ChangeStatusCommand;
import dev.chatserver.application.port.in.im.ListGroupSessionsCommand;
import dev.chatserver.application.port.in.im.ListSessions;
import dev.chatserver.application.port.in.im.ListSessionsCommand;
import dev.chatserver.application.port.in.im.OpenGroupSessionCommand;
import dev.chatserver.application.port.in.im.OpenSession;
import dev.chatserver.application.port.in.im.OpenSessionCommand;
import dev.chatserver.application.budget.Budget;
import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.application.port.out.IdGenerator;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.SessionQuery;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.Group;
import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.NewSession;
import dev.chatserver.domain.im.Membership;
import dev.chatserver.domain.problem.NotFound;
import dev.chatserver.domain.problem.Throttled;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

public final class ImSessionService implements OpenSession, ListSessions, ArrangeSession {
    private final ImSessions sessions;
    private final SessionAccess access;
    private final SessionViews views;
    private final ImNotifier notifier;
    private final UserDirectory directory;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;
    private final UserBudgets budgets;

    @Inject
    public ImSessionService(ImSessions sessions, SessionAccess access, SessionViews views, ImNotifier notifier,
                            UserDirectory directory, Transactions transactions, IdGenerator ids, Clock clock,
                            UserBudgets budgets) {
        this.budgets = budgets;
        this.sessions = sessions;
        this.access = access;
        this.views = views;
        this.notifier = notifier;
        this.directory = directory;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public SessionView openPrivate(OpenSessionCommand command) {
        UserId caller = command.caller().id();
        Optional<Throttled> overBudget = budgets.trySpend(Budget.NEW_SESSIONS, caller);
        return transactions.inTransaction(() -> {
            User other = existingUser(command.userTo(), "userTo");
            NewSession wanted = NewSession.privateBetween(caller, other.id(), command.document(), ids.newUuid(),
                    now());
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
            Group group = groupOfMember(command.group(), caller);
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

    @Override
    public List<SessionView> privateSessions(ListSessionsCommand command) {
        UserId caller = command.caller().id();
        command.userTo().ifPresent(user -> existingUser(user, "userTo"));
        List<ImSession> found = sessions.sessionsOf(caller, new SessionQuery(false, command.userTo(),
                Optional.empty(), command.document(), command.state())
                .page(command.page().beforeId(), command.page().limit()));
        return views.asSeenBy(caller, found);
    }

    @Override
    public List<SessionView> groupSessions(ListGroupSessionsCommand command) {
        UserId caller = command.caller().id();
        command.group().ifPresent(group -> groupOfMember(group, caller));
        List<ImSession> found = sessions.sessionsOf(caller, new SessionQuery(true, Optional.empty(),
                command.group(), command.document(), command.state())
                .page(command.page().beforeId(), command.page().limit()));
        return views.asSeenBy(caller, found);
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

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private ImSession reread(ImSession session) {
        return sessions.byUuid(session.uuid()).orElseThrow();
    }

    private User existingUser(UserId id, String field) {
        return directory.user(id).orElseThrow(() -> new NotFound("user", field, "no user has the id " + id));
    }

    /** A group the caller is not in answers like one that does not exist. */
    private Group groupOfMember(GroupId id, UserId caller) {
        return directory.group(id).filter(g -> g.hasMember(caller))
                .orElseThrow(() -> new NotFound("group", "group", "no group of yours has the id " + id));
    }
}

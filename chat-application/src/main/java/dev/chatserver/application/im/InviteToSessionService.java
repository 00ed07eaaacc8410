package dev.chatserver.application.im;

import dev.chatserver.application.budget.Budget;
import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.port.in.im.InviteCommand;
import dev.chatserver.application.port.in.im.InviteToSession;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.Invitation;
import dev.chatserver.domain.im.MessageType;
import dev.chatserver.domain.im.PostDraft;
import dev.chatserver.domain.im.SessionPosts;
import dev.chatserver.application.port.in.view.SessionView;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A member invites a user into a session, in one unit of work: the session decides on its members read under
 * lock, the newcomer's membership is stored (a private session also takes a key of its own), every member is
 * told how the session now looks, and the inviter says in a meta message who joined, as Odoo 8 does (the
 * same way as every post: {@link PostRecorder}).
 */
public final class InviteToSessionService implements InviteToSession {

    private final ImSessions sessions;
    private final SessionAccess access;
    private final PostRecorder recorder;
    private final SessionViews views;
    private final ImNotifier notifier;
    private final SessionCounterparts counterparts;
    private final Transactions transactions;
    private final Clock clock;
    private final UserBudgets budgets;

    @Inject
    public InviteToSessionService(ImSessions sessions, SessionAccess access, PostRecorder recorder, SessionViews views,
                                  ImNotifier notifier, UserDirectory directory, Transactions transactions, Clock clock,
                                  UserBudgets budgets) {
        this.budgets = budgets;
        this.sessions = sessions;
        this.access = access;
        this.recorder = recorder;
        this.views = views;
        this.notifier = notifier;
        this.counterparts = new SessionCounterparts(directory);
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public SessionView invite(InviteCommand command) {
        User inviter = command.caller();
        budgets.spend(Budget.WRITES, inviter.id());
        return transactions.inTransaction(() -> {
            ImSession session = sessions.lockMembers(access.forMember(inviter.id(), command.session()));
            User newcomer = counterparts.existingUser(command.newcomer(), "newcomer");
            Optional<Invitation> invitation = session.invite(inviter.id(), newcomer.id());
            // a private session taking a third member becomes a new ad hoc one: the inviter made a session
            boolean turnsAdHoc = invitation.isPresent() && invitation.get().newKey().isPresent();
            if (turnsAdHoc) {
                budgets.spend(Budget.NEW_SESSIONS, inviter.id());
            }
            // a racing invitation may have added them since the lock was taken: the store's answer settles it
            if (invitation.isEmpty()
                    || sessions.addMembers(session.id(), List.of(invitation.get().newcomer())).isEmpty()) {
                if (turnsAdHoc) {
                    budgets.giveBack(Budget.NEW_SESSIONS, inviter.id());
                }
                return views.asSeenBy(inviter.id(), sessions.byUuid(session.uuid()).orElseThrow());
            }
            invitation.get().newKey().ifPresent(key -> sessions.rekey(session.id(), key));
            ImSession joined = invitation.get().joined();
            notifier.sessionChanged(joined, joined.memberIds());
            ImSession after = announce(joined, inviter, newcomer);
            return views.asSeenBy(inviter.id(), after);
        });
    }

    /**
     * The inviter's meta message "<name> joined the conversation.", decided by the session as the invitation left
     * it (its members still locked) and stored as every post is: the session as the post left it.
     */
    private ImSession announce(ImSession session, User inviter, User newcomer) {
        SessionPosts decided = session.postAll(List.of(PostDraft.plain(inviter.id(), MessageType.META,
                newcomer.name() + " joined the conversation.")), now());
        return recorder.record(List.of(new PostRecorder.Accepted(decided, 0, inviter))).get(0).posted().session();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

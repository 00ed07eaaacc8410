package dev.chatserver.application.im;

import dev.chatserver.application.budget.Budget;
import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.port.in.im.MarkRead;
import dev.chatserver.application.port.in.im.MarkReadCommand;
import dev.chatserver.application.port.in.im.ReadState;
import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.Membership;
import jakarta.inject.Inject;

import java.util.List;

/**
 * A member's read pointer moved by mark_read, decided by the session on the member's row read under lock: two
 * racing mark_reads of one member end at the greater message, and a post racing with one waits for it (a post
 * locks every member's row), so the unread count answered is exact when it commits. What follows a move is
 * {@link ReadPointerChanges}'s.
 */
public final class MarkReadService implements MarkRead {
    private final ImSessions sessions;
    private final ImMessages messages;
    private final SessionAccess access;
    private final ReadPointerChanges readPointer;
    private final Transactions transactions;
    private final UserBudgets budgets;

    @Inject
    public MarkReadService(ImSessions sessions, ImMessages messages, SessionAccess access,
                           ReadPointerChanges readPointer, Transactions transactions, UserBudgets budgets) {
        this.budgets = budgets;
        this.sessions = sessions;
        this.messages = messages;
        this.access = access;
        this.readPointer = readPointer;
        this.transactions = transactions;
    }

    @Override
    public ReadState markRead(MarkReadCommand command) {
        UserId reader = command.caller().id();
        budgets.spend(Budget.WRITES, reader);
        return transactions.inTransaction(() -> {
            ImSession session = sessions.lockMember(access.forMember(reader, command.session()), reader);
            ImMessage message = messages.byIds(List.of(command.messageId())).stream().findFirst()
                    .orElseThrow(ImSession::unknownMessage);
            Membership before = session.membershipOf(reader).orElseThrow();
            Membership pointed = session.markSeen(reader, message, false).orElse(before);
            long unread = messages.countUnread(List.of(pointed.unreadIn(session.id()))).get(0);
            Membership after = session.markSeen(reader, message, unread == 0).orElse(before);
            readPointer.keep(session, before, after);
            return new ReadState(after.seenMessageId().orElse(0), unread, after.read());
        });
    }
}

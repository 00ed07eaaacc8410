package dev.chatserver.application.im;

import dev.chatserver.application.attachment.AttachmentErasure;

import dev.chatserver.application.budget.Budget;
import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.port.in.im.ChangeMessage;
import dev.chatserver.application.port.in.im.DeleteMessageCommand;
import dev.chatserver.application.port.in.im.EditMessageCommand;
import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.MessageReactions;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.problem.InvalidInput;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Edits and deletions, by the message's author within the edit window, each on the message locked
 * ({@link MessageLocks}).
 */
public final class ChangeMessageService implements ChangeMessage {
    private final ImMessages messages;
    private final MessageLocks locks;
    private final MessageReactions reactions;
    private final ImNotifier notifier;
    private final Transactions transactions;
    private final ImPolicy policy;
    private final EditWindow window;
    private final Clock clock;
    private final UserBudgets budgets;
    private final AttachmentErasure files;
    private final MentionedUsers mentioned;

    @Inject
    public ChangeMessageService(ImMessages messages, ImSessions sessions, MessageReactions reactions,
                                ImNotifier notifier, Transactions transactions, ImPolicy policy, EditWindow window,
                                Clock clock, UserBudgets budgets, AttachmentErasure files, MentionedUsers mentioned) {
        this.files = files;
        this.mentioned = mentioned;
        this.budgets = budgets;
        this.messages = messages;
        this.locks = new MessageLocks(messages, sessions);
        this.reactions = reactions;
        this.notifier = notifier;
        this.transactions = transactions;
        this.policy = policy;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public ImMessage edit(EditMessageCommand command) {
        budgets.spend(Budget.WRITES, command.caller().id());
        if (command.content().getBytes(StandardCharsets.UTF_8).length > policy.maxContentBytes()) {
            throw new InvalidInput("content",
                    "content has at most " + policy.maxContentBytes() + " bytes (UTF-8)");
        }
        return transactions.inTransaction(() -> {
            MessageLocks.Locked seen = locks.lockForMember(command.messageId(), command.caller().id());
            // the new text decides whom it mentions, among the members as they are now
            List<UserId> mentions = seen.session().mentionsIn(command.content(),
                    mentioned.calledIn(List.of(command.content())), command.caller().id());
            ImMessage edited = seen.message().editedBy(command.caller().id(), command.content(), mentions,
                    clock.instant(), window.length());
            messages.saveChange(edited);
            notifier.messageEdited(seen.session(), edited);
            return edited;
        });
    }

    @Override
    public ImMessage delete(DeleteMessageCommand command) {
        budgets.spend(Budget.WRITES, command.caller().id());
        return transactions.inTransaction(() -> {
            MessageLocks.Locked seen = locks.lockForMember(command.messageId(), command.caller().id());
            ImMessage tombstone = seen.message().deletedBy(command.caller().id(), clock.instant(), window.length());
            messages.saveChange(tombstone);
            reactions.clear(tombstone.id());
            files.removeOfMessage(tombstone.id());
            notifier.messageDeleted(seen.session(), tombstone);
            return tombstone;
        });
    }
}

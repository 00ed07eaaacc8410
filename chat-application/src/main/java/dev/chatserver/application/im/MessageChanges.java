package dev.chatserver.application.im;

import dev.chatserver.application.budget.Budget;
import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.port.in.im.ChangeMessage;
import dev.chatserver.application.port.in.im.DeleteMessageCommand;
import dev.chatserver.application.port.in.im.EditMessageCommand;
import dev.chatserver.application.port.in.im.ReactCommand;
import dev.chatserver.application.port.in.im.ReactToMessage;
import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.MessageReactions;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.application.port.out.notification.event.ReactionToggled;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.Reaction;
import dev.chatserver.domain.problem.InvalidInput;
import dev.chatserver.domain.problem.Refused;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Edits, deletions and reactions. Each locks the message first, so that changes of one message are decided one
 * after the other on what the one before left: an edit racing a deletion finds the tombstone or is deleted after,
 * and of two edits the one committed last is the message's content.
 */
public final class MessageChanges implements ChangeMessage, ReactToMessage {
    private final ImMessages messages;
    private final ImSessions sessions;
    private final MessageReactions reactions;
    private final ImNotifier notifier;
    private final Transactions transactions;
    private final ImPolicy policy;
    private final EditWindow window;
    private final Clock clock;
    private final UserBudgets budgets;

    @Inject
    public MessageChanges(ImMessages messages, ImSessions sessions, MessageReactions reactions, ImNotifier notifier,
                          Transactions transactions, ImPolicy policy, EditWindow window, Clock clock,
                          UserBudgets budgets) {
        this.budgets = budgets;
        this.messages = messages;
        this.sessions = sessions;
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
            Seen seen = lockForMember(command.messageId(), command.caller().id());
            ImMessage edited = seen.message().editedBy(command.caller().id(), command.content(), clock.instant(),
                    window.length());
            messages.saveChange(edited);
            notifier.messageEdited(seen.session(), edited);
            return edited;
        });
    }

    @Override
    public ImMessage delete(DeleteMessageCommand command) {
        budgets.spend(Budget.WRITES, command.caller().id());
        return transactions.inTransaction(() -> {
            Seen seen = lockForMember(command.messageId(), command.caller().id());
            ImMessage tombstone = seen.message().deletedBy(command.caller().id(), clock.instant(), window.length());
            messages.saveChange(tombstone);
            reactions.clear(tombstone.id());
            notifier.messageDeleted(seen.session(), tombstone);
            return tombstone;
        });
    }

    @Override
    public ReactionToggled react(ReactCommand command) {
        budgets.spend(Budget.REACTIONS, command.caller().id());
        return transactions.inTransaction(() -> {
            Seen seen = lockForMember(command.messageId(), command.caller().id());
            seen.message().acceptReaction();
            Reaction reaction = new Reaction(seen.message().id(), command.caller().id(), command.emoji());
            boolean reacted = !reactions.has(reaction);
            if (reacted) {
                requireRoomForAnother(reaction);
                reactions.add(reaction);
            } else {
                reactions.remove(reaction);
            }
            ReactionToggled toggled = new ReactionToggled(seen.session().uuid(), reaction.messageId(), reaction.user(),
                    reaction.emoji().value(), reacted, reactions.count(reaction.messageId(), reaction.emoji()));
            notifier.reactionToggled(seen.session(), toggled);
            return toggled;
        });
    }

    /**
     * A user's distinct reactions on one message are capped: counted with the message locked, so two racing
     * reactions of one user are decided one after the other and cannot end above the cap. Waiting does not lift
     * it (so no {@code Throttled}); taking back one of one's reactions does.
     */
    private void requireRoomForAnother(Reaction reaction) {
        int cap = budgets.reactionsPerMessage();
        if (reactions.distinctOf(reaction.messageId(), reaction.user()) >= cap) {
            throw new Refused("too_many_reactions", "you have " + cap
                    + " different reactions on this message already; take one back to add another");
        }
    }

    private record Seen(ImMessage message, ImSession session) {
    }

    /** The message locked, with its session; to anyone but a member of that session, as if it did not exist. */
    private Seen lockForMember(long messageId, UserId member) {
        ImMessage message = messages.lockMessage(messageId).orElseThrow(ImMessage::unknown);
        ImSession session = sessions.byId(message.sessionId()).filter(s -> s.hasMember(member))
                .orElseThrow(ImMessage::unknown);
        return new Seen(message, session);
    }
}

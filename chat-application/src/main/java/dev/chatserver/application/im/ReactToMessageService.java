package dev.chatserver.application.im;

import dev.chatserver.application.budget.Budget;
import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.port.in.im.ReactCommand;
import dev.chatserver.application.port.in.im.ReactToMessage;
import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.MessageReactions;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.notification.event.ReactionToggled;
import dev.chatserver.domain.im.Reaction;
import dev.chatserver.domain.problem.Refused;
import jakarta.inject.Inject;

/** A member toggles their reaction on a message, on the message locked ({@link MessageLocks}). */
public final class ReactToMessageService implements ReactToMessage {
    private final MessageLocks locks;
    private final MessageReactions reactions;
    private final ImNotifier notifier;
    private final Transactions transactions;
    private final UserBudgets budgets;

    @Inject
    public ReactToMessageService(ImMessages messages, ImSessions sessions, MessageReactions reactions,
                                 ImNotifier notifier, Transactions transactions, UserBudgets budgets) {
        this.budgets = budgets;
        this.locks = new MessageLocks(messages, sessions);
        this.reactions = reactions;
        this.notifier = notifier;
        this.transactions = transactions;
    }

    @Override
    public ReactionToggled react(ReactCommand command) {
        budgets.spend(Budget.REACTIONS, command.caller().id());
        return transactions.inTransaction(() -> {
            MessageLocks.Locked seen = locks.lockForMember(command.messageId(), command.caller().id());
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
}

package dev.chatserver.application.im;

import dev.chatserver.application.budget.Budget;
import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.port.in.im.PostMessage;
import dev.chatserver.application.port.in.im.PostMessageCommand;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.write.ClientKeys;
import dev.chatserver.application.write.GroupCommit;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.PostDraft;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.MessageViews;
import dev.chatserver.domain.problem.InvalidInput;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * A member says something in a session: the post is checked here, then stored by the writer with the others
 * waiting ({@link PostingLane}). A typing signal is passed on at once and never stored.
 */
public final class PostMessageService implements PostMessage {
    private final GroupCommit writer;
    private final PostingLane posting;
    private final SessionAccess access;
    private final ImNotifier notifier;
    private final Transactions transactions;
    private final ImPolicy policy;
    private final ClientKeys clientKeys;
    private final Clock clock;
    private final UserBudgets budgets;

    @Inject
    public PostMessageService(GroupCommit writer, PostingLane posting, SessionAccess access, ImNotifier notifier,
                              Transactions transactions, ImPolicy policy, ClientKeys clientKeys, Clock clock,
                              UserBudgets budgets) {
        this.writer = writer;
        this.posting = posting;
        this.access = access;
        this.notifier = notifier;
        this.transactions = transactions;
        this.policy = policy;
        this.clientKeys = clientKeys;
        this.clock = clock;
        this.budgets = budgets;
    }

    @Override
    public MessageView post(PostMessageCommand command) {
        accept(command);
        if (command.draft().type().isTyping()) {
            return typing(command);
        }
        return writer.write(posting, command);
    }

    @Override
    public CompletableFuture<MessageView> postAsync(PostMessageCommand command) {
        accept(command);
        if (command.draft().type().isTyping()) {
            return CompletableFuture.completedFuture(typing(command));
        }
        return writer.submit(posting, command);
    }

    /**
     * Typing needs no durability: it skips the writer, is passed on to the other members and is never stored.
     * Only a member may type into a session, as only a member may post.
     */
    private MessageView typing(PostMessageCommand command) {
        User caller = command.caller();
        return transactions.inTransaction(() -> {
            ImSession session = access.forMember(caller.id(), command.session());
            PostDraft draft = command.draft();
            MessageView signal = MessageViews.typing(session, caller, draft.type(), draft.content(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
            notifier.typing(session, signal);
            return signal;
        });
    }

    /**
     * What the server's configuration allows and what the poster may still send, checked before the post waits for
     * the writer: a typing signal spends from its own budget, a post to be stored from the posts budget.
     */
    private void accept(PostMessageCommand command) {
        PostDraft draft = command.draft();
        budgets.spend(draft.type().isTyping() ? Budget.TYPING : Budget.POSTS, command.caller().id());
        if (!policy.messageTypes().contains(draft.type().value())) {
            throw new InvalidInput("type", "type is one of " + new TreeSet<>(policy.messageTypes()));
        }
        if (draft.content().getBytes(StandardCharsets.UTF_8).length > policy.maxContentBytes()) {
            throw new InvalidInput("content",
                    "content has at most " + policy.maxContentBytes() + " bytes (UTF-8)");
        }
        if (command.clientId() != null) {
            clientKeys.sweepNowAndThen();
        }
    }
}

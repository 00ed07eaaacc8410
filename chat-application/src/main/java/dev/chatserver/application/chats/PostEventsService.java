package dev.chatserver.application.chats;

import dev.chatserver.application.budget.Budget;
import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.port.in.chats.PostEventCommand;
import dev.chatserver.application.port.in.chats.PostEvents;
import dev.chatserver.application.write.ClientKeys;
import dev.chatserver.application.write.GroupCommit;
import dev.chatserver.domain.chats.Event;
import jakarta.inject.Inject;

import java.util.concurrent.CompletableFuture;

public final class PostEventsService implements PostEvents {
    private final GroupCommit writer;
    private final EventAppending appending;
    private final ClientKeys clientKeys;
    private final UserBudgets budgets;

    @Inject
    public PostEventsService(GroupCommit writer, EventAppending appending, ClientKeys clientKeys, UserBudgets budgets) {
        this.budgets = budgets;
        this.clientKeys = clientKeys;
        this.writer = writer;
        this.appending = appending;
    }

    @Override
    public Event post(PostEventCommand command) {
        accept(command);
        return writer.write(appending, command);
    }

    @Override
    public CompletableFuture<Event> postAsync(PostEventCommand command) {
        accept(command);
        return writer.submit(appending, command);
    }

    /** What the poster (a user's account or a backend's) may still post, before the event waits for the writer. */
    private void accept(PostEventCommand command) {
        budgets.spend(Budget.CHAT_EVENTS, command.by());
        if (command.idempotencyKey() != null) {
            clientKeys.sweepNowAndThen();
        }
    }
}

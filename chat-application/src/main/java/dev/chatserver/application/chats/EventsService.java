package dev.chatserver.application.chats;

import dev.chatserver.application.budget.Budget;
import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.port.in.chats.ListEventsCommand;
import dev.chatserver.application.port.in.chats.PostEventCommand;
import dev.chatserver.application.port.in.chats.PostEvents;
import dev.chatserver.application.port.in.chats.ReadEvents;
import dev.chatserver.application.port.in.chats.ReadStateCommand;
import dev.chatserver.application.port.out.ChatStore;
import dev.chatserver.application.write.ClientKeys;
import dev.chatserver.application.write.GroupCommit;
import dev.chatserver.application.port.out.EventStore;
import dev.chatserver.domain.chats.Chat;
import dev.chatserver.domain.chats.ChatId;
import dev.chatserver.domain.chats.Event;
import dev.chatserver.domain.chats.EventPage;
import dev.chatserver.domain.chats.EventQuery;
import dev.chatserver.domain.chats.SetState;
import dev.chatserver.domain.problem.NotFound;
import jakarta.inject.Inject;

import java.util.List;
import java.util.concurrent.CompletableFuture;

public final class EventsService implements PostEvents, ReadEvents {
    private final ChatStore chats;
    private final EventStore events;
    private final GroupCommit writer;
    private final EventAppending appending;
    private final ClientKeys clientKeys;
    private final UserBudgets budgets;

    @Inject
    public EventsService(ChatStore chats, EventStore events, GroupCommit writer, EventAppending appending,
                         ClientKeys clientKeys, UserBudgets budgets) {
        this.budgets = budgets;
        this.clientKeys = clientKeys;
        this.chats = chats;
        this.events = events;
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

    @Override
    public EventPage events(ListEventsCommand command) {
        Chat chat = chatOf(command.chat());
        return events.page(new EventQuery(chat.roomId(), command.types(), command.set(), command.label(),
                command.attribute(), command.occurredAt(), command.direction(), command.limit()));
    }

    @Override
    public List<SetState> state(ReadStateCommand command) {
        Chat chat = chatOf(command.chat());
        return events.state(chat.roomId(), command.sets(), command.occurredAt(), command.limit());
    }

    private Chat chatOf(ChatId id) {
        return chats.chat(id).orElseThrow(() -> new NotFound("chat", "chat", "no chat has the id " + id));
    }
}

package dev.chatserver.application.chats;

import dev.chatserver.application.port.in.chats.ListEventsCommand;
import dev.chatserver.application.port.in.chats.PostEventCommand;
import dev.chatserver.application.port.in.chats.PostEvents;
import dev.chatserver.application.port.in.chats.ReadEvents;
import dev.chatserver.application.port.in.chats.ReadStateCommand;
import dev.chatserver.application.port.out.ChatStore;
import dev.chatserver.application.port.out.EventRoomStore;
import dev.chatserver.application.port.out.EventStore;
import dev.chatserver.application.port.out.IdGenerator;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.domain.chats.AppendedEvent;
import dev.chatserver.domain.chats.Chat;
import dev.chatserver.domain.chats.ChatId;
import dev.chatserver.domain.chats.Event;
import dev.chatserver.domain.chats.EventId;
import dev.chatserver.domain.chats.EventPage;
import dev.chatserver.domain.chats.EventQuery;
import dev.chatserver.domain.chats.EventRoom;
import dev.chatserver.domain.chats.NewEvent;
import dev.chatserver.domain.chats.SetState;
import dev.chatserver.domain.problem.NotFound;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

public final class EventsService implements PostEvents, ReadEvents {
    private final ChatStore chats;
    private final EventRoomStore rooms;
    private final EventStore events;
    private final ChatNotifier notifier;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;

    @Inject
    public EventsService(ChatStore chats, EventRoomStore rooms, EventStore events, ChatNotifier notifier,
                         Transactions transactions, IdGenerator ids, Clock clock) {
        this.chats = chats;
        this.rooms = rooms;
        this.events = events;
        this.notifier = notifier;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Event post(PostEventCommand command) {
        return transactions.inTransaction(() -> {
            Chat chat = chatOf(command.chat());
            EventRoom room = rooms.roomForUpdate(chat.roomId()).orElseThrow(() -> new IllegalStateException(
                    "the chat " + chat.id() + " names the missing room " + chat.roomId()));
            // Read under the room's lock, so that a later event never gets an earlier reading.
            Instant now = clock.instant();
            NewEvent draft = new NewEvent(command.type(), command.set(), command.label(), command.attribute(),
                    command.data(), command.by());
            OptionalLong labelFirst = draft.label() == null ? OptionalLong.empty()
                    : events.firstOccurredAt(room.id(), draft.set(), draft.label());
            AppendedEvent appended = room.append(now, new EventId(ids.newUuid()), draft, labelFirst);
            rooms.update(appended.room());
            if (command.persistent()) {
                events.append(List.of(appended.event()));
            }
            notifier.eventAppended(appended.room(), appended.event(), command.claim());
            return appended.event();
        });
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
        return chats.chat(id).orElseThrow(() -> new NotFound("chat", "chat_id", "no chat has the id " + id));
    }
}

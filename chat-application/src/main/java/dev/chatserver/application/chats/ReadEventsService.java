package dev.chatserver.application.chats;

import dev.chatserver.application.port.in.chats.ListEventsCommand;
import dev.chatserver.application.port.in.chats.ReadEvents;
import dev.chatserver.application.port.in.chats.ReadStateCommand;
import dev.chatserver.application.port.out.ChatStore;
import dev.chatserver.application.port.out.EventStore;
import dev.chatserver.domain.chats.Chat;
import dev.chatserver.domain.chats.EventPage;
import dev.chatserver.domain.chats.EventQuery;
import dev.chatserver.domain.chats.SetState;
import jakarta.inject.Inject;

import java.util.List;

public final class ReadEventsService implements ReadEvents {
    private final ExistingChats chats;
    private final EventStore events;

    @Inject
    public ReadEventsService(ChatStore chats, EventStore events) {
        this.chats = new ExistingChats(chats);
        this.events = events;
    }

    @Override
    public EventPage events(ListEventsCommand command) {
        Chat chat = chats.byId(command.chat());
        return events.page(new EventQuery(chat.roomId(), command.types(), command.set(), command.label(),
                command.attribute(), command.occurredAt(), command.direction(), command.limit()));
    }

    @Override
    public List<SetState> state(ReadStateCommand command) {
        Chat chat = chats.byId(command.chat());
        return events.state(chat.roomId(), command.sets(), command.occurredAt(), command.limit());
    }
}

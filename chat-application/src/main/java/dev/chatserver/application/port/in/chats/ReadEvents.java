package dev.chatserver.application.port.in.chats;

import dev.chatserver.domain.chats.EventPage;
import dev.chatserver.domain.chats.SetState;

import java.util.List;

/** Reading what happened in a chat's room: pages of events, and the state of sets. */
public interface ReadEvents {
    EventPage events(ListEventsCommand command);

    /** One entry per set asked for, in the order asked. */
    List<SetState> state(ReadStateCommand command);
}

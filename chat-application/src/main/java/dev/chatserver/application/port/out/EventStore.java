package dev.chatserver.application.port.out;

import dev.chatserver.domain.chats.Event;
import dev.chatserver.domain.chats.EventPage;
import dev.chatserver.domain.chats.EventQuery;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.domain.chats.SetState;

import java.util.List;
import java.util.OptionalLong;

/**
 * The stored events of rooms. Reading a page or a state costs the same few queries however many events a
 * room holds.
 */
public interface EventStore {
    /**
     * Stores events of one room, given in increasing {@code occurred_at}, each later than every event already
     * stored in that room.
     */
    void append(List<Event> events);

    /** The {@code occurred_at} of the first stored event of the room with this set and label. */
    OptionalLong firstOccurredAt(RoomId room, String set, String label);

    /** The stored events of these ids, in one read however many. */
    List<Event> byIds(java.util.Collection<dev.chatserver.domain.chats.EventId> ids);

    /** One page of events, read in one query. */
    EventPage page(EventQuery query);

    /**
     * For each of the sets, in the order given: its newest event per label (an event without a label counts
     * as one label of its own) among those that occurred at or before {@code at} (when given), at most
     * {@code limit} labels, newest first.
     */
    List<SetState> state(RoomId room, List<String> sets, OptionalLong at, int limit);
}

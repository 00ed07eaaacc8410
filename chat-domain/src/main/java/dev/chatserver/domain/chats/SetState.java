package dev.chatserver.domain.chats;

import java.util.List;
import java.util.Objects;

/** The state of one set of a room: its newest event per label, newest first. */
public record SetState(String set, List<Event> newest) {
    public SetState {
        Objects.requireNonNull(set, "set");
        newest = List.copyOf(newest);
    }

    /** A set whose events carry no label is one item: its newest event. */
    public boolean isSingleItem() {
        return newest.size() == 1 && newest.get(0).label() == null;
    }
}

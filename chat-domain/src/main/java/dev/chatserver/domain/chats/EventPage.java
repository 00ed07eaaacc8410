package dev.chatserver.domain.chats;

import java.util.List;
import java.util.OptionalLong;

/** A page of events and, when more follow in the same direction, the cursor to read the next page from. */
public record EventPage(List<Event> events, OptionalLong nextCursor) {
    public EventPage {
        events = List.copyOf(events);
    }

    /** The page of at most {@code limit} from {@code fetched}, read with one more than the limit to see if more follow. */
    public static EventPage of(List<Event> fetched, int limit) {
        if (fetched.size() <= limit) {
            return new EventPage(fetched, OptionalLong.empty());
        }
        List<Event> page = fetched.subList(0, limit);
        return new EventPage(page, OptionalLong.of(page.get(limit - 1).occurredAt()));
    }
}

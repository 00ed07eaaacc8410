package dev.chatserver.application.port.in.chats;

import dev.chatserver.domain.chats.ChatId;
import dev.chatserver.domain.chats.Direction;
import dev.chatserver.domain.chats.Names;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A page of a chat's events. {@code occurredAt} is the cursor: only events strictly after it (forward) or
 * before it (backward). Without a cursor, forward starts at the oldest event and backward at the newest.
 */
public record ListEventsCommand(ChatId chat, Set<String> types, String set, String label, String attribute,
                                OptionalLong occurredAt, Direction direction, int limit) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    public static final int MAX_TYPES = 20;

    public ListEventsCommand {
        if (chat == null) {
            throw new InvalidInput("chat", "chat is required");
        }
        Objects.requireNonNull(types, "types");
        if (types.size() > MAX_TYPES) {
            throw new InvalidInput("types", "types has at most " + MAX_TYPES + " names");
        }
        Set<String> checked = new LinkedHashSet<>();
        types.forEach(type -> checked.add(Names.require("types", type)));
        types = Set.copyOf(checked);
        set = Names.optional("set", set);
        label = Names.optional("label", label);
        attribute = Names.optional("attribute", attribute);
        occurredAt = occurredAt == null ? OptionalLong.empty() : occurredAt;
        if (occurredAt.isPresent() && occurredAt.getAsLong() < 0) {
            throw new InvalidInput("occurredAt", "occurredAt is not negative");
        }
        direction = direction == null ? Direction.BACKWARD : direction;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("limit", "limit is between 1 and " + MAX_LIMIT);
        }
    }
}

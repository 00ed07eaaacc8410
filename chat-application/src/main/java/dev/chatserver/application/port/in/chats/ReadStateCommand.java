package dev.chatserver.application.port.in.chats;

import dev.chatserver.domain.chats.ChatId;
import dev.chatserver.domain.chats.Names;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;

/**
 * The state of some sets of a chat's room: for each, the newest event per label, at most {@code limit} labels
 * per set, newest first; as it was at {@code occurredAt} when given, else now.
 */
public record ReadStateCommand(ChatId chat, List<String> sets, OptionalLong occurredAt, int limit) {
    public static final int MAX_SETS = 20;
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public ReadStateCommand {
        if (chat == null) {
            throw new InvalidInput("chat", "chat is required");
        }
        if (sets == null || sets.isEmpty() || sets.size() > MAX_SETS) {
            throw new InvalidInput("sets", "sets names 1 to " + MAX_SETS + " sets, comma-separated");
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        sets.forEach(set -> distinct.add(Names.require("sets", set)));
        sets = List.copyOf(distinct);
        occurredAt = occurredAt == null ? OptionalLong.empty() : occurredAt;
        if (occurredAt.isPresent() && occurredAt.getAsLong() < 0) {
            throw new InvalidInput("occurredAt", "occurredAt is not negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("limit", "limit is between 1 and " + MAX_LIMIT);
        }
    }
}

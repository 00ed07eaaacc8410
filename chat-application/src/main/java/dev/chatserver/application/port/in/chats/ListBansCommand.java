package dev.chatserver.application.port.in.chats;

import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;

/** A tenant reads a page of the room's bans, in account order, after the account {@code after} (null: the first). */
public record ListBansCommand(AccountId by, RoomId room, AccountId after, int limit) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public ListBansCommand {
        Objects.requireNonNull(by, "by");
        if (room == null) {
            throw new InvalidInput("room", "room is required");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("limit", "limit is between 1 and " + MAX_LIMIT);
        }
    }
}

package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.List;
import java.util.Objects;

/** Users to add to or remove from the caller's own address book. */
public record ChangeBookCommand(User caller, List<UserId> userIds) {
    public static final int MAX_USERS = 1000;

    public ChangeBookCommand {
        Objects.requireNonNull(caller, "caller");
        if (userIds == null) {
            throw new InvalidInput("user_ids", "user_ids is not list");
        }
        if (userIds.size() > MAX_USERS) {
            throw new InvalidInput("user_ids", "user_ids has at most " + MAX_USERS + " ids");
        }
        userIds = userIds.stream().distinct().toList();
    }

    public static ChangeBookCommand of(User caller, List<Long> userIds) {
        if (userIds == null) {
            throw new InvalidInput("user_ids", "user_ids is not list");
        }
        if (userIds.stream().anyMatch(id -> id == null || id <= 0)) {
            throw new InvalidInput("user_ids", "user_ids holds positive user ids");
        }
        return new ChangeBookCommand(caller, userIds.stream().map(UserId::of).toList());
    }
}

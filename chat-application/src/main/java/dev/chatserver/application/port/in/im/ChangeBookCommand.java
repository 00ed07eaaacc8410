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
            throw new InvalidInput("userIds", "userIds is required");
        }
        if (userIds.size() > MAX_USERS) {
            throw new InvalidInput("userIds", "userIds has at most " + MAX_USERS + " ids");
        }
        if (userIds.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInput("userIds", "userIds holds user ids");
        }
        userIds = userIds.stream().distinct().toList();
    }
}

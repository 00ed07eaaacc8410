package dev.chatserver.application.port.in.admin;

import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;
import java.util.Optional;

/** A page of groups after the id {@code after} (0 for the first), those whose name contains {@code search}. */
public record ListGroupsCommand(Administrator by, Optional<String> search, long after, int limit) {
    public ListGroupsCommand {
        Objects.requireNonNull(by, "by");
        search = search.map(String::strip).filter(text -> !text.isEmpty());
        if (search.isPresent() && search.get().length() > ListUsersCommand.MAX_SEARCH_LENGTH) {
            throw new InvalidInput("search", "search has at most " + ListUsersCommand.MAX_SEARCH_LENGTH
                    + " characters");
        }
        if (after < 0) {
            throw new InvalidInput("after", "after is a group id, or 0 for the first page");
        }
        if (limit < 1 || limit > ListUsersCommand.MAX_LIMIT) {
            throw new InvalidInput("limit", "limit is 1 to " + ListUsersCommand.MAX_LIMIT);
        }
    }
}

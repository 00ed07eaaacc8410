package dev.chatserver.application.port.in.admin;

import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;
import java.util.Optional;

/** A page of accounts after the id {@code after} (0 for the first), those matching {@code search} when given. */
public record ListUsersCommand(Administrator by, Optional<String> search, long after, int limit) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    public static final int MAX_SEARCH_LENGTH = 100;

    public ListUsersCommand {
        Objects.requireNonNull(by, "by");
        search = search.map(String::strip).filter(text -> !text.isEmpty());
        if (search.isPresent() && search.get().length() > MAX_SEARCH_LENGTH) {
            throw new InvalidInput("search", "search has at most " + MAX_SEARCH_LENGTH + " characters");
        }
        if (after < 0) {
            throw new InvalidInput("after", "after is an account id, or 0 for the first page");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("limit", "limit is 1 to " + MAX_LIMIT);
        }
    }
}

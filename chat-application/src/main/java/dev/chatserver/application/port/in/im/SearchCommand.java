package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.account.User;
import dev.chatserver.domain.im.SearchWords;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A search of the caller's messages: the words of a query, in one session or all of the caller's, newest first,
 * below message {@code lastId} when given, at most {@code limit}.
 */
public record SearchCommand(User caller, SearchWords words, Optional<UUID> session, OptionalLong lastId,
                            OptionalInt limit) {
    /** Characters, not bytes: what a person types into a search box. */
    public static final int MAX_QUERY_LENGTH = 256;

    public SearchCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(words, "words");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(lastId, "lastId");
        Objects.requireNonNull(limit, "limit");
        if (lastId.isPresent() && lastId.getAsLong() <= 0) {
            throw new InvalidInput("lastId", "lastId is a positive message id");
        }
        if (limit.isPresent() && limit.getAsInt() <= 0) {
            throw new InvalidInput("limit", "limit is a positive number");
        }
    }

    /** A search for the words of {@code query} (what a person typed into a search box). */
    public static SearchCommand of(User caller, String query, Optional<UUID> session, OptionalLong lastId,
                                   OptionalInt limit) {
        if (query == null) {
            throw new InvalidInput("query", "query is required");
        }
        if (query.codePointCount(0, query.length()) > MAX_QUERY_LENGTH) {
            throw new InvalidInput("query", "query has at most " + MAX_QUERY_LENGTH + " characters");
        }
        List<String> words = SearchWords.wordsOf(query);
        if (words.isEmpty()) {
            throw new InvalidInput("query", "query needs at least one word (letters or digits)");
        }
        return new SearchCommand(caller, new SearchWords(words), session, lastId, limit);
    }

    /** The newest hits for the words of {@code query} in every session of the caller's, as many as the default. */
    public static SearchCommand everywhere(User caller, String query) {
        return of(caller, query, Optional.empty(), OptionalLong.empty(), OptionalInt.empty());
    }
}

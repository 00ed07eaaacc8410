package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Which page of a session listing to answer, newest first: only sessions older than {@code beforeId} (the id of
 * the last session of the previous page) when given, at most {@code limit} when given. Neither: every session.
 */
public record SessionPage(OptionalLong beforeId, OptionalInt limit) {
    public static final SessionPage ALL = new SessionPage(OptionalLong.empty(), OptionalInt.empty());

    public SessionPage {
        Objects.requireNonNull(beforeId, "beforeId");
        Objects.requireNonNull(limit, "limit");
        if (beforeId.isPresent() && beforeId.getAsLong() <= 0) {
            throw new InvalidInput("beforeId", "beforeId is a positive session id");
        }
        if (limit.isPresent() && limit.getAsInt() <= 0) {
            throw new InvalidInput("limit", "limit is a positive number");
        }
    }
}

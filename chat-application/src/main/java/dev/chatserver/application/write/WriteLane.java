package dev.chatserver.application.write;

import java.util.List;

/**
 * One kind of write the {@link GroupCommit} writer stores in batches: posts, chat events. {@link #write} runs
 * inside the writer's unit of work and answers each command in the order given.
 *
 * <p>A command the aggregates refuse is answered with its problem ({@link Answer#refused}) and must have changed
 * nothing: the house rule that a use case checks everything before it changes anything is what lets its
 * neighbours commit. Any exception thrown out of {@code write} rolls the whole unit back; the writer then retries
 * each command in a unit of its own, so only the one that caused it fails.
 */
public interface WriteLane<C, R> {
    List<Answer<R>> write(List<C> commands);

    /**
     * The bytes {@code command} holds while it waits and is stored (the texts it carries, two bytes a character),
     * counted against {@link WriteLimits#queuedBytes()}.
     */
    long bytesOf(C command);

    /** {@code count} of this lane's writes (those it answered done) are durable; called before they are answered. */
    default void stored(int count) {
    }
}

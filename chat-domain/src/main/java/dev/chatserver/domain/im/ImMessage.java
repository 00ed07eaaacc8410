package dev.chatserver.domain.im;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.AccessDenied;
import dev.chatserver.domain.problem.NotFound;
import dev.chatserver.domain.problem.Refused;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message of a session: as its session decided it ({@link #unsaved}, without an id yet) or as stored
 * ({@link #storedAs}). Ids increase in the order messages of one session were posted. Its author may change or
 * delete it for a while ({@link #editedBy}, {@link #deletedBy}); a deleted message is a tombstone that keeps no
 * content. A reply names the message of the same session it answers ({@link #replyToId}). The members its text
 * calls by {@code @login} are its {@link #mentions} (in user id order), as its session decided them
 * ({@link Mentions}) when it was posted or last edited; a tombstone mentions nobody.
 */
public record ImMessage(long id, long sessionId, UserId from, MessageType type, String content,
                        Instant createDate, Optional<Instant> editDate, Optional<Instant> deleteDate,
                        Optional<Long> replyToId, List<UserId> mentions) {
    /** The id of a message no store has given one yet: stores give positive ids. */
    public static final long UNSAVED = 0;

    /**
     * Every component of the record in order, as a Java 21 record pattern ({@code ImMessage(var id, ...)}) would
     * bind them. Whoever reads every component (the insert's binding, the views) reads them through
     * {@link #deconstruct}, so a component added to the record, and so here ({@code ImMessageTest} keeps the two
     * alike), fails to compile at each of them.
     */
    @FunctionalInterface
    public interface Components<R> {
        R apply(long id, long sessionId, UserId from, MessageType type, String content, Instant createDate,
                Optional<Instant> editDate, Optional<Instant> deleteDate, Optional<Long> replyToId,
                List<UserId> mentions);
    }

    public ImMessage {
        if (id < 0) {
            throw new IllegalArgumentException("a message id is positive, or UNSAVED: " + id);
        }
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(editDate, "editDate");
        Objects.requireNonNull(deleteDate, "deleteDate");
        Objects.requireNonNull(replyToId, "replyToId");
        mentions = mentions.stream().distinct().sorted(Comparator.comparingLong(UserId::value)).toList();
        if (deleteDate.isPresent() && !mentions.isEmpty()) {
            throw new IllegalArgumentException("a deleted message mentions nobody");
        }
        if (deleteDate.isPresent() && !content.isEmpty()) {
            throw new IllegalArgumentException("a deleted message keeps no content");
        }
    }

    /** A message as posted: never edited, not deleted, a reply to nothing, mentioning nobody. */
    public ImMessage(long id, long sessionId, UserId from, MessageType type, String content, Instant createDate) {
        this(id, sessionId, from, type, content, createDate, Optional.empty(), Optional.empty(), Optional.empty(),
                List.of());
    }

    /**
     * What {@code draft} says in the session {@code sessionId} at {@code createDate}, before a store gives it an id.
     * Built whole (the canonical constructor), so that a component added to the record leads to the draft.
     */
    public static ImMessage unsaved(long sessionId, PostDraft draft, Instant createDate) {
        return unsaved(sessionId, draft, List.of(), createDate);
    }

    /** {@link #unsaved}, mentioning {@code mentions}, the members its session found called in it. */
    public static ImMessage unsaved(long sessionId, PostDraft draft, List<UserId> mentions, Instant createDate) {
        return new ImMessage(UNSAVED, sessionId, draft.sender(), draft.type(), draft.content(), createDate,
                Optional.empty(), Optional.empty(), draft.replyToId(), mentions);
    }

    /** The message as stored under {@code id}, the one its store gave it. */
    public ImMessage storedAs(long id) {
        if (isStored()) {
            throw new IllegalStateException("message " + this.id + " is stored already");
        }
        if (id == UNSAVED) {
            throw new IllegalArgumentException("a store gives a message a positive id");
        }
        return new ImMessage(id, sessionId, from, type, content, createDate, editDate, deleteDate, replyToId,
                mentions);
    }

    /** Whether a store gave it its id ({@link #storedAs}). */
    public boolean isStored() {
        return id != UNSAVED;
    }

    /** The record's components, in order, given to {@code reader} (see {@link Components}). */
    public <R> R deconstruct(Components<R> reader) {
        return reader.apply(id, sessionId, from, type, content, createDate, editDate, deleteDate, replyToId,
                mentions);
    }

    /** What anyone who may not see a message hears of it, whether it exists or not. */
    public static NotFound unknown() {
        return new NotFound("message", "messageId", "Message does not exist");
    }

    public boolean isDeleted() {
        return deleteDate.isPresent();
    }

    public boolean isEdited() {
        return editDate.isPresent();
    }

    /**
     * Its author says it differently: the message with the new content, edited {@code now}. Refused to anyone
     * else, once {@code window} after it was posted has passed, and when it was deleted.
     */
    public ImMessage editedBy(UserId editor, String newContent, Instant now, Duration window) {
        return editedBy(editor, newContent, List.of(), now, window);
    }

    /**
     * {@link #editedBy}, the new content mentioning {@code mentions} (its session decided them again on it,
     * {@link ImSession#mentionsIn}): those of before are forgotten.
     */
    public ImMessage editedBy(UserId editor, String newContent, List<UserId> mentions, Instant now, Duration window) {
        Objects.requireNonNull(newContent, "newContent");
        changeableBy(editor, now, window, "edit");
        return new ImMessage(id, sessionId, from, type, newContent, createDate, Optional.of(now), Optional.empty(),
                replyToId, mentions);
    }

    /** Its author takes it back: the tombstone, without content. The same rules as {@link #editedBy}. */
    public ImMessage deletedBy(UserId deleter, Instant now, Duration window) {
        changeableBy(deleter, now, window, "delete");
        return new ImMessage(id, sessionId, from, type, "", createDate, editDate, Optional.of(now), replyToId,
                List.of());
    }

    /** A member may react to a message unless it was deleted. */
    public void acceptReaction() {
        refuseIfDeleted();
    }

    private void changeableBy(UserId author, Instant now, Duration window, String change) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(window, "window");
        if (!from.equals(author)) {
            throw new AccessDenied("messageId", "Only the author may " + change + " a message");
        }
        refuseIfDeleted();
        if (now.isAfter(createDate.plus(window))) {
            throw new Refused("edit_window_passed",
                    "A message may be changed for " + window + " after it was posted; that time has passed");
        }
    }

    private void refuseIfDeleted() {
        if (isDeleted()) {
            throw new Refused("message_deleted", "The message was deleted");
        }
    }
}

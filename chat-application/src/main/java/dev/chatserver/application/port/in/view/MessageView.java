package dev.chatserver.application.port.in.view;

import dev.chatserver.domain.account.Partner;
import dev.chatserver.domain.account.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A message as history shows it: who sent it (user and partner), to which session, what and when; when it was
 * edited, whether it was deleted (then without content), the reactions to it as the reader sees them, the files
 * it posted, the message it replies to as quoted now, and the members it mentions ({@code @login}, user ids in
 * id order).
 */
public record MessageView(long id, long sessionId, UUID sessionUuid, UserId fromId, String fromName,
                          Partner fromPartner, String type, String message, Instant createDate,
                          Optional<Instant> editDate, boolean deleted, List<ReactionCount> reactions,
                          List<AttachmentView> attachments, Optional<QuotedMessage> replyTo,
                          List<UserId> mentions) {
    /**
     * Every component of the record in order, as a Java 21 record pattern ({@code MessageView(var id, ...)}) would
     * bind them, after the {@code context} the reader writes into. Whoever shows every component (the JSON
     * renderer, the stored notification) reads them through {@link #deconstruct}, so a component added to the
     * record, and so here ({@code MessageViewTest} keeps the two alike), fails to compile at each of them. The
     * context is passed rather than captured so that a reader can be a method reference that allocates nothing per
     * message; a reader writing to a stream throws what the stream throws.
     */
    @FunctionalInterface
    public interface Components<C, R, X extends Exception> {
        R apply(C context, long id, long sessionId, UUID sessionUuid, UserId fromId, String fromName,
                Partner fromPartner, String type, String message, Instant createDate, Optional<Instant> editDate,
                boolean deleted, List<ReactionCount> reactions, List<AttachmentView> attachments,
                Optional<QuotedMessage> replyTo, List<UserId> mentions) throws X;
    }

    public MessageView {
        Objects.requireNonNull(sessionUuid, "sessionUuid");
        Objects.requireNonNull(fromId, "fromId");
        Objects.requireNonNull(fromName, "fromName");
        Objects.requireNonNull(fromPartner, "fromPartner");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(editDate, "editDate");
        reactions = List.copyOf(reactions);
        attachments = List.copyOf(attachments);
        Objects.requireNonNull(replyTo, "replyTo");
        mentions = List.copyOf(mentions);
    }

    /** The record's components, in order, given to {@code reader} with {@code context} (see {@link Components}). */
    public <C, R, X extends Exception> R deconstruct(C context, Components<C, R, X> reader) throws X {
        return reader.apply(context, id, sessionId, sessionUuid, fromId, fromName, fromPartner, type, message,
                createDate, editDate, deleted, reactions, attachments, replyTo, mentions);
    }

    /**
     * The same message once deleted: no text, no reactions, no files and no mentions left (what it replied to
     * stays).
     */
    public MessageView tombstone() {
        return new MessageView(id, sessionId, sessionUuid, fromId, fromName, fromPartner, type, "", createDate,
                editDate, true, List.of(), List.of(), replyTo, List.of());
    }

    /** The same message once the one it quotes, {@code messageId}, was deleted: the quote without its text. */
    public MessageView withQuoteDeleted(long messageId) {
        if (replyTo.isEmpty() || replyTo.get().id() != messageId) {
            return this;
        }
        return new MessageView(id, sessionId, sessionUuid, fromId, fromName, fromPartner, type, message, createDate,
                editDate, deleted, reactions, attachments, replyTo.map(QuotedMessage::deletedSince), mentions);
    }
}

package dev.chatserver.application.port.in.view;

import dev.chatserver.domain.account.Partner;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.MessageType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one place a {@link MessageView} is made, for every way a message is shown: a field added to the view is
 * filled here, and the compiler leads from here to whoever must supply it. It sits beside the view, not among the
 * services, because the storages restore views from their stored notifications through it too. A stored message
 * is read whole ({@link ImMessage#deconstruct}), so a component added to it fails to compile here. Each lambda
 * is one constructor call and captures what the message lacks; small as it is, the JIT inlines it and drops it
 * (measured on JDK 17: a view costs the bytes it cost when read by accessors), so keep it that small.
 */
public final class MessageViews {
    private MessageViews() {
    }

    /**
     * A stored message as history and search show it: edited or not, deleted or not, its reactions and files as
     * read, and the message it replies to as {@code replied} holds it now (read with the page: {@code RepliedMessages}).
     */
    public static MessageView shown(ImMessage message, UUID sessionUuid, User sender, List<ReactionCount> reactions,
                                    List<AttachmentView> attachments, Map<Long, ImMessage> replied) {
        return message.deconstruct((id, sessionId, from, type, content, createDate, editDate, deleteDate,
                                    replyToId, mentions) ->
                new MessageView(id, sessionId, sessionUuid, sender.id(), sender.name(), sender.partner(), type.value(),
                        content, createDate, editDate, deleteDate.isPresent(), reactions, attachments,
                        quote(replyToId, replied), mentions));
    }

    /**
     * A message as it was posted, with the files it posted: not edited, not deleted, no reactions yet (also what a
     * replayed post answers), quoting the message it replies to from {@code replied}.
     */
    public static MessageView posted(ImMessage message, UUID sessionUuid, User poster, List<AttachmentView> attachments,
                                     Map<Long, ImMessage> replied) {
        return message.deconstruct((id, sessionId, from, type, content, createDate, editDate, deleteDate,
                                    replyToId, mentions) ->
                new MessageView(id, sessionId, sessionUuid, poster.id(), poster.name(), poster.partner(), type.value(),
                        content, createDate, Optional.empty(), false, List.of(), attachments, quote(replyToId, replied),
                        mentions));
    }

    private static Optional<QuotedMessage> quote(Optional<Long> replyToId, Map<Long, ImMessage> replied) {
        return replyToId.map(replied::get).map(QuotedMessage::of);
    }

    /** A typing signal: never stored, so without an id. */
    public static MessageView typing(ImSession session, User typist, MessageType type, String content, Instant at) {
        return restored(0, session.id(), session.uuid(), typist.id(), typist.name(), typist.partner(), type.value(),
                content, at, List.of(), Optional.empty(), List.of());
    }

    /** A posted message as a stored notification kept it, field by field. */
    public static MessageView restored(long id, long sessionId, UUID sessionUuid, UserId fromId, String fromName,
                                       Partner fromPartner, String type, String message, Instant createDate,
                                       List<AttachmentView> attachments, Optional<QuotedMessage> replyTo,
                                       List<UserId> mentions) {
        return new MessageView(id, sessionId, sessionUuid, fromId, fromName, fromPartner, type, message, createDate,
                Optional.empty(), false, List.of(), attachments, replyTo, mentions);
    }

    /**
     * A posted message as a notification stored before events were typed kept it: those rows have the fields of
     * their time and will never have more, so whatever a message shows that was added since is left empty here.
     */
    public static MessageView restoredFromLegacy(long id, long sessionId, UUID sessionUuid, UserId fromId,
                                                 String fromName, Partner fromPartner, String type, String message,
                                                 Instant createDate) {
        return restored(id, sessionId, sessionUuid, fromId, fromName, fromPartner, type, message, createDate,
                List.of(), Optional.empty(), List.of());
    }
}

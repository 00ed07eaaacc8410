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
 * edited, whether it was deleted (then without content), and the reactions to it as the reader sees them.
 */
public record MessageView(long id, long sessionId, UUID sessionUuid, UserId fromId, String fromName,
                          Partner fromPartner, String type, String message, Instant createDate,
                          Optional<Instant> editDate, boolean deleted, List<ReactionCount> reactions) {
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
    }

    /** The same message once deleted: no text and no reactions left. */
    public MessageView tombstone() {
        return new MessageView(id, sessionId, sessionUuid, fromId, fromName, fromPartner, type, "", createDate,
                editDate, true, List.of());
    }
}

package dev.chatserver.domain.im;

import dev.chatserver.domain.account.Partner;
import dev.chatserver.domain.account.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A message as history shows it: who sent it (user and partner), to which session, what and when. */
public record MessageView(long id, long sessionId, UUID sessionUuid, UserId fromId, String fromName,
                          Partner fromPartner, String type, String message, Instant createDate) {
    public MessageView {
        Objects.requireNonNull(sessionUuid, "sessionUuid");
        Objects.requireNonNull(fromId, "fromId");
        Objects.requireNonNull(fromName, "fromName");
        Objects.requireNonNull(fromPartner, "fromPartner");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(createDate, "createDate");
    }
}

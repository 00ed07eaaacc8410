package dev.chatserver.application.port.out.notification.event;

import dev.chatserver.domain.account.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The author of a message in an IM session said it differently: its new content and whom it now mentions. */
public record MessageEdited(UUID sessionUuid, long messageId, String content, Instant editDate,
                            List<UserId> mentions) implements DomainEvent {
    public MessageEdited {
        Objects.requireNonNull(sessionUuid, "sessionUuid");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(editDate, "editDate");
        mentions = List.copyOf(mentions);
    }

    @Override
    public int textLength() {
        return content.length();
    }

    @Override
    public List<Long> messageTextsCarried() {
        return List.of(messageId);
    }

    /** An edit of a message deleted since tells the deletion instead: there is no text left to tell. */
    @Override
    public DomainEvent afterDeletion(MessageDeleted deletion) {
        return messageId == deletion.messageId() ? deletion : this;
    }
}

package dev.chatserver.application.port.out.notification.event;

import dev.chatserver.application.port.in.view.MessageView;

import java.util.List;
import java.util.Objects;

/** A message was posted in an IM session: the message as every member's history shows it. */
public record MessagePosted(MessageView message) implements DomainEvent {
    public MessagePosted {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public int textLength() {
        return DomainEvent.textLengthOf(message);
    }

    @Override
    public List<Long> messageTextsCarried() {
        return message.deleted() ? List.of() : List.of(message.id());
    }

    @Override
    public DomainEvent afterDeletion(MessageDeleted deletion) {
        return message.id() == deletion.messageId() ? new MessagePosted(message.tombstone()) : this;
    }
}

package dev.chatserver.application.port.out.notification.event;

import dev.chatserver.application.port.in.view.MessageView;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A message was posted in an IM session: the message as every member's history shows it, with the text it quotes
 * when it is a reply. Both texts are taken back when their message is deleted ({@link #afterDeletion}).
 */
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
        List<Long> carried = new ArrayList<>(2);
        if (!message.deleted()) {
            carried.add(message.id());
        }
        message.replyTo().filter(quoted -> !quoted.deleted()).ifPresent(quoted -> carried.add(quoted.id()));
        return carried;
    }

    @Override
    public DomainEvent afterDeletion(MessageDeleted deletion) {
        MessageView after = message.id() == deletion.messageId() ? message.tombstone() : message;
        return new MessagePosted(after.withQuoteDeleted(deletion.messageId()));
    }
}

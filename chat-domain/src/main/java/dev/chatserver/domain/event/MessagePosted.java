package dev.chatserver.domain.event;

import dev.chatserver.domain.im.MessageView;
import java.util.Objects;

/** A message was posted in an IM session: the message as every member's history shows it. */
public record MessagePosted(MessageView message) implements DomainEvent {
    public MessagePosted {
        Objects.requireNonNull(message, "message");
    }
}

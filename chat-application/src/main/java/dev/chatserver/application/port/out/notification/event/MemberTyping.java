package dev.chatserver.application.port.out.notification.event;

import dev.chatserver.application.port.in.view.MessageView;
import java.util.Objects;

/**
 * A member is typing in an IM session: a post of type {@code typing}, passed on live and never stored, so the
 * signal has no message id ({@code signal.id()} is 0 and means nothing).
 */
public record MemberTyping(MessageView signal) implements DomainEvent {
    public MemberTyping {
        Objects.requireNonNull(signal, "signal");
    }

    @Override
    public int textLength() {
        return DomainEvent.textLengthOf(signal);
    }
}

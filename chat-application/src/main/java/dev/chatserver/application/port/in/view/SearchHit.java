package dev.chatserver.application.port.in.view;

import java.util.Objects;

/** A message a search found, as history shows it, and whether its session is a group's. */
public record SearchHit(MessageView message, boolean groupSession) {
    public SearchHit {
        Objects.requireNonNull(message, "message");
    }
}

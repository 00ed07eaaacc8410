package dev.chatserver.application.port.in.notify;

import java.time.Instant;
import java.util.Optional;

/** A member silences one of their sessions until a time, or lets it speak again. */
public interface MuteSession {
    /** Keeps the mute (or forgets it when the command has no {@code until}) and answers until when it holds. */
    Optional<Instant> mute(MuteCommand command);
}

package dev.chatserver.application.port.in.im;

import dev.chatserver.application.port.out.notification.event.ReactionToggled;

/** A member of a message's session reacts to it with an emoji, or takes that reaction back when it is there. */
public interface ReactToMessage {
    ReactionToggled react(ReactCommand command);
}

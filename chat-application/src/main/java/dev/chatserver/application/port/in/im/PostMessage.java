package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.im.MessageView;

/** Saying something in a session the caller is a member of; answers once the message is durable. */
public interface PostMessage {
    MessageView post(PostMessageCommand command);
}

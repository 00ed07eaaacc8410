package dev.chatserver.application.port.in.im;

import dev.chatserver.application.port.in.view.MessageView;

import java.util.concurrent.CompletableFuture;

/** Saying something in a session the caller is a member of; answers once the message is durable. */
public interface PostMessage {
    MessageView post(PostMessageCommand command);

    /**
     * The same post without holding the caller's thread while it waits to be stored: bad input is refused at
     * once; the answer completes once the message is durable, or with the problem that refused it.
     */
    CompletableFuture<MessageView> postAsync(PostMessageCommand command);
}

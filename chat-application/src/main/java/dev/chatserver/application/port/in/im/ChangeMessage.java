package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.im.ImMessage;

/**
 * The author of a message edits or deletes it, within the server's edit window. Anyone who is not a member of
 * the message's session hears the same as for a message that does not exist.
 */
public interface ChangeMessage {
    /** The message as it reads now. */
    ImMessage edit(EditMessageCommand command);

    /** The tombstone the message leaves. */
    ImMessage delete(DeleteMessageCommand command);
}

package dev.chatserver.domain.im;

import dev.chatserver.domain.problem.InvalidInput;

import java.util.regex.Pattern;

/** The kind of a message (message, meta, typing, money4_chat_attach_msg, ...): a short lower-case name. */
public record MessageType(String value) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_.]{1,64}");

    /** A message a person says: the common kind. */
    public static final MessageType MESSAGE = new MessageType("message");

    /** The server's own notices ("<name> joined the conversation."): only the server posts them. */
    public static final MessageType META = new MessageType("meta");

    public MessageType {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new InvalidInput("type", "type is a name of 1 to 64 characters a-z, 0-9, '_' or '.'");
        }
    }

    /** A typing signal is passed on live to the other members and never stored. */
    public boolean isTyping() {
        return value.equals("typing");
    }

    /** Whether this is the server's own kind of notice, which no client may post. */
    public boolean isServerNotice() {
        return equals(META);
    }

    @Override
    public String toString() {
        return value;
    }
}

package dev.chatserver.adapter.http.odoo8;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.AccessDenied;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.List;

/**
 * Odoo 8's bus channels, tuples in JSON: {@code [db, "im_chat.session", uid]} (what a user receives: their
 * messages and sessions; this server's {@code user:<uid>}) and {@code [db, "im_chat.presence"]} (every
 * {@code {id, im_status}} change; this server's {@code presence:<id>} of each user one may follow).
 */
final class Odoo8Channels {
    static final String SESSION_MODEL = "im_chat.session";
    static final String PRESENCE_MODEL = "im_chat.presence";

    private final String database;

    Odoo8Channels(Odoo8Settings settings) {
        this.database = settings.database();
    }

    List<Object> sessions(UserId user) {
        return List.of(database, SESSION_MODEL, user.value());
    }

    List<Object> presence() {
        return List.of(database, PRESENCE_MODEL);
    }

    /** Whether this JSON value is one of Odoo 8's im_chat tuples (whatever its database or user). */
    static boolean isImChatTuple(JsonNode channel) {
        return channel.isArray() && channel.size() >= 2 && channel.get(1).isTextual()
                && (SESSION_MODEL.equals(channel.get(1).textValue()) || PRESENCE_MODEL.equals(channel.get(1).textValue()));
    }

    /**
     * Checks a tuple channel {@code caller} names: another database or another user's sessions are refused,
     * anything else is not an Odoo 8 channel this server knows.
     */
    void check(JsonNode channel, UserId caller) {
        if (!isImChatTuple(channel)) {
            throw new InvalidInput("channels", "unknown channel " + channel
                    + ": Odoo 8 channels are [db, \"im_chat.session\", uid] or [db, \"im_chat.presence\"]");
        }
        if (!channel.get(0).isTextual() || !database.equals(channel.get(0).textValue())) {
            throw new AccessDenied("you may not listen to " + channel + ": the database is \"" + database + "\"");
        }
        if (PRESENCE_MODEL.equals(channel.get(1).textValue())) {
            if (channel.size() != 2) {
                throw new InvalidInput("channels", "unknown channel " + channel + ": the presence channel is [db, \"im_chat.presence\"]");
            }
            return;
        }
        if (channel.size() != 3 || !channel.get(2).isIntegralNumber()) {
            throw new InvalidInput("channels", "unknown channel " + channel + ": a session channel is [db, \"im_chat.session\", uid]");
        }
        if (channel.get(2).longValue() != caller.value()) {
            throw new AccessDenied("you may not listen to " + channel + ": it is another user's");
        }
    }

    /** The tuple a notification of this server's channel arrives on. */
    List<Object> tupleOf(Channel channel) {
        String name = channel.name();
        if (name.startsWith("user:")) {
            return sessions(UserId.of(Long.parseLong(name.substring("user:".length()))));
        }
        if (name.startsWith("presence:")) {
            return presence();
        }
        throw new IllegalArgumentException("no Odoo 8 channel for " + name);
    }
}

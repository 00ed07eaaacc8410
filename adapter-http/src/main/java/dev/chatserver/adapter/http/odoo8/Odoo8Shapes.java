package dev.chatserver.adapter.http.odoo8;

import dev.chatserver.adapter.http.im.ImPayloads;
import dev.chatserver.application.port.in.view.ContactView;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.SessionMember;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.domain.presence.ImStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Odoo 8's im_chat.js reads: a message bare ({@code type} "message"/"meta", {@code to_id: [id, uuid]},
 * {@code from_id: [uid, name]}), a session bare ({@code uuid}, {@code state}, {@code users}), a user and a
 * presence change as {@code {id, name?, im_status}}. Datetimes as everywhere: {@code YYYY-MM-DD HH:MM:SS} UTC.
 */
final class Odoo8Shapes {
    private Odoo8Shapes() {
    }

    static Map<String, Object> message(MessageView message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", message.id());
        out.put("type", message.type());
        out.put("message", message.message());
        out.put("create_date", ImPayloads.datetime(message.createDate()));
        out.put("to_id", List.of(message.sessionId(), message.sessionUuid().toString()));
        out.put("from_id", List.of(message.fromId().value(), message.fromName()));
        return out;
    }

    static Map<String, Object> session(SessionView session) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", session.id());
        out.put("uuid", session.uuid().toString());
        out.put("state", session.state().wireName());
        out.put("users", session.users().stream().map(Odoo8Shapes::member).toList());
        return out;
    }

    static Map<String, Object> presence(UserId user, ImStatus status) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", user.value());
        out.put("im_status", status.wireName());
        return out;
    }

    static Map<String, Object> user(ContactView user) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", user.id().value());
        out.put("name", user.name());
        out.put("im_status", user.imStatus().wireName());
        return out;
    }

    private static Map<String, Object> member(SessionMember member) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", member.id().value());
        out.put("name", member.name());
        out.put("im_status", member.imStatus().wireName());
        return out;
    }
}

package dev.chatserver.adapter.http.im;

import dev.chatserver.application.port.in.im.ContactCard;
import dev.chatserver.application.port.in.im.ContactView;
import dev.chatserver.domain.im.MessageSummary;
import dev.chatserver.domain.im.MessageView;
import dev.chatserver.domain.im.SessionMember;
import dev.chatserver.domain.im.SessionView;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.DocumentLink;
import dev.chatserver.domain.presence.ImStatus;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IM chat API's wire shapes, as JSON-like trees: one source for the HTTP answers and the notifications, so
 * that a session or a message looks the same wherever it arrives. Many2one references are {@code [id, "name"]},
 * datetimes {@code YYYY-MM-DD HH:MM:SS} in UTC.
 */
public final class ImPayloads {
    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private ImPayloads() {
    }

    public static String datetime(Instant instant) {
        return DATETIME.format(instant);
    }

    public static Map<String, Object> session(SessionView session) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", session.id());
        out.put("uuid", session.uuid().toString());
        out.put("create_date", datetime(session.createDate()));
        out.put("state", session.state().wireName());
        out.put("status", session.status().wireName());
        out.put("is_read", session.isRead());
        out.put("is_group", session.isGroup());
        out.put("with_documents", session.withDocuments());
        out.put("groups", session.groups().stream().map(g -> (Object) ordered("id", g.id().value(), "name", g.name())).toList());
        out.put("docs", session.docs().stream().map(ImPayloads::document).toList());
        out.put("users", session.users().stream().map(ImPayloads::member).toList());
        return out;
    }

    public static List<Map<String, Object>> sessions(List<SessionView> sessions) {
        return sessions.stream().map(ImPayloads::session).toList();
    }

    public static Map<String, Object> message(MessageView message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", message.id());
        out.put("type", message.type());
        out.put("message", message.message());
        out.put("create_date", datetime(message.createDate()));
        out.put("to_id", List.of(message.sessionId(), message.sessionUuid().toString()));
        out.put("from_id", List.of(message.fromId().value(), message.fromName()));
        out.put("from_partner_id", List.of(message.fromPartner().id().value(), message.fromPartner().name()));
        return out;
    }

    public static List<Map<String, Object>> messages(List<MessageView> messages) {
        return messages.stream().map(ImPayloads::message).toList();
    }

    public static Map<String, Object> contact(ContactView contact) {
        return ordered("id", contact.id().value(), "name", contact.name(), "im_status", contact.imStatus().wireName());
    }

    public static List<Map<String, Object>> contacts(List<ContactView> contacts) {
        return contacts.stream().map(ImPayloads::contact).toList();
    }

    public static Map<String, Object> card(ContactCard card) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", card.id().value());
        out.put("name", card.name());
        out.put("email", card.email());
        out.put("partner_id", List.of(card.partner().id().value(), card.partner().name()));
        out.put("im_status", card.imStatus().wireName());
        out.put("last_message", lastMessage(card.lastMessage()));
        return out;
    }

    public static List<Map<String, Object>> cards(List<ContactCard> cards) {
        return cards.stream().map(ImPayloads::card).toList();
    }

    /** {@code {"type":"im_chat.message","session":uuid,"message":{...a history entry...}}} */
    public static Map<String, Object> messageNotification(MessageView message) {
        return ordered("type", "im_chat.message", "session", message.sessionUuid().toString(), "message", message(message));
    }

    /** {@code {"type":"im_status","user_id":5,"im_status":"online"}} */
    public static Map<String, Object> presenceNotification(UserId user, ImStatus status) {
        return ordered("type", "im_status", "user_id", user.value(), "im_status", status.wireName());
    }

    /** {@code {"type":"im_chat.session","session":{...the get_sessions entry as the receiver sees it...}}} */
    public static Map<String, Object> sessionNotification(SessionView session) {
        return ordered("type", "im_chat.session", "session", session(session));
    }

    private static Map<String, Object> member(SessionMember member) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", member.id().value());
        out.put("name", member.name());
        out.put("im_status", member.imStatus().wireName());
        out.put("partner_id", List.of(member.partner().id().value(), member.partner().name()));
        out.put("last_message", lastMessage(member.lastMessage()));
        return out;
    }

    private static Map<String, Object> lastMessage(Optional<MessageSummary> summary) {
        return summary.map(s -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", s.id());
            out.put("type", s.type());
            out.put("message", s.message());
            out.put("create_date", datetime(s.createDate()));
            return out;
        }).orElse(null);
    }

    private static Map<String, Object> document(DocumentLink link) {
        Object docId = link.document().id();
        String text = link.document().id();
        if (text.matches("0|[1-9][0-9]{0,17}")) {
            docId = Long.parseLong(text);
        }
        return ordered("id", link.id(), "doc_model", link.document().model(), "doc_id", docId);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }
}

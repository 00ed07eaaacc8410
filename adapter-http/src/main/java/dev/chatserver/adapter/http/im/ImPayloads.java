package dev.chatserver.adapter.http.im;

import dev.chatserver.application.port.in.im.ContactCard;
import dev.chatserver.application.port.in.im.ContactView;
import dev.chatserver.application.port.in.im.SearchHit;
import dev.chatserver.domain.im.MessageSummary;
import dev.chatserver.domain.im.MessageView;
import dev.chatserver.domain.im.SessionView;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.presence.ImStatus;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IM chat API's wire shapes: one source for the HTTP answers and the notifications, so that a session or a
 * message looks the same wherever it arrives. Sessions and messages, the long listings, are written straight into
 * the generator ({@link SessionJson}, {@link MessageJson}); the small shapes are JSON-like trees. Many2one
 * references are {@code [id, "name"]}, datetimes {@code YYYY-MM-DD HH:MM:SS} in UTC.
 */
public final class ImPayloads {
    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private ImPayloads() {
    }

    public static String datetime(Instant instant) {
        return DATETIME.format(instant);
    }

    /** A session, written straight into the answer or notification it is part of. */
    public static Object session(SessionView session) {
        return new SessionJson(session);
    }

    /** Sessions, each written into the answer as it is rendered. */
    public static Object sessions(List<SessionView> sessions) {
        return new JsonArray<>(sessions, SessionJson::write);
    }

    /** A history entry, written straight into the answer or notification it is part of. */
    public static Object message(MessageView message) {
        return new MessageJson(message);
    }

    /** History entries, each written into the answer as it is rendered. */
    public static Object messages(List<MessageView> messages) {
        return new JsonArray<>(messages, MessageJson::write);
    }

    /** Search hits, each written into the answer as it is rendered. */
    public static Object searchHits(List<SearchHit> hits) {
        return new JsonArray<>(hits, SearchHitJson::write);
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

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }
}

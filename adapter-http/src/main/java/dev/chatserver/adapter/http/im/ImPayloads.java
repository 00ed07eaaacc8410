package dev.chatserver.adapter.http.im;

import dev.chatserver.application.port.in.view.ContactCard;
import dev.chatserver.application.port.in.view.ContactView;
import dev.chatserver.application.port.out.notification.event.MessageDeleted;
import dev.chatserver.application.port.out.notification.event.MessageEdited;
import dev.chatserver.application.port.out.notification.event.ReactionToggled;
import dev.chatserver.application.port.in.im.ReadState;
import dev.chatserver.application.port.out.notification.event.ReadReceipt;
import dev.chatserver.application.port.in.view.SearchHit;
import dev.chatserver.application.port.in.view.MessageSummary;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.SessionView;
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
        return new JsonArray<>(messages, MessageJson::writeEntry);
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
        out.put("unread_count", card.unreadCount());
        return out;
    }

    /** What mark_read answers: {@code {"status":"success","seen_message_id":N,"unread_count":N,"is_read":b}}. */
    public static Map<String, Object> readState(ReadState state) {
        return ordered("status", "success", "seen_message_id", state.seenMessageId(), "unread_count",
                state.unreadCount(), "is_read", state.isRead());
    }

    /** {@code {"type":"im_chat.seen","session":uuid,"user_id":6,"seen_message_id":42}} */
    public static Map<String, Object> seenNotification(ReadReceipt receipt) {
        return ordered("type", "im_chat.seen", "session", receipt.session().toString(), "user_id",
                receipt.reader().value(), "seen_message_id", receipt.seenMessageId());
    }

    public static List<Map<String, Object>> cards(List<ContactCard> cards) {
        return cards.stream().map(ImPayloads::card).toList();
    }

    /** {@code {"type":"im_chat.message","session":uuid,"message":{...a history entry...}}} */
    public static Map<String, Object> messageNotification(MessageView message) {
        return ordered("type", "im_chat.message", "session", message.sessionUuid().toString(), "message", message(message));
    }

    /**
     * A typing signal, shaped as a posted message with {@code "id": null}: it is not stored, so it has none.
     * {@code {"type":"im_chat.message","session":"<uuid>","message":{"id":null,"type":"typing",...}}}
     */
    public static Map<String, Object> typingNotification(MessageView signal) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", null);
        message.put("type", signal.type());
        message.put("message", signal.message());
        message.put("create_date", datetime(signal.createDate()));
        message.put("to_id", List.of(signal.sessionId(), signal.sessionUuid().toString()));
        message.put("from_id", List.of(signal.fromId().value(), signal.fromName()));
        message.put("from_partner_id", List.of(signal.fromPartner().id().value(), signal.fromPartner().name()));
        return ordered("type", "im_chat.message", "session", signal.sessionUuid().toString(), "message", message);
    }

    /**
     * {@code {"type":"im_chat.message_edited","session":uuid,"message_id":12,"message":"...","edit_date":"...",
     * "mentions":[user ids]}}: whom the new text mentions, empty when nobody (those of before are forgotten).
     */
    public static Map<String, Object> editedNotification(MessageEdited edited) {
        return ordered("type", "im_chat.message_edited", "session", edited.sessionUuid().toString(),
                "message_id", edited.messageId(), "message", edited.content(), "edit_date", datetime(edited.editDate()),
                "mentions", edited.mentions().stream().map(UserId::value).toList());
    }

    /** {@code {"type":"im_chat.message_deleted","session":uuid,"message_id":12,"delete_date":"..."}} */
    public static Map<String, Object> deletedNotification(MessageDeleted deleted) {
        return ordered("type", "im_chat.message_deleted", "session", deleted.sessionUuid().toString(),
                "message_id", deleted.messageId(), "delete_date", datetime(deleted.deleteDate()));
    }

    /** {@code {"type":"im_chat.reaction","session":uuid,"message_id":12,"user_id":5,"emoji":"x","reacted":true,"count":2}} */
    public static Map<String, Object> reactionNotification(ReactionToggled toggled) {
        return ordered("type", "im_chat.reaction", "session", toggled.sessionUuid().toString(),
                "message_id", toggled.messageId(), "user_id", toggled.user().value(), "emoji", toggled.emoji(),
                "reacted", toggled.reacted(), "count", toggled.count());
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
            if (s.deleted()) {
                out.put("deleted", true);
            }
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

package dev.chatserver.adapter.http.realtime;

import java.util.Optional;
import dev.chatserver.application.port.out.notification.event.DomainEvent;
import dev.chatserver.application.port.out.notification.event.MessageEdited;
import dev.chatserver.application.port.out.notification.event.MessageDeleted;
import dev.chatserver.application.port.out.notification.event.ReactionToggled;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.Json;
import dev.chatserver.adapter.http.chats.ChatJson;
import dev.chatserver.adapter.http.im.ImPayloads;
import dev.chatserver.application.port.out.notification.event.ChatEventAppended;
import dev.chatserver.application.port.out.notification.event.RoomBanChanged;
import dev.chatserver.application.port.out.notification.event.PresenceChanged;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.QuotedMessage;
import dev.chatserver.application.port.in.view.SessionView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of Odoo's bus payloads that Odoo 16 and 17 share: a notification is {@code {"type", "payload"}},
 * an IM session is a discuss channel (its numeric id, its uuid), a message carries the fields Odoo's
 * {@code message_format} gives plus this server's own ({@code session}, {@code message}).
 */
final class OdooPayloads {
    private static final ObjectMapper MAPPER = Json.newMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() { };

    static final String CHAT_EVENT_TYPE = "chats.event";

    private OdooPayloads() {
    }

    /** The fields of an IM API shape (written straight into answers) as a map Odoo's own fields join. */
    private static Map<String, Object> fieldsOf(Object imShape) {
        return MAPPER.convertValue(imShape, FIELDS);
    }

    /** Odoo's typing status of a channel member: who types where. */
    static Map<String, Object> typingStatus(MessageView signal) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("channel_id", signal.sessionId());
        status.put("is_typing", true);
        status.put("partner_id", signal.fromPartner().id().value());
        status.put("partner_name", signal.fromPartner().name());
        return status;
    }

    /**
     * An edit, deletion or reaction under the IM chat API's own notification type, which Odoo's mail client does
     * not handle and leaves alone; empty for any other event.
     */
    static Optional<Object> imChange(DomainEvent event) {
        if (event instanceof MessageEdited edited) {
            Map<String, Object> shape = ImPayloads.editedNotification(edited);
            return Optional.of(notification((String) shape.get("type"), shape));
        }
        if (event instanceof MessageDeleted deleted) {
            Map<String, Object> shape = ImPayloads.deletedNotification(deleted);
            return Optional.of(notification((String) shape.get("type"), shape));
        }
        if (event instanceof ReactionToggled toggled) {
            Map<String, Object> shape = ImPayloads.reactionNotification(toggled);
            return Optional.of(notification((String) shape.get("type"), shape));
        }
        return Optional.empty();
    }

    static Map<String, Object> notification(String type, Object payload) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", type);
        out.put("payload", payload);
        return out;
    }

    /**
     * {@code {"id": <session id>, "message": {...}}}: what Odoo's new_message consumers read. A message that
     * mentions members carries them as Odoo's {@code recipients} (the partners of its {@code partner_ids}, each
     * {@code {id, name}} with {@code recipientFields} beside), as well as the API's {@code mentions}.
     */
    static Map<String, Object> newMessage(MessageView message, String channelModel, Map<String, Object> author,
                                          KnownPartners partners, Map<String, Object> recipientFields) {
        Map<String, Object> formatted = fieldsOf(ImPayloads.message(message));
        formatted.put("body", message.message());
        formatted.put("date", ImPayloads.datetime(message.createDate()));
        formatted.put("message_type", "comment");
        formatted.put("model", channelModel);
        formatted.put("res_id", message.sessionId());
        formatted.put("author_id", List.of(message.fromPartner().id().value(), message.fromPartner().name()));
        formatted.putAll(author);
        message.replyTo().ifPresent(quoted -> formatted.put("parentMessage", parentMessage(quoted, message,
                channelModel)));
        if (!message.attachments().isEmpty()) {
            // the files as the IM API shows them, and as Odoo's message_format lists them (attachment_ids)
            formatted.put("attachments", message.attachments().stream()
                    .map(file -> new OdooAttachment(file, Map.of())).toList());
            formatted.put("attachment_ids", message.attachments().stream().map(file -> new OdooAttachment(file,
                    Map.of("filename", file.name().value(), "res_id", message.sessionId(), "res_model", channelModel)))
                    .toList());
        }
        if (!message.mentions().isEmpty()) {
            formatted.put("recipients", partners.partnersOf(message.mentions()).stream().map(partner -> {
                Map<String, Object> recipient = new LinkedHashMap<>();
                recipient.put("id", partner.id().value());
                recipient.put("name", partner.name());
                recipient.putAll(recipientFields);
                return recipient;
            }).toList());
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", message.sessionId());
        payload.put("session", message.sessionUuid().toString());
        payload.put("message", formatted);
        return payload;
    }

    /**
     * The message a reply answers, as Odoo's discuss reads a message's {@code parentMessage}: its id and body (the
     * quote: cut to 200 characters, empty once deleted) in the reply's channel.
     */
    private static Map<String, Object> parentMessage(QuotedMessage quoted, MessageView reply, String channelModel) {
        Map<String, Object> parent = new LinkedHashMap<>();
        parent.put("id", quoted.id());
        parent.put("body", quoted.message());
        parent.put("message_type", "comment");
        parent.put("model", channelModel);
        parent.put("res_id", reply.sessionId());
        return parent;
    }

    /** The session as {@code get_sessions} shows it, with Odoo's channel fields beside. */
    static Map<String, Object> channel(SessionView session, String channelModel) {
        Map<String, Object> channel = fieldsOf(ImPayloads.session(session));
        channel.put("model", channelModel);
        channel.put("channel_type", session.isGroup() ? "group" : "chat");
        channel.put("fold_state", session.state().wireName());
        return channel;
    }

    /**
     * A presence change as Odoo's im_status consumers read it: {@code [{"id": <partner id>, ...extra,
     * "im_status": ...}]} with {@code user_id} beside; empty for a user the directory no longer knows.
     */
    static List<Map<String, Object>> presence(KnownPartners partners, PresenceChanged presence, Map<String, Object> extra) {
        return partners.partnerOf(presence.user()).map(partner -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", partner.id().value());
            entry.putAll(extra);
            entry.put("user_id", presence.user().value());
            entry.put("im_status", presence.status().wireName());
            return List.of(entry);
        }).orElse(List.of());
    }

    static Map<String, Object> roomBan(RoomBanChanged ban) {
        return notification(ChatJson.BAN_NOTIFICATION,
                ChatJson.banNotification(ban.room(), ban.account(), ban.banned(), ban.reason()));
    }

    static Map<String, Object> chatEvent(ChatEventAppended appended) {
        return notification(CHAT_EVENT_TYPE, ChatJson.eventNotification(appended.event()).get("event"));
    }
}

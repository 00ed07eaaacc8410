package dev.chatserver.adapter.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.Partner;
import dev.chatserver.domain.account.PartnerId;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.application.port.out.notification.event.ChatEventAppended;
import dev.chatserver.application.port.out.notification.event.DomainEvent;
import dev.chatserver.application.port.out.notification.event.MessagePosted;
import dev.chatserver.application.port.out.notification.event.PresenceChanged;
import dev.chatserver.application.port.out.notification.event.SessionChanged;
import dev.chatserver.domain.im.DocumentLink;
import dev.chatserver.domain.im.DocumentRef;
import dev.chatserver.domain.im.GroupRef;
import dev.chatserver.application.port.in.view.MessageSummary;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.MessageViews;
import dev.chatserver.application.port.in.view.SessionMember;
import dev.chatserver.domain.im.SessionState;
import dev.chatserver.domain.im.SessionStatus;
import dev.chatserver.application.port.in.view.SessionView;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import static dev.chatserver.adapter.jdbc.NotificationCodec.list;
import static dev.chatserver.adapter.jdbc.NotificationCodec.status;

/**
 * Notifications stored before events were typed: the wire maps of the IM chat API ({@code im_chat.message},
 * {@code im_chat.session}, {@code im_status}) and of the Chats API ({@code chats.event}), read back as the
 * events they announced, so that a client resuming across the upgrade misses nothing.
 */
final class LegacyForm {
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private LegacyForm() {
    }

    static DomainEvent read(JsonNode json, Channel channel, NotificationCodec codec) {
        String type = json.path("type").asText();
        return switch (type) {
            case "im_chat.message" -> new MessagePosted(message(json.get("message")));
            case "im_chat.session" -> new SessionChanged(viewer(channel), session(json.get("session")));
            case "im_status" -> new PresenceChanged(UserId.of(json.get("user_id").asLong()),
                    status(json.get("im_status").asText()));
            case "chats.event" -> new ChatEventAppended(NotificationCodec.chatEvent(json.get("event"),
                    codec.text(json.get("event").get("data"))));
            default -> throw new IllegalStateException("a stored notification of unknown type " + type);
        };
    }

    private static UserId viewer(Channel channel) {
        String name = channel.name();
        if (!name.startsWith("user:")) {
            throw new IllegalStateException("a session notification on " + name + " names no viewer");
        }
        return UserId.of(Long.parseLong(name.substring("user:".length())));
    }

    private static MessageView message(JsonNode json) {
        JsonNode to = json.get("to_id");
        JsonNode from = json.get("from_id");
        return MessageViews.restoredFromLegacy(json.get("id").asLong(), to.get(0).asLong(),
                UUID.fromString(to.get(1).asText()), UserId.of(from.get(0).asLong()), from.get(1).asText(),
                partner(json.get("from_partner_id")), json.get("type").asText(), json.get("message").asText(),
                datetime(json.get("create_date")));
    }

    private static SessionView session(JsonNode json) {
        return SessionView.restored(json.get("id").asLong(), UUID.fromString(json.get("uuid").asText()),
                datetime(json.get("create_date")), json.get("is_group").asBoolean(),
                list(json.get("groups"), g -> new GroupRef(GroupId.of(g.get("id").asLong()), g.get("name").asText())),
                list(json.get("docs"), d -> new DocumentLink(d.get("id").asLong(),
                        new DocumentRef(d.get("doc_model").asText(), d.get("doc_id").asText()))),
                list(json.get("users"), LegacyForm::member),
                SessionState.parse("state", json.get("state").asText()),
                SessionStatus.parse("status", json.get("status").asText()), json.get("is_read").asBoolean(),
                OptionalLong.empty(), Optional.empty(), OptionalLong.empty());
    }

    private static SessionMember member(JsonNode json) {
        JsonNode last = json.get("last_message");
        Optional<MessageSummary> summary = last == null || last.isNull() ? Optional.empty()
                : Optional.of(MessageSummary.restored(last.get("id").asLong(), last.get("type").asText(),
                last.get("message").asText(), datetime(last.get("create_date")), false));
        return SessionMember.restored(UserId.of(json.get("id").asLong()), json.get("name").asText(),
                partner(json.get("partner_id")), status(json.get("im_status").asText()), summary, OptionalLong.empty(), Optional.empty());
    }

    private static Partner partner(JsonNode pair) {
        return new Partner(PartnerId.of(pair.get(0).asLong()), pair.get(1).asText());
    }

    private static Instant datetime(JsonNode text) {
        return LocalDateTime.parse(text.asText(), DATETIME).toInstant(ZoneOffset.UTC);
    }
}

package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.in.view.AttachmentView;
import dev.chatserver.domain.attachment.AttachmentId;
import dev.chatserver.domain.attachment.FileName;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.Partner;
import dev.chatserver.domain.account.PartnerId;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.Event;
import dev.chatserver.domain.chats.EventId;
import dev.chatserver.domain.chats.JsonText;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.application.port.out.notification.event.ChatEventAppended;
import dev.chatserver.application.port.out.notification.event.RoomBanChanged;
import dev.chatserver.application.port.out.notification.event.DomainEvent;
import dev.chatserver.application.port.out.notification.event.MemberTyping;
import dev.chatserver.application.port.out.notification.event.MessageDeleted;
import dev.chatserver.application.port.out.notification.event.MessageEdited;
import dev.chatserver.application.port.out.notification.event.MessagePosted;
import dev.chatserver.application.port.out.notification.event.ReactionToggled;
import dev.chatserver.application.port.out.notification.event.PresenceChanged;
import dev.chatserver.application.port.out.notification.event.ReadReceipt;
import dev.chatserver.application.port.out.notification.event.SessionChanged;
import dev.chatserver.domain.im.DocumentLink;
import dev.chatserver.domain.im.DocumentRef;
import dev.chatserver.domain.im.GroupRef;
import dev.chatserver.application.port.in.view.MessageSummary;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.MessageViews;
import dev.chatserver.application.port.in.view.QuotedMessage;
import dev.chatserver.application.port.in.view.ReactionCount;
import dev.chatserver.application.port.in.view.SessionMember;
import dev.chatserver.domain.im.SessionState;
import dev.chatserver.domain.im.SessionStatus;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.application.port.in.view.GroupView;
import dev.chatserver.domain.im.Posting;
import dev.chatserver.domain.presence.ImStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;

/**
 * Domain events as the text the notification table keeps: {@code {"v":1,"kind":"...",...fields}}, with fields
 * named here, not by the records' Java names, so that renaming code never changes what is stored.
 *
 * <p>Nodes of neighbouring versions share one table. {@code v} only grows for a change an older reader would
 * misread; adding a field keeps it, and readers ignore fields they do not know. A reader skips (and logs) a
 * notification of a kind it does not know or of a newer {@code v}: it could not render it anyway. Rows written
 * before events were typed (no {@code v}: the IM chat API's and the Chats API's wire maps) are read as the
 * events they announced.
 */
final class NotificationCodec {
    static final int VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(NotificationCodec.class);

    private final ObjectMapper mapper = JsonMapper.builder().build();

    String write(DomainEvent event) {
        ObjectNode json = mapper.createObjectNode();
        json.put("v", VERSION);
        if (event instanceof MessagePosted posted) {
            json.put("kind", "im.message_posted");
            json.set("message", message(posted.message()));
        } else if (event instanceof MemberTyping typing) {
            json.put("kind", "im.member_typing");
            json.set("signal", message(typing.signal()));
        } else if (event instanceof SessionChanged changed) {
            json.put("kind", "im.session_changed");
            json.put("viewer", changed.viewer().value());
            json.set("session", session(changed.session()));
        } else if (event instanceof PresenceChanged presence) {
            json.put("kind", "presence.changed");
            json.put("user", presence.user().value());
            json.put("im_status", presence.status().name().toLowerCase(Locale.ROOT));
        } else if (event instanceof ChatEventAppended appended) {
            json.put("kind", "chats.event_appended");
            json.set("event", chatEvent(appended.event()));
        } else if (event instanceof MessageEdited edited) {
            json.put("kind", "im.message_edited");
            json.put("session_uuid", edited.sessionUuid().toString());
            json.put("message_id", edited.messageId());
            json.put("content", edited.content());
            json.put("edit_date", edited.editDate().toString());
            userIds(json, edited.mentions());
        } else if (event instanceof MessageDeleted deleted) {
            json.put("kind", "im.message_deleted");
            json.put("session_uuid", deleted.sessionUuid().toString());
            json.put("message_id", deleted.messageId());
            json.put("delete_date", deleted.deleteDate().toString());
        } else if (event instanceof ReactionToggled toggled) {
            json.put("kind", "im.reaction_toggled");
            json.put("session_uuid", toggled.sessionUuid().toString());
            json.put("message_id", toggled.messageId());
            json.put("user", toggled.user().value());
            json.put("emoji", toggled.emoji());
            json.put("reacted", toggled.reacted());
            json.put("count", toggled.count());
        } else if (event instanceof ReadReceipt receipt) {
            json.put("kind", "im.read_receipt");
            json.put("session_id", receipt.sessionId());
            json.put("session_uuid", receipt.session().toString());
            json.put("reader", receipt.reader().value());
            json.put("seen_message_id", receipt.seenMessageId());
        } else if (event instanceof RoomBanChanged ban) {
            json.put("kind", "chats.room_ban_changed");
            json.put("room", ban.room().value().toString());
            json.put("account", ban.account().key());
            json.put("banned", ban.banned());
            json.put("reason", ban.reason());
        } else {
            throw new IllegalArgumentException("no stored form for " + event.getClass().getSimpleName());
        }
        return text(json);
    }

    /** The event stored as {@code text} on {@code channel}, or empty when this version cannot read it. */
    Optional<DomainEvent> read(String text, Channel channel) {
        JsonNode json = tree(text);
        try {
            if (!json.has("v")) {
                return Optional.of(LegacyForm.read(json, channel, this));
            }
            int version = json.get("v").asInt();
            String kind = json.path("kind").asText();
            if (version > VERSION) {
                LOG.warn("skipping a notification of kind {} stored in version {}; this node reads up to {}", kind, version, VERSION);
                return Optional.empty();
            }
            return switch (kind) {
                case "im.message_posted" -> Optional.of(new MessagePosted(message(json.get("message"))));
                case "im.member_typing" -> Optional.of(new MemberTyping(message(json.get("signal"))));
                case "im.session_changed" -> Optional.of(new SessionChanged(UserId.of(json.get("viewer").asLong()),
                        session(json.get("session"))));
                case "presence.changed" -> Optional.of(new PresenceChanged(UserId.of(json.get("user").asLong()),
                        status(json.get("im_status").asText())));
                case "im.read_receipt" -> Optional.of(new ReadReceipt(json.get("session_id").asLong(),
                        UUID.fromString(json.get("session_uuid").asText()), UserId.of(json.get("reader").asLong()),
                        json.get("seen_message_id").asLong()));
                case "chats.event_appended" -> Optional.of(new ChatEventAppended(chatEvent(json.get("event"),
                        json.get("event").get("data").asText())));
                case "im.message_edited" -> Optional.of(new MessageEdited(uuid(json), json.get("message_id").asLong(),
                        json.get("content").asText(), Instant.parse(json.get("edit_date").asText()), mentions(json)));
                case "im.message_deleted" -> Optional.of(new MessageDeleted(uuid(json), json.get("message_id").asLong(),
                        Instant.parse(json.get("delete_date").asText())));
                case "im.reaction_toggled" -> Optional.of(new ReactionToggled(uuid(json),
                        json.get("message_id").asLong(), UserId.of(json.get("user").asLong()),
                        json.get("emoji").asText(), json.get("reacted").asBoolean(), json.get("count").asInt()));
                case "chats.room_ban_changed" -> Optional.of(new RoomBanChanged(
                        new RoomId(UUID.fromString(json.get("room").asText())),
                        AccountId.fromKey(json.get("account").asText()), json.get("banned").asBoolean(),
                        json.get("reason").asText()));
                default -> {
                    LOG.warn("skipping a notification of unknown kind {}", kind);
                    yield Optional.empty();
                }
            };
        } catch (RuntimeException unreadable) {
            throw new IllegalStateException("a stored notification cannot be read as an event", unreadable);
        }
    }

    private static UUID uuid(JsonNode json) {
        return UUID.fromString(json.get("session_uuid").asText());
    }

    private ObjectNode message(MessageView message) {
        return message.deconstruct(mapper.createObjectNode(), NotificationCodec::putMessage);
    }

    /**
     * A posted message or a typing signal, read whole ({@link MessageView#deconstruct}) so that a component added
     * to it is kept here. Neither was edited nor has reactions yet: later events carry those
     * ({@link MessageEdited}, {@link ReactionToggled}).
     */
    private static ObjectNode putMessage(ObjectNode json, long id, long sessionId, UUID sessionUuid, UserId fromId,
                                         String fromName, Partner fromPartner, String type, String message,
                                         Instant createDate, Optional<Instant> editDate, boolean deleted,
                                         List<ReactionCount> reactions, List<AttachmentView> attachments,
                                         Optional<QuotedMessage> replyTo, List<UserId> mentions) {
        json.put("id", id);
        json.put("session_id", sessionId);
        json.put("session_uuid", sessionUuid.toString());
        json.put("from_id", fromId.value());
        json.put("from_name", fromName);
        json.putObject("from_partner").put("id", fromPartner.id().value()).put("name", fromPartner.name());
        json.put("type", type);
        json.put("message", message);
        json.put("create_date", createDate.toString());
        if (deleted) {
            json.put("deleted", true);
        }
        if (!attachments.isEmpty()) {
            ArrayNode files = json.putArray("attachments");
            attachments.forEach(a -> files.addObject().put("id", a.id().toString()).put("name", a.name().value())
                    .put("mimetype", a.mimetype()).put("size", a.size()).put("has_thumbnail", a.hasThumbnail()));
        }
        replyTo.ifPresent(quoted -> json.putObject("reply_to").put("id", quoted.id())
                .put("from_id", quoted.fromId().value()).put("message", quoted.message())
                .put("deleted", quoted.deleted()));
        userIds(json, mentions);
        return json;
    }

    /** Whom a message mentions, kept only when it mentions anyone (older rows have none). */
    private static void userIds(ObjectNode json, List<UserId> mentions) {
        if (!mentions.isEmpty()) {
            ArrayNode users = json.putArray("mentions");
            mentions.forEach(user -> users.add(user.value()));
        }
    }

    private static List<UserId> mentions(JsonNode json) {
        JsonNode users = json.get("mentions");
        return users == null || users.isNull() ? List.of() : list(users, user -> UserId.of(user.asLong()));
    }

    private static List<AttachmentView> attachments(JsonNode json) {
        List<AttachmentView> files = new java.util.ArrayList<>();
        json.path("attachments").forEach(a -> files.add(new AttachmentView(
                new AttachmentId(UUID.fromString(a.get("id").asText())), new FileName(a.get("name").asText()),
                a.get("mimetype").asText(), a.get("size").asLong(), a.get("has_thumbnail").asBoolean())));
        return files;
    }

    private static Optional<QuotedMessage> quoted(JsonNode json) {
        JsonNode quoted = json.get("reply_to");
        if (quoted == null || quoted.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new QuotedMessage(quoted.get("id").asLong(), UserId.of(quoted.get("from_id").asLong()),
                quoted.get("message").asText(), quoted.get("deleted").asBoolean()));
    }

    private static MessageView message(JsonNode json) {
        MessageView message = MessageViews.restored(json.get("id").asLong(), json.get("session_id").asLong(),
                UUID.fromString(json.get("session_uuid").asText()), UserId.of(json.get("from_id").asLong()),
                json.get("from_name").asText(), partner(json.get("from_partner")), json.get("type").asText(),
                json.get("message").asText(), Instant.parse(json.get("create_date").asText()), attachments(json),
                quoted(json), mentions(json));
        return json.path("deleted").asBoolean(false) ? message.tombstone() : message;
    }

    private ObjectNode session(SessionView session) {
        ObjectNode json = mapper.createObjectNode();
        json.put("id", session.id());
        json.put("uuid", session.uuid().toString());
        json.put("create_date", session.createDate().toString());
        json.put("is_group", session.isGroup());
        ArrayNode groups = json.putArray("groups");
        session.groups().forEach(g -> groups.addObject().put("id", g.id().value()).put("name", g.name()));
        ArrayNode docs = json.putArray("docs");
        session.docs().forEach(d -> docs.addObject().put("id", d.id()).put("model", d.document().model())
                .put("doc_id", d.document().id()));
        ArrayNode users = json.putArray("users");
        session.users().forEach(u -> users.add(member(u)));
        json.put("state", session.state().wireName());
        json.put("status", session.status().wireName());
        json.put("is_read", session.isRead());
        session.unreadCount().ifPresent(count -> json.put("unread_count", count));
        session.mentionCount().ifPresent(count -> json.put("mention_count", count));
        session.conversation().ifPresent(c -> {
            ObjectNode conversation = json.putObject("conversation");
            conversation.put("name", c.name());
            conversation.put("posting", c.posting().value());
            ArrayNode admins = conversation.putArray("admins");
            c.admins().forEach(a -> admins.add(a.value()));
        });
        return json;
    }

    private static SessionView session(JsonNode json) {
        return SessionView.restored(json.get("id").asLong(), UUID.fromString(json.get("uuid").asText()),
                Instant.parse(json.get("create_date").asText()), json.get("is_group").asBoolean(),
                list(json.get("groups"), g -> new GroupRef(GroupId.of(g.get("id").asLong()), g.get("name").asText())),
                list(json.get("docs"), d -> new DocumentLink(d.get("id").asLong(),
                        new DocumentRef(d.get("model").asText(), d.get("doc_id").asText()))),
                list(json.get("users"), NotificationCodec::member),
                SessionState.parse("state", json.get("state").asText()),
                SessionStatus.parse("status", json.get("status").asText()), json.get("is_read").asBoolean(),
                json.hasNonNull("unread_count") ? OptionalLong.of(json.get("unread_count").asLong()) : OptionalLong.empty(),
                json.hasNonNull("conversation") ? Optional.of(conversation(json.get("conversation"))) : Optional.empty(),
                json.hasNonNull("mention_count") ? OptionalLong.of(json.get("mention_count").asLong())
                        : OptionalLong.empty());
    }

    private static GroupView conversation(JsonNode json) {
        return new GroupView(json.get("name").asText(), Posting.parse("posting", json.get("posting").asText()),
                list(json.get("admins"), a -> UserId.of(a.asLong())));
    }

    private ObjectNode member(SessionMember member) {
        ObjectNode json = mapper.createObjectNode();
        json.put("id", member.id().value());
        json.put("name", member.name());
        json.set("partner", partner(member.partner()));
        json.put("im_status", member.imStatus().wireName());
        member.lastMessage().ifPresentOrElse(last -> {
            ObjectNode shown = json.putObject("last_message").put("id", last.id()).put("type", last.type())
                    .put("message", last.message()).put("create_date", last.createDate().toString());
            if (last.deleted()) {
                shown.put("deleted", true);
            }
        }, () -> json.putNull("last_message"));
        member.seenMessageId().ifPresent(seen -> json.put("seen_message_id", seen));
        member.login().ifPresent(login -> json.put("login", login.value()));
        return json;
    }

    private static SessionMember member(JsonNode json) {
        JsonNode last = json.get("last_message");
        Optional<MessageSummary> summary = last == null || last.isNull() ? Optional.empty()
                : Optional.of(MessageSummary.restored(last.get("id").asLong(), last.get("type").asText(),
                last.get("message").asText(), Instant.parse(last.get("create_date").asText()),
                last.path("deleted").asBoolean(false)));
        return SessionMember.restored(UserId.of(json.get("id").asLong()), json.get("name").asText(),
                partner(json.get("partner")), status(json.get("im_status").asText()), summary,
                json.hasNonNull("seen_message_id") ? OptionalLong.of(json.get("seen_message_id").asLong())
                        : OptionalLong.empty(),
                json.hasNonNull("login") ? Optional.of(new Login(json.get("login").asText())) : Optional.empty());
    }

    private ObjectNode partner(Partner partner) {
        return mapper.createObjectNode().put("id", partner.id().value()).put("name", partner.name());
    }

    private static Partner partner(JsonNode json) {
        return new Partner(PartnerId.of(json.get("id").asLong()), json.get("name").asText());
    }

    private ObjectNode chatEvent(Event event) {
        ObjectNode json = mapper.createObjectNode();
        json.put("id", event.id().value().toString());
        json.put("room_id", event.roomId().value().toString());
        json.put("type", event.type());
        json.put("set", event.set());
        json.put("label", event.label());
        json.put("attribute", event.attribute());
        json.put("data", event.data().value());
        json.put("occurred_at", event.occurredAt());
        json.put("original_occurred_at", event.originalOccurredAt());
        json.put("created_by", event.createdBy().toString());
        json.put("created_by_label", event.createdBy().label());
        json.put("created_by_audience", event.createdBy().audience());
        json.put("created_at", event.createdAt().toEpochMilli());
        return json;
    }

    /** A chat event from its stored fields, with its data given as the JSON text it was. */
    static Event chatEvent(JsonNode json, String data) {
        return new Event(new EventId(UUID.fromString(json.get("id").asText())),
                new RoomId(UUID.fromString(json.get("room_id").asText())), json.get("type").asText(),
                json.get("set").asText(), textOrNull(json.get("label")), textOrNull(json.get("attribute")),
                new JsonText(data), json.get("occurred_at").asLong(),
                json.get("original_occurred_at").asLong(), createdBy(json),
                Instant.ofEpochMilli(json.get("created_at").asLong()));
    }

    /** The pair when written; a row of an older node has only the text {@code label.audience}. */
    private static AccountId createdBy(JsonNode json) {
        return json.has("created_by_label")
                ? new AccountId(json.get("created_by_label").asText(), json.get("created_by_audience").asText())
                : AccountId.parse(json.get("created_by").asText());
    }

    static ImStatus status(String wireName) {
        return ImStatus.valueOf(wireName.toUpperCase(Locale.ROOT));
    }

    static String textOrNull(JsonNode json) {
        return json == null || json.isNull() ? null : json.asText();
    }

    static <T> List<T> list(JsonNode array, Function<JsonNode, T> each) {
        List<T> out = new ArrayList<>();
        array.forEach(node -> out.add(each.apply(node)));
        return out;
    }

    String text(JsonNode json) {
        try {
            return mapper.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification could not be written as JSON", e);
        }
    }

    private JsonNode tree(String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored notification is not JSON", e);
        }
    }
}

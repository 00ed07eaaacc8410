package dev.chatserver.adapter.http.realtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.Json;
import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.Partner;
import dev.chatserver.domain.account.PartnerId;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.Event;
import dev.chatserver.domain.chats.EventId;
import dev.chatserver.domain.chats.JsonText;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.application.port.out.notification.event.ChatEventAppended;
import dev.chatserver.application.port.out.notification.event.RoomBanChanged;
import dev.chatserver.adapter.http.im.ImPayloads;
import dev.chatserver.application.port.out.notification.event.MessageDeleted;
import dev.chatserver.application.port.out.notification.event.MessageEdited;
import dev.chatserver.application.port.out.notification.event.MessagePosted;
import dev.chatserver.application.port.out.notification.event.ReactionToggled;
import dev.chatserver.application.port.in.view.ReactionCount;
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
import dev.chatserver.application.port.in.view.SessionMember;
import dev.chatserver.domain.im.SessionState;
import dev.chatserver.domain.im.SessionStatus;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.domain.presence.ImStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented notification shapes (docs/realtime.md), to the byte, for every kind of domain event. */
class ApiNotificationRendererTest {
    private static final String SESSION = "6f1c1a2e-7d4b-4f53-9a51-2b1e4f0c9d11";
    private static final Instant AT = Instant.parse("2026-11-21T10:00:00.123456Z");
    private static final Partner LYNX = new Partner(PartnerId.of(11), "Lucid Lynx");

    private final ObjectMapper mapper = Json.newMapper();
    private final ApiNotificationRenderer renderer = new ApiNotificationRenderer();

    private String rendered(dev.chatserver.application.port.out.notification.event.DomainEvent event) throws Exception {
        return mapper.writeValueAsString(renderer.render(event));
    }

    @Test
    void a_posted_message_is_the_history_entry_under_im_chat_message() throws Exception {
        MessageView message = MessageViews.restored(42, 7, UUID.fromString(SESSION), UserId.of(5), "Lucid Lynx", LYNX,
                "message", "Hello \"you\"", AT, List.of(), Optional.empty(), List.of());

        assertThat(rendered(new MessagePosted(message))).isEqualTo("{\"type\":\"im_chat.message\",\"session\":\"" + SESSION
                + "\",\"message\":{\"id\":42,\"type\":\"message\",\"message\":\"Hello \\\"you\\\"\","
                + "\"create_date\":\"2026-11-21 10:00:00\",\"to_id\":[7,\"" + SESSION + "\"],"
                + "\"from_id\":[5,\"Lucid Lynx\"],\"from_partner_id\":[11,\"Lucid Lynx\"]}}");
    }

    @Test
    void a_message_that_mentions_members_carries_their_user_ids() throws Exception {
        MessageView message = MessageViews.restored(42, 7, UUID.fromString(SESSION), UserId.of(5), "Lucid Lynx", LYNX,
                "message", "@ocelot @pangolin", AT, List.of(), Optional.empty(), List.of(UserId.of(6), UserId.of(9)));

        assertThat(rendered(new MessagePosted(message))).endsWith(
                "\"from_partner_id\":[11,\"Lucid Lynx\"],\"mentions\":[6,9]}}");
    }

    @Test
    void a_changed_session_is_the_get_sessions_entry_as_its_viewer_sees_it() throws Exception {
        SessionView session = new SessionView(7, UUID.fromString(SESSION), AT, true,
                List.of(new GroupRef(GroupId.of(3), "News")),
                List.of(new DocumentLink(2, new DocumentRef("res.partner", "12"))),
                List.of(new SessionMember(UserId.of(5), "Lucid Lynx", LYNX, ImStatus.AWAY,
                                Optional.of(new MessageSummary(42, "message", "Hello", AT)), OptionalLong.of(42)),
                        new SessionMember(UserId.of(6), "Oneiric Ocelot", new Partner(PartnerId.of(12), "Oneiric Ocelot"),
                                ImStatus.OFFLINE, Optional.empty())),
                SessionState.FOLDED, SessionStatus.FAVORITE, false);

        assertThat(rendered(new SessionChanged(UserId.of(5), session))).isEqualTo("{\"type\":\"im_chat.session\","
                + "\"session\":{\"id\":7,\"uuid\":\"" + SESSION + "\",\"create_date\":\"2026-11-21 10:00:00\","
                + "\"state\":\"folded\",\"status\":\"favorite\",\"is_read\":false,\"is_group\":true,\"with_documents\":true,"
                + "\"groups\":[{\"id\":3,\"name\":\"News\"}],\"docs\":[{\"id\":2,\"doc_model\":\"res.partner\",\"doc_id\":12}],"
                + "\"users\":[{\"id\":5,\"name\":\"Lucid Lynx\",\"im_status\":\"away\",\"partner_id\":[11,\"Lucid Lynx\"],"
                + "\"last_message\":{\"id\":42,\"type\":\"message\",\"message\":\"Hello\",\"create_date\":\"2026-11-21 10:00:00\"},"
                + "\"seen_message_id\":42},"
                + "{\"id\":6,\"name\":\"Oneiric Ocelot\",\"im_status\":\"offline\",\"partner_id\":[12,\"Oneiric Ocelot\"],"
                + "\"last_message\":null,\"seen_message_id\":null}]}}");
    }

    @Test
    void a_read_receipt_is_im_chat_seen() throws Exception {
        assertThat(rendered(new ReadReceipt(7, UUID.fromString(SESSION), UserId.of(6), 42)))
                .isEqualTo("{\"type\":\"im_chat.seen\",\"session\":\"" + SESSION
                        + "\",\"user_id\":6,\"seen_message_id\":42}");
    }

    @Test
    void a_presence_change_is_im_status() throws Exception {
        assertThat(rendered(new PresenceChanged(UserId.of(6), ImStatus.AWAY)))
                .isEqualTo("{\"type\":\"im_status\",\"user_id\":6,\"im_status\":\"away\"}");
    }

    @Test
    void a_chat_event_is_the_chats_api_event_with_its_data_as_stored() throws Exception {
        Event event = new Event(new EventId(UUID.fromString("0b7f7a1e-51c3-4c62-8c1b-1f2a3b4c5d6e")),
                new RoomId(UUID.fromString("91e03d34-1929-4a02-9486-4c3e708686b3")), "message", "messages", "m1",
                null, new JsonText("{\"text\":\"hi\",\"n\":1.50}"), 1_732_000_000_000_001L, 1_732_000_000_000_000L,
                AccountId.parse("lynx.usr.localhost"), Instant.ofEpochMilli(1_763_719_200_123L));

        assertThat(rendered(new ChatEventAppended(event))).isEqualTo("{\"type\":\"chats.event\",\"event\":{"
                + "\"id\":\"0b7f7a1e-51c3-4c62-8c1b-1f2a3b4c5d6e\",\"room_id\":\"91e03d34-1929-4a02-9486-4c3e708686b3\","
                + "\"type\":\"message\",\"set\":\"messages\",\"label\":\"m1\",\"attribute\":null,"
                + "\"data\":{\"text\":\"hi\",\"n\":1.50},\"occurred_at\":1732000000000001,"
                + "\"original_occurred_at\":1732000000000000,\"created_by\":\"lynx.usr.localhost\","
                + "\"created_at\":1763719200123}}");
    }

    @Test
    void a_ban_names_the_room_the_account_and_why() throws Exception {
        RoomId room = new RoomId(UUID.fromString("91e03d34-1929-4a02-9486-4c3e708686b3"));

        assertThat(rendered(new RoomBanChanged(room, AccountId.parse("lynx.usr.localhost"), true, "flooding")))
                .isEqualTo("{\"type\":\"chats.ban\",\"room_id\":\"91e03d34-1929-4a02-9486-4c3e708686b3\","
                        + "\"account_id\":\"lynx.usr.localhost\",\"banned\":true,\"reason\":\"flooding\"}");
    }

    @Test
    void an_edit_a_deletion_and_a_reaction_have_their_own_types() throws Exception {
        UUID session = UUID.fromString(SESSION);

        assertThat(rendered(new MessageEdited(session, 42, "Hello \"again\"", AT, List.of(UserId.of(6)))))
                .isEqualTo("{\"type\":\"im_chat.message_edited\",\"session\":\"" + SESSION + "\",\"message_id\":42,"
                        + "\"message\":\"Hello \\\"again\\\"\",\"edit_date\":\"2026-11-21 10:00:00\",\"mentions\":[6]}");
        assertThat(rendered(new MessageDeleted(session, 42, AT))).isEqualTo(
                "{\"type\":\"im_chat.message_deleted\",\"session\":\"" + SESSION + "\",\"message_id\":42,"
                        + "\"delete_date\":\"2026-11-21 10:00:00\"}");
        assertThat(rendered(new ReactionToggled(session, 42, UserId.of(6), "\ud83d\udc4d", true, 2))).isEqualTo(
                "{\"type\":\"im_chat.reaction\",\"session\":\"" + SESSION + "\",\"message_id\":42,\"user_id\":6,"
                        + "\"emoji\":\"\ud83d\udc4d\",\"reacted\":true,\"count\":2}");
    }

    @Test
    void a_history_entry_says_whether_it_was_edited_or_deleted_and_carries_its_reactions() throws Exception {
        MessageView plain = MessageViews.restored(41, 7, UUID.fromString(SESSION), UserId.of(5), "Lucid Lynx", LYNX,
                "message", "Hi", AT, List.of(), Optional.empty(), List.of());
        MessageView edited = new MessageView(42, 7, UUID.fromString(SESSION), UserId.of(5), "Lucid Lynx", LYNX,
                "message", "Hello", AT, Optional.of(AT.plusSeconds(60)), false,
                List.of(new ReactionCount("\ud83d\udc4d", 2, true), new ReactionCount("x", 1, false)), List.of(),
                Optional.empty(), List.of());
        MessageView tombstone = new MessageView(43, 7, UUID.fromString(SESSION), UserId.of(5), "Lucid Lynx", LYNX,
                "message", "", AT, Optional.empty(), true, List.of(), List.of(), Optional.empty(), List.of());
        String head = "\"create_date\":\"2026-11-21 10:00:00\",\"to_id\":[7,\"" + SESSION + "\"],"
                + "\"from_id\":[5,\"Lucid Lynx\"],\"from_partner_id\":[11,\"Lucid Lynx\"]";

        String history = mapper.writeValueAsString(ImPayloads.messages(List.of(plain, edited, tombstone)));

        assertThat(history).isEqualTo("["
                + "{\"id\":41,\"type\":\"message\",\"message\":\"Hi\"," + head + ",\"reactions\":[]},"
                + "{\"id\":42,\"type\":\"message\",\"message\":\"Hello\"," + head
                + ",\"edited\":true,\"edit_date\":\"2026-11-21 10:01:00\",\"reactions\":["
                + "{\"emoji\":\"\ud83d\udc4d\",\"count\":2,\"me\":true},{\"emoji\":\"x\",\"count\":1,\"me\":false}]},"
                + "{\"id\":43,\"type\":\"message\",\"message\":\"\"," + head + ",\"deleted\":true,\"reactions\":[]}]");
    }

    @Test
    void a_reply_carries_the_quoted_message_live_and_in_history() throws Exception {
        MessageView reply = MessageViews.restored(44, 7, UUID.fromString(SESSION), UserId.of(6), "Oneiric Ocelot",
                new Partner(PartnerId.of(12), "Oneiric Ocelot"), "message", "Yes", AT,
                List.of(), Optional.of(new QuotedMessage(41, UserId.of(5), "Hi <b>\"there\"</b>", false)), List.of());
        MessageView toDeleted = new MessageView(45, 7, UUID.fromString(SESSION), UserId.of(6), "Oneiric Ocelot",
                new Partner(PartnerId.of(12), "Oneiric Ocelot"), "message", "Why?", AT, Optional.empty(), false,
                List.of(), List.of(), Optional.of(new QuotedMessage(43, UserId.of(5), "", true)), List.of());
        String head = "\"create_date\":\"2026-11-21 10:00:00\",\"to_id\":[7,\"" + SESSION + "\"],"
                + "\"from_id\":[6,\"Oneiric Ocelot\"],\"from_partner_id\":[12,\"Oneiric Ocelot\"]";

        assertThat(rendered(new MessagePosted(reply))).isEqualTo("{\"type\":\"im_chat.message\",\"session\":\""
                + SESSION + "\",\"message\":{\"id\":44,\"type\":\"message\",\"message\":\"Yes\"," + head
                + ",\"reply_to\":{\"id\":41,\"from_id\":5,\"message\":\"Hi <b>\\\"there\\\"</b>\",\"deleted\":false}}}");
        assertThat(mapper.writeValueAsString(ImPayloads.messages(List.of(toDeleted)))).isEqualTo("["
                + "{\"id\":45,\"type\":\"message\",\"message\":\"Why?\"," + head
                + ",\"reply_to\":{\"id\":43,\"from_id\":5,\"message\":\"\",\"deleted\":true},\"reactions\":[]}]");
    }
}

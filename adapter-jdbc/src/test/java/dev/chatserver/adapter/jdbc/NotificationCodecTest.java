package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.contract.SampleEvents;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.domain.account.Partner;
import dev.chatserver.domain.account.PartnerId;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.JsonText;
import dev.chatserver.application.port.out.notification.event.ChatEventAppended;
import dev.chatserver.application.port.out.notification.event.DomainEvent;
import dev.chatserver.application.port.out.notification.event.MessagePosted;
import dev.chatserver.application.port.out.notification.event.PresenceChanged;
import dev.chatserver.application.port.out.notification.event.ReadReceipt;
import dev.chatserver.application.port.out.notification.event.SessionChanged;
import dev.chatserver.application.port.in.view.MessageViews;
import dev.chatserver.domain.im.SessionState;
import dev.chatserver.domain.presence.ImStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored form of events: versioned, tolerant of neighbouring versions, and able to read what came before it. */
class NotificationCodecTest {
    private static final Channel LYNX = new Channel("user:5");
    private static final String SESSION = "6f1c1a2e-7d4b-4f53-9a51-2b1e4f0c9d11";

    private final NotificationCodec codec = new NotificationCodec();

    @Test
    void every_kind_of_event_reads_back_equal_and_says_its_version() {
        for (DomainEvent event : SampleEvents.everyKind()) {
            String stored = codec.write(event);

            assertThat(stored).startsWith("{\"v\":" + NotificationCodec.VERSION + ",\"kind\":");
            assertThat(codec.read(stored, LYNX)).contains(event);
        }
    }

    @Test
    void chat_event_data_is_kept_as_the_very_text_it_was() {
        ChatEventAppended appended = (ChatEventAppended) SampleEvents.everyKind().get(3);
        String spaced = "{ \"n\" : 1.50, \"big\": 1e400 }";
        ChatEventAppended odd = new ChatEventAppended(new dev.chatserver.domain.chats.Event(appended.event().id(),
                appended.event().roomId(), "x", "s", null, null, new JsonText(spaced), 1, 1,
                appended.event().createdBy(), appended.event().createdAt()));

        DomainEvent read = codec.read(codec.write(odd), LYNX).orElseThrow();

        assertThat(((ChatEventAppended) read).event().data().value()).isEqualTo(spaced);
    }

    @Test
    void a_chat_events_account_reads_back_as_its_pair_even_when_its_label_holds_a_dot() {
        ChatEventAppended appended = (ChatEventAppended) SampleEvents.everyKind().get(3);
        dev.chatserver.domain.chats.Event event = appended.event();
        ChatEventAppended byLookalike = new ChatEventAppended(new dev.chatserver.domain.chats.Event(event.id(),
                event.roomId(), event.type(), event.set(), event.label(), event.attribute(), event.data(),
                event.occurredAt(), event.originalOccurredAt(), new AccountId("a.b", "c"), event.createdAt()));

        DomainEvent read = codec.read(codec.write(byLookalike), LYNX).orElseThrow();

        assertThat(((ChatEventAppended) read).event().createdBy()).isEqualTo(new AccountId("a.b", "c"));
    }

    @Test
    void a_field_added_by_a_newer_node_of_the_same_version_is_ignored() {
        String stored = "{\"v\":1,\"kind\":\"presence.changed\",\"user\":6,\"im_status\":\"away\",\"since\":\"later\"}";

        assertThat(codec.read(stored, LYNX)).contains(new PresenceChanged(UserId.of(6), ImStatus.AWAY));
    }

    @Test
    void a_newer_version_or_an_unknown_kind_is_skipped_not_misread() {
        assertThat(codec.read("{\"v\":2,\"kind\":\"presence.changed\",\"who\":{\"id\":6}}", LYNX)).isEmpty();
        assertThat(codec.read("{\"v\":1,\"kind\":\"im.message_pinned\",\"id\":3}", LYNX)).isEmpty();
    }

    @Test
    void a_read_receipt_is_stored_in_version_1_so_an_older_reader_skips_it_as_a_kind_it_does_not_know() {
        String stored = codec.write(new ReadReceipt(7, UUID.fromString(SESSION), UserId.of(6), 42));

        assertThat(stored).isEqualTo("{\"v\":1,\"kind\":\"im.read_receipt\",\"session_id\":7,\"session_uuid\":\""
                + SESSION + "\",\"reader\":6,\"seen_message_id\":42}");
        // a node of version 1 from before read receipts reaches its switch on kind and skips, as for any kind unknown
        assertThat(codec.read(stored.replace("im.read_receipt", "im.kind_of_a_newer_node"), LYNX)).isEmpty();
    }

    @Test
    void a_session_stored_by_an_older_node_reads_without_read_pointers_or_unread_count() {
        SessionChanged now = (SessionChanged) SampleEvents.everyKind().get(SampleEvents.everyKind().size() - 1);
        String older = codec.write(now).replaceAll(",\"seen_message_id\":\\d+", "")
                .replaceAll(",\"unread_count\":\\d+", "");

        SessionChanged read = (SessionChanged) codec.read(older, LYNX).orElseThrow();

        assertThat(read.session().unreadCount()).isEmpty();
        assertThat(read.session().users()).allSatisfy(u -> assertThat(u.seenMessageId()).isEmpty());
    }

    @Test
    void notifications_stored_before_typed_events_read_as_the_events_they_announced() {
        String message = "{\"type\":\"im_chat.message\",\"session\":\"" + SESSION + "\",\"message\":{\"id\":42,"
                + "\"type\":\"message\",\"message\":\"Hello\",\"create_date\":\"2026-11-21 10:00:00\",\"to_id\":[7,\""
                + SESSION + "\"],\"from_id\":[5,\"Lucid Lynx\"],\"from_partner_id\":[11,\"Lucid Lynx\"]}}";
        assertThat(codec.read(message, LYNX)).contains(new MessagePosted(MessageViews.restored(42, 7, UUID.fromString(SESSION),
                UserId.of(5), "Lucid Lynx", new Partner(PartnerId.of(11), "Lucid Lynx"), "message", "Hello",
                Instant.parse("2026-11-21T10:00:00Z"), java.util.List.of(), Optional.empty(), java.util.List.of())));

        String session = "{\"type\":\"im_chat.session\",\"session\":{\"id\":7,\"uuid\":\"" + SESSION + "\","
                + "\"create_date\":\"2026-11-21 10:00:00\",\"state\":\"folded\",\"status\":\"active\",\"is_read\":false,"
                + "\"is_group\":false,\"with_documents\":true,\"groups\":[],\"docs\":[{\"id\":2,\"doc_model\":\"res.partner\","
                + "\"doc_id\":12}],\"users\":[{\"id\":5,\"name\":\"Lucid Lynx\",\"im_status\":\"online\",\"partner_id\":[11,"
                + "\"Lucid Lynx\"],\"last_message\":{\"id\":42,\"type\":\"message\",\"message\":\"Hello\","
                + "\"create_date\":\"2026-11-21 10:00:00\"}}]}}";
        SessionChanged changed = (SessionChanged) codec.read(session, LYNX).orElseThrow();
        assertThat(changed.viewer()).isEqualTo(UserId.of(5));
        assertThat(changed.session().state()).isEqualTo(SessionState.FOLDED);
        assertThat(changed.session().docs().get(0).document().id()).isEqualTo("12");
        assertThat(changed.session().users().get(0).lastMessage()).hasValueSatisfying(m -> assertThat(m.id()).isEqualTo(42));

        assertThat(codec.read("{\"type\":\"im_status\",\"user_id\":6,\"im_status\":\"offline\"}", new Channel("presence:6")))
                .contains(new PresenceChanged(UserId.of(6), ImStatus.OFFLINE));

        String chatEvent = "{\"type\":\"chats.event\",\"event\":{\"id\":\"0b7f7a1e-51c3-4c62-8c1b-1f2a3b4c5d6e\","
                + "\"room_id\":\"91e03d34-1929-4a02-9486-4c3e708686b3\",\"type\":\"message\",\"set\":\"messages\","
                + "\"label\":null,\"attribute\":null,\"data\":{\"text\":\"hi\"},\"occurred_at\":9,\"original_occurred_at\":9,"
                + "\"created_by\":\"lynx.usr.localhost\",\"created_at\":1763719200123}}";
        ChatEventAppended appended = (ChatEventAppended) codec.read(chatEvent, new Channel("room:x")).orElseThrow();
        assertThat(appended.event().data()).isEqualTo(new JsonText("{\"text\":\"hi\"}"));
        assertThat(appended.event().label()).isNull();
        assertThat(appended.event().createdAt()).isEqualTo(Instant.ofEpochMilli(1_763_719_200_123L));
    }
}

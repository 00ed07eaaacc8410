package dev.chatserver.bootstrap.im;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.application.port.in.account.AddGroupCommand;
import dev.chatserver.application.port.in.account.AddMemberCommand;
import dev.chatserver.application.port.in.account.ProvisionAccounts;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.domain.account.Group;
import dev.chatserver.application.port.out.notification.event.ReadReceipt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** unread_count in the listings and init, /im_chat/api/mark_read and seen_message_id, over HTTP. */
class ReadReceiptRoutesTest {
    private final ImServer im = ImServer.inMemory();

    @AfterEach
    void stop() {
        im.close();
    }

    private JsonNode listed(String token, String uuid) {
        return StreamSupport.stream(im.im("get_sessions", Map.of(), token).spliterator(), false)
                .filter(s -> s.get("uuid").asText().equals(uuid)).findFirst().orElseThrow();
    }

    private static JsonNode user(JsonNode session, long id) {
        return StreamSupport.stream(session.get("users").spliterator(), false)
                .filter(u -> u.get("id").asLong() == id).findFirst().orElseThrow();
    }

    private JsonNode markRead(String token, String uuid, long messageId) {
        return im.im("mark_read", Map.of("uuid", uuid, "message_id", messageId), token);
    }

    @Test
    void listings_carry_the_callers_unread_count_and_each_members_seen_message_id() {
        String uuid = im.openSession(im.lynx, "ocelot");
        im.post(im.lynx, uuid, "one");
        long two = im.post(im.lynx, uuid, "two");

        JsonNode ocelots = listed(im.ocelot, uuid);
        JsonNode lynxs = listed(im.lynx, uuid);

        assertThat(ocelots.get("unread_count").asLong()).isEqualTo(2);
        assertThat(ocelots.get("is_read").asBoolean()).isFalse();
        assertThat(lynxs.get("unread_count").asLong()).as("one's own messages are never unread").isZero();
        assertThat(user(ocelots, im.id("lynx")).get("seen_message_id").asLong()).as("posting is seeing").isEqualTo(two);
        assertThat(user(ocelots, im.id("ocelot")).get("seen_message_id").isNull()).isTrue();
    }

    @Test
    void mark_read_moves_the_pointer_never_backwards_and_answers_what_is_left() {
        String uuid = im.openSession(im.lynx, "ocelot");
        long one = im.post(im.lynx, uuid, "one");
        long two = im.post(im.lynx, uuid, "two");
        im.bus.clear();

        JsonNode atOne = markRead(im.ocelot, uuid, one);
        assertThat(atOne.get("status").asText()).isEqualTo("success");
        assertThat(atOne.get("seen_message_id").asLong()).isEqualTo(one);
        assertThat(atOne.get("unread_count").asLong()).isEqualTo(1);
        assertThat(atOne.get("is_read").asBoolean()).isFalse();

        JsonNode atTwo = markRead(im.ocelot, uuid, two);
        assertThat(atTwo.get("unread_count").asLong()).isZero();
        assertThat(atTwo.get("is_read").asBoolean()).isTrue();
        JsonNode back = markRead(im.ocelot, uuid, one);
        assertThat(back.get("seen_message_id").asLong()).as("never backwards").isEqualTo(two);

        assertThat(listed(im.ocelot, uuid).get("unread_count").asLong()).isZero();
        assertThat(listed(im.ocelot, uuid).get("is_read").asBoolean()).isTrue();
        assertThat(user(listed(im.lynx, uuid), im.id("ocelot")).get("seen_message_id").asLong()).isEqualTo(two);
        assertThat(im.bus.ofKind(ReadReceipt.class).stream()
                .filter(p -> p.channel().equals(Channel.ofUser(im.user("lynx").id())))
                .map(p -> ((ReadReceipt) p.event()).seenMessageId()).toList())
                .containsExactly(one, two);
    }

    @Test
    void the_group_listing_and_init_carry_unread_counts_too() {
        im.im("user_chat_ab/add_users", Map.of("user_ids", List.of(im.id("lynx"))), im.ocelot);
        String uuid = im.openSession(im.lynx, "ocelot");
        im.post(im.lynx, uuid, "one");
        im.post(im.lynx, uuid, "two");
        im.post(im.lynx, uuid, "three");
        Group crew = im.server.get(ProvisionAccounts.class).addGroup(new AddGroupCommand("Crew"));
        im.server.get(ProvisionAccounts.class).addMember(AddMemberCommand.of(crew.id().toString(), "lynx"));
        im.server.get(ProvisionAccounts.class).addMember(AddMemberCommand.of(crew.id().toString(), "ocelot"));
        String group = im.im("get_or_create_session_group", Map.of("group", crew.id().value()), im.lynx)
                .get("uuid").asText();
        im.post(im.lynx, group, "to the crew");

        JsonNode cards = im.im("init", Map.of("name", ""), im.ocelot);
        JsonNode groups = im.im("get_sessions_group", Map.of("group", crew.id().value()), im.ocelot);

        assertThat(cards).singleElement().satisfies(card -> {
            assertThat(card.get("id").asLong()).isEqualTo(im.id("lynx"));
            assertThat(card.get("unread_count").asLong()).isEqualTo(3);
        });
        assertThat(groups).singleElement().satisfies(s -> {
            assertThat(s.get("uuid").asText()).isEqualTo(group);
            assertThat(s.get("unread_count").asLong()).isEqualTo(1);
        });
    }

    @Test
    void bad_input_and_strangers_are_refused_naming_the_field_and_move_nothing() {
        String uuid = im.openSession(im.lynx, "ocelot");
        String other = im.openSession(im.lynx, "support");
        long elsewhere = im.post(im.lynx, other, "not in ocelot's session");
        long here = im.post(im.lynx, uuid, "here");
        im.bus.clear();

        im.error("mark_read", Map.of("uuid", uuid), im.ocelot, "message_id");
        im.error("mark_read", Map.of("uuid", uuid, "message_id", "seven"), im.ocelot, "message_id");
        im.error("mark_read", Map.of("uuid", uuid, "message_id", 0), im.ocelot, "message_id");
        im.error("mark_read", Map.of("uuid", uuid, "message_id", -3), im.ocelot, "message_id");
        im.error("mark_read", Map.of("message_id", here), im.ocelot, "uuid");
        im.error("mark_read", Map.of("uuid", "not-a-uuid", "message_id", here), im.ocelot, "uuid");
        JsonNode foreign = im.error("mark_read", Map.of("uuid", uuid, "message_id", elsewhere), im.ocelot, "message_id");
        JsonNode missing = im.error("mark_read", Map.of("uuid", uuid, "message_id", 987_654), im.ocelot, "message_id");
        assertThat(foreign.get("message")).as("a message elsewhere reads like none").isEqualTo(missing.get("message"));
        im.error("mark_read", Map.of("uuid", uuid, "message_id", here), im.support, "uuid");

        assertThat(im.bus.published()).isEmpty();
        assertThat(listed(im.ocelot, uuid).get("unread_count").asLong()).isEqualTo(1);
    }

    @Test
    void racing_mark_reads_over_http_end_at_the_greater_message() {
        String uuid = im.openSession(im.lynx, "ocelot");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(im.post(im.lynx, uuid, "m" + i));
        }
        List<CompletableFuture<JsonNode>> racing = new ArrayList<>();
        for (long id : List.of(ids.get(3), ids.get(7), ids.get(1), ids.get(5))) {
            racing.add(CompletableFuture.supplyAsync(() -> markRead(im.ocelot, uuid, id)));
        }
        racing.forEach(CompletableFuture::join);

        assertThat(user(listed(im.lynx, uuid), im.id("ocelot")).get("seen_message_id").asLong()).isEqualTo(ids.get(7));
        assertThat(listed(im.ocelot, uuid).get("unread_count").asLong()).isZero();
    }

    @Test
    void unread_counts_stay_exact_while_posts_race() {
        String uuid = im.openSession(im.lynx, "ocelot");
        List<CompletableFuture<Long>> posts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String text = "race " + i;
            posts.add(CompletableFuture.supplyAsync(() -> im.post(im.lynx, uuid, text)));
        }
        for (int i = 0; i < 3; i++) {
            assertThat(listed(im.ocelot, uuid).get("unread_count").asLong()).isBetween(0L, 24L);
        }
        posts.forEach(CompletableFuture::join);

        assertThat(listed(im.ocelot, uuid).get("unread_count").asLong()).isEqualTo(24);
        long newest = posts.stream().mapToLong(CompletableFuture::join).max().orElseThrow();
        assertThat(markRead(im.ocelot, uuid, newest).get("unread_count").asLong()).isZero();
    }
}

package dev.chatserver.bootstrap.im;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.event.MessagePosted;
import dev.chatserver.domain.account.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @login} in /im_chat/post over HTTP: {@code mentions} in history, search and the live message, edits
 * deciding them again, {@code mention_count} in get_sessions until mark_read passes the mentions; nobody outside
 * the session mentioned or told.
 */
class ImMentionsRoutesTest {
    private ImServer im;

    @AfterEach
    void stop() {
        if (im != null) {
            im.close();
        }
    }

    private JsonNode entry(String uuid, long id, String reader) {
        for (JsonNode m : im.im("history", Map.of("uuid", uuid), reader)) {
            if (m.get("id").asLong() == id) {
                return m;
            }
        }
        throw new AssertionError("no message " + id + " in history");
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        if (array != null) {
            array.forEach(id -> ids.add(id.asLong()));
        }
        return ids;
    }

    private JsonNode listed(String token, String uuid) {
        for (JsonNode session : im.im("get_sessions", Map.of(), token)) {
            if (session.get("uuid").asText().equals(uuid)) {
                return session;
            }
        }
        throw new AssertionError("no session " + uuid);
    }

    @Test
    void a_member_called_by_login_is_mentioned_in_history_search_and_live_and_counted_until_read() {
        im = ImServer.inMemory();
        String uuid = im.openSession(im.lynx, "ocelot");
        long ocelotId = im.id("ocelot");
        im.bus.clear();

        long first = im.post(im.lynx, uuid, "@ocelot: quokkas at noon? (@support is not here; mail me at lynx@zoo.org)");
        long plain = im.post(im.lynx, uuid, "no one called");
        long second = im.post(im.lynx, uuid, "again, @ocelot.");

        // read as lynx: ocelot reading the newest page would read the mentions too
        assertThat(ids(entry(uuid, first, im.lynx).get("mentions"))).containsExactly(ocelotId);
        assertThat(entry(uuid, plain, im.lynx).has("mentions")).isFalse();
        assertThat(ids(im.im("search", Map.of("query", "quokkas"), im.ocelot).get(0).get("message").get("mentions")))
                .containsExactly(ocelotId);
        assertThat(im.bus.ofKind(MessagePosted.class)).filteredOn(p -> ((MessagePosted) p.event()).message().id() == first)
                .isNotEmpty().allSatisfy(p -> assertThat(((MessagePosted) p.event()).message().mentions())
                        .containsExactly(UserId.of(ocelotId)));
        assertThat(im.bus.published()).as("support is told nothing")
                .noneMatch(p -> p.channel().equals(Channel.ofUser(UserId.of(im.id("support")))));

        assertThat(listed(im.ocelot, uuid).get("mention_count").asLong()).isEqualTo(2);
        assertThat(listed(im.ocelot, uuid).get("unread_count").asLong()).isEqualTo(3);
        assertThat(listed(im.lynx, uuid).get("mention_count").asLong()).isZero();

        im.im("mark_read", Map.of("uuid", uuid, "message_id", first), im.ocelot);
        assertThat(listed(im.ocelot, uuid).get("mention_count").asLong()).isEqualTo(1);
        im.im("mark_read", Map.of("uuid", uuid, "message_id", second), im.ocelot);
        assertThat(listed(im.ocelot, uuid).get("mention_count").asLong()).isZero();
    }

    @Test
    void an_edit_answers_and_keeps_whom_its_new_text_mentions() {
        im = ImServer.inMemory();
        String uuid = im.openSession(im.lynx, "ocelot");
        long said = im.post(im.lynx, uuid, "@ocelot look");

        JsonNode edited = im.im("edit_message", Map.of("message_id", said, "message_content", "look, all of you"),
                im.lynx);

        assertThat(ids(edited.get("mentions"))).isEmpty();
        assertThat(entry(uuid, said, im.lynx).has("mentions")).isFalse();
        assertThat(listed(im.ocelot, uuid).get("mention_count").asLong()).isZero();

        JsonNode again = im.im("edit_message", Map.of("message_id", said, "message_content", "@ocelot, look"), im.lynx);

        assertThat(ids(again.get("mentions"))).containsExactly(im.id("ocelot"));
        assertThat(ids(entry(uuid, said, im.lynx).get("mentions"))).containsExactly(im.id("ocelot"));
        assertThat(listed(im.ocelot, uuid).get("mention_count").asLong()).isEqualTo(1);
    }
}

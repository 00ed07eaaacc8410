package dev.chatserver.bootstrap.im;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.event.MessagePosted;
import dev.chatserver.application.port.out.notification.event.SessionChanged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Group conversations over HTTP: made by anyone signed in, changed by its admins, every change said and told. */
class ImGroupRoutesTest {
    private final ImServer im = ImServer.inMemory();

    @AfterEach
    void stop() {
        im.close();
    }

    private JsonNode create(String token, String name, String... logins) {
        return im.im("group/create", Map.of("name", name,
                "user_ids", java.util.Arrays.stream(logins).map(im::id).toList()), token);
    }

    @Test
    void anyone_creates_a_group_of_people_they_choose_and_is_its_admin() {
        JsonNode group = create(im.lynx, "Night shift", "ocelot", "support");

        assertThat(group.get("is_group").asBoolean()).isTrue();
        assertThat(group.get("conversation").get("name").asText()).isEqualTo("Night shift");
        assertThat(group.get("conversation").get("posting").asText()).isEqualTo("all");
        assertThat(group.get("conversation").get("admins")).extracting(JsonNode::asLong).containsExactly(im.id("lynx"));
        assertThat(group.get("users")).extracting(u -> u.get("id").asLong())
                .containsExactly(im.id("lynx"), im.id("ocelot"), im.id("support"));
        String uuid = group.get("uuid").asText();
        assertThat(im.im("get_sessions", Map.of(), im.support)).extracting(s -> s.get("uuid").asText()).contains(uuid);
        assertThat(im.im("history", Map.of("uuid", uuid), im.ocelot)).singleElement().satisfies(meta -> {
            assertThat(meta.get("type").asText()).isEqualTo("meta");
            assertThat(meta.get("message").asText()).isEqualTo("Lucid Lynx created the group \u201cNight shift\u201d.");
        });
    }

    @Test
    void only_admins_manage_and_every_change_is_a_meta_message_told_to_every_member() {
        String uuid = create(im.lynx, "Night shift", "ocelot").get("uuid").asText();
        im.bus.clear();

        JsonNode renamed = im.im("group/rename", Map.of("uuid", uuid, "name", "Day shift"), im.lynx);
        assertThat(renamed.get("conversation").get("name").asText()).isEqualTo("Day shift");
        Channel ocelot = Channel.ofUser(im.user("ocelot").id());
        assertThat(im.bus.ofKind(SessionChanged.class)).anySatisfy(p -> assertThat(p.channel()).isEqualTo(ocelot));
        assertThat(im.bus.ofKind(MessagePosted.class)).anySatisfy(p -> {
            assertThat(p.channel()).isEqualTo(ocelot);
            assertThat(((MessagePosted) p.event()).message().message()).contains("renamed the group");
        });

        JsonNode added = im.im("group/add_members", Map.of("uuid", uuid, "user_ids", List.of(im.id("support"))), im.ocelot);
        assertThat(added.get("users")).hasSize(3);
        JsonNode promoted = im.im("group/set_role", Map.of("uuid", uuid, "user_id", im.id("ocelot"), "role", "admin"), im.lynx);
        assertThat(promoted.get("conversation").get("admins")).extracting(JsonNode::asLong)
                .containsExactly(im.id("lynx"), im.id("ocelot"));
        JsonNode announcing = im.im("group/set_posting", Map.of("uuid", uuid, "posting", "admins"), im.ocelot);
        assertThat(announcing.get("conversation").get("posting").asText()).isEqualTo("admins");

        im.error("group/rename", Map.of("uuid", uuid, "name", "Mine"), im.support, "uuid");
        im.error("group/remove_member", Map.of("uuid", uuid, "user_id", im.id("lynx")), im.support, "uuid");
        im.error("group/set_role", Map.of("uuid", uuid, "user_id", im.id("support"), "role", "owner"), im.lynx, "role");
        im.error("group/set_posting", Map.of("uuid", uuid, "posting", "some"), im.lynx, "posting");
        im.error("group/rename", Map.of("uuid", uuid, "name", " "), im.lynx, "name");
        im.error("group/rename", Map.of("uuid", uuid, "name", "x".repeat(101)), im.lynx, "name");
        im.error("group/create", Map.of("name", "x", "user_ids", List.of(999_999)), im.lynx, "user_ids");
        im.error("group/create", Map.of("name", "x", "user_ids", "ocelot"), im.lynx, "user_ids");
        im.error("group/create", Map.of("user_ids", List.of()), im.lynx, "name");
        im.error("group/rename", Map.of("uuid", im.openSession(im.lynx, "ocelot"), "name", "Pair"), im.lynx, "uuid");
    }

    @Test
    void a_removed_member_reads_why_and_the_group_is_gone_from_their_list() {
        String uuid = create(im.lynx, "Night shift", "ocelot", "support").get("uuid").asText();

        JsonNode after = im.im("group/remove_member", Map.of("uuid", uuid, "user_id", im.id("support")), im.lynx);

        assertThat(after.get("users")).hasSize(2);
        assertThat(im.im("get_sessions", Map.of(), im.support)).extracting(s -> s.get("uuid").asText())
                .doesNotContain(uuid);
        im.error("/im_chat/post", Map.of("uuid", uuid, "message_type", "message", "message_content", "hi"),
                im.support, "uuid");
        im.error("history", Map.of("uuid", uuid), im.support, "uuid");
    }

    @Test
    void the_last_admin_leaves_only_naming_a_successor() {
        String uuid = create(im.lynx, "Night shift", "ocelot").get("uuid").asText();

        im.error("group/leave", Map.of("uuid", uuid), im.lynx, "successor_id");
        JsonNode left = im.im("group/leave", Map.of("uuid", uuid, "successor_id", im.id("ocelot")), im.lynx);

        assertThat(left.get("status").asText()).isEqualTo("success");
        JsonNode seenByOcelot = im.im("get_sessions", Map.of(), im.ocelot).get(0);
        assertThat(seenByOcelot.get("conversation").get("admins")).extracting(JsonNode::asLong)
                .containsExactly(im.id("ocelot"));
        assertThat(im.im("history", Map.of("uuid", uuid), im.ocelot).get(0).get("message").asText())
                .isEqualTo("Lucid Lynx left the group. Oneiric Ocelot is now an admin.");
    }
}

package dev.chatserver.bootstrap.im;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.event.MessagePosted;
import dev.chatserver.application.port.out.notification.event.SessionChanged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** add_user over HTTP: a member brings a third user into a private session, which stops being the pair's. */
class ImInvitationRoutesTest {
    private final ImServer im = ImServer.inMemory();

    @AfterEach
    void stop() {
        im.close();
    }

    @Test
    void a_member_adds_a_user_everyone_is_told_and_the_pair_gets_a_new_session_next() {
        String uuid = im.openSession(im.lynx, "ocelot");
        im.bus.clear();

        JsonNode session = im.im("add_user", Map.of("uuid", uuid, "user_id", im.id("support")), im.lynx);

        assertThat(session.get("uuid").asText()).isEqualTo(uuid);
        assertThat(session.get("is_group").asBoolean()).isFalse();
        assertThat(session.get("users")).extracting(user -> user.get("id").asLong())
                .containsExactly(im.id("lynx"), im.id("ocelot"), im.id("support"));
        for (String member : new String[]{"lynx", "ocelot", "support"}) {
            Channel channel = Channel.ofUser(im.user(member).id());
            assertThat(im.bus.ofKind(SessionChanged.class)).as(member)
                    .anySatisfy(p -> assertThat(p.channel()).isEqualTo(channel));
            assertThat(im.bus.ofKind(MessagePosted.class)).as(member)
                    .anySatisfy(p -> {
                        assertThat(p.channel()).isEqualTo(channel);
                        assertThat(((MessagePosted) p.event()).message().type()).isEqualTo("meta");
                    });
        }
        JsonNode history = im.im("history", Map.of("uuid", uuid), im.support);
        assertThat(history).singleElement().satisfies(meta -> {
            assertThat(meta.get("type").asText()).isEqualTo("meta");
            assertThat(meta.get("message").asText()).endsWith(" joined the conversation.");
        });
        assertThat(im.openSession(im.ocelot, "lynx")).as("the pair's next session is a new one").isNotEqualTo(uuid);
        assertThat(im.im("add_user", Map.of("uuid", uuid, "user_id", im.id("ocelot")), im.lynx).get("users"))
                .as("adding a member changes nothing").hasSize(3);
    }

    @Test
    void only_a_member_adds_an_existing_user_and_each_bad_parameter_is_named() {
        String uuid = im.openSession(im.lynx, "ocelot");

        im.error("add_user", Map.of("uuid", uuid, "user_id", im.id("support")), im.support, "uuid");
        im.error("add_user", Map.of("uuid", uuid, "user_id", 999_999), im.lynx, "user_id");
        im.error("add_user", Map.of("uuid", uuid, "user_id", "support"), im.lynx, "user_id");
        im.error("add_user", Map.of("uuid", uuid), im.lynx, "user_id");
        im.error("add_user", Map.of("uuid", "nope", "user_id", im.id("support")), im.lynx, "uuid");
        im.error("add_user", Map.of("user_id", im.id("support")), im.lynx, "uuid");

        assertThat(im.openSession(im.ocelot, "lynx")).as("refusals leave the pair's session theirs").isEqualTo(uuid);
    }
}

package dev.chatserver.bootstrap.im;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.domain.presence.ImStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** user_chat_ab/* and init over HTTP. */
class AddressBookRoutesTest {
    private final ImServer im = ImServer.inMemory();

    @AfterEach
    void stop() {
        im.close();
    }

    private static List<Long> ids(JsonNode users) {
        List<Long> ids = new ArrayList<>();
        users.forEach(u -> ids.add(u.get("id").asLong()));
        return ids;
    }

    private void success(String route, Object params, String token) {
        assertThat(im.im(route, params, token).toString()).isEqualTo("{\"status\":\"success\"}");
    }

    @Test
    void the_book_and_everyone_else_are_listed_with_presence() {
        im.presence.set(im.user("ocelot").id(), ImStatus.ONLINE);

        assertThat(im.im("user_chat_ab/get_users_from_book", Map.of(), im.lynx)).isEmpty();
        JsonNode everyone = im.im("user_chat_ab/get_all_users", Map.of(), im.lynx);
        assertThat(ids(everyone)).containsExactly(im.id("ocelot"), im.id("support"));
        assertThat(everyone.get(0).get("name").asText()).isEqualTo("Oneiric Ocelot");
        assertThat(everyone.get(0).get("im_status").asText()).as("a stranger's presence is theirs").isEqualTo("offline");
        im.im("get_or_create_session", Map.of("user_to", im.id("ocelot")), im.lynx);
        everyone = im.im("user_chat_ab/get_all_users", Map.of(), im.lynx);
        assertThat(everyone.get(0).get("im_status").asText()).as("sharing a session").isEqualTo("online");
        assertThat(everyone.get(1).get("im_status").asText()).isEqualTo("offline");

        success("user_chat_ab/add_users", Map.of("user_ids", List.of(im.id("ocelot"))), im.lynx);
        success("user_chat_ab/add_users", Map.of("user_ids", List.of(im.id("ocelot"))), im.lynx);

        JsonNode book = im.im("user_chat_ab/get_users_from_book", Map.of(), im.lynx);
        assertThat(ids(book)).containsExactly(im.id("ocelot"));
        assertThat(book.get(0).get("im_status").asText()).isEqualTo("online");
        assertThat(ids(im.im("user_chat_ab/get_all_users", Map.of(), im.lynx))).containsExactly(im.id("support"));
        assertThat(im.im("user_chat_ab/get_users_from_book", Map.of(), im.ocelot)).as("books are one's own").isEmpty();

        success("user_chat_ab/remove_users", Map.of("user_ids", List.of(im.id("ocelot"))), im.lynx);
        success("user_chat_ab/remove_users", Map.of("user_ids", List.of(im.id("ocelot"))), im.lynx);
        assertThat(im.im("user_chat_ab/get_users_from_book", Map.of(), im.lynx)).isEmpty();
    }

    @Test
    void add_and_remove_users_refuse_what_is_not_a_list_of_known_users_and_change_nothing() {
        JsonNode notList = im.error("user_chat_ab/add_users", Map.of("user_ids", im.id("ocelot")), im.lynx, "user_ids");
        assertThat(notList.get("message").asText()).isEqualTo("user_ids is not list");
        assertThat(im.error("user_chat_ab/remove_users", Map.of("user_ids", "5"), im.lynx, "user_ids")
                .get("message").asText()).isEqualTo("user_ids is not list");
        im.error("user_chat_ab/add_users", Map.of(), im.lynx, "user_ids");
        im.error("user_chat_ab/add_users", Map.of("user_ids", List.of("x")), im.lynx, "user_ids");
        JsonNode unknown = im.error("user_chat_ab/add_users",
                Map.of("user_ids", List.of(im.id("ocelot"), 999_998, 999_999)), im.lynx, "user_ids");
        assertThat(unknown.get("message").asText()).contains("999998", "999999");
        im.error("user_chat_ab/add_users", Map.of("user_ids", List.of(im.id("lynx"))), im.lynx, "user_ids");
        im.error("user_chat_ab/remove_users", Map.of("user_ids", List.of(999_999)), im.lynx, "user_ids");

        assertThat(im.im("user_chat_ab/get_users_from_book", Map.of(), im.lynx)).isEmpty();
    }

    @Test
    void add_partner_puts_the_child_partners_user_into_the_callers_own_book_only() {
        long lynxPartner = im.user("lynx").partner().id().value();
        long ocelotPartner = im.user("ocelot").partner().id().value();
        long supportPartner = im.user("support").partner().id().value();

        success("user_chat_ab/add_partner", Map.of("parent_partner_id", lynxPartner, "child_partner_id", supportPartner), im.lynx);
        assertThat(ids(im.im("user_chat_ab/get_users_from_book", Map.of(), im.lynx))).containsExactly(im.id("support"));

        im.error("user_chat_ab/add_partner", Map.of("parent_partner_id", ocelotPartner, "child_partner_id", supportPartner),
                im.lynx, "parent_partner_id");
        im.error("user_chat_ab/add_partner", Map.of("parent_partner_id", lynxPartner, "child_partner_id", 999_999),
                im.lynx, "child_partner_id");
        im.error("user_chat_ab/add_partner", Map.of("child_partner_id", supportPartner), im.lynx, "parent_partner_id");
        im.error("user_chat_ab/add_partner", Map.of("parent_partner_id", lynxPartner), im.lynx, "child_partner_id");
        im.error("user_chat_ab/add_partner", Map.of("parent_partner_id", "me", "child_partner_id", 1), im.lynx, "parent_partner_id");
        assertThat(im.im("user_chat_ab/get_users_from_book", Map.of(), im.ocelot)).isEmpty();
    }

    @Test
    void init_lists_the_contacts_matching_a_name_with_their_last_message() {
        im.im("user_chat_ab/add_users", Map.of("user_ids", List.of(im.id("ocelot"), im.id("support"))), im.lynx);
        String uuid = im.openSession(im.lynx, "support");
        im.post(im.support, uuid, "888");
        im.presence.set(im.user("support").id(), ImStatus.AWAY);

        JsonNode all = im.im("init", Map.of("name", ""), im.lynx);
        JsonNode russian = im.im("init", Map.of("name", "rUsSiAn"), im.lynx);
        JsonNode one = im.im("init", Map.of("name", "", "limit", 1), im.lynx);

        assertThat(ids(all)).containsExactly(im.id("ocelot"), im.id("support"));
        assertThat(russian).singleElement().satisfies(c -> {
            assertThat(c.get("id").asLong()).isEqualTo(im.id("support"));
            assertThat(c.get("name").asText()).isEqualTo("Russian Support");
            assertThat(c.get("email").asText()).isEqualTo("russian@support.ru");
            assertThat(c.get("im_status").asText()).isEqualTo("away");
            assertThat(c.get("partner_id").get(0).asLong()).isEqualTo(im.user("support").partner().id().value());
            assertThat(c.get("last_message").get("message").asText()).isEqualTo("888");
            assertThat(c.get("last_message").get("type").asText()).isEqualTo("message");
            assertThat(c.get("last_message").get("id").isIntegralNumber()).isTrue();
            assertThat(c.get("last_message").get("create_date").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        });
        assertThat(all.get(0).get("last_message").isNull()).isTrue();
        assertThat(one).hasSize(1);
        im.error("init", Map.of(), im.lynx, "name");
        im.error("init", Map.of("name", 5), im.lynx, "name");
        im.error("init", Map.of("name", "", "limit", -1), im.lynx, "limit");
    }
}

package dev.chatserver.bootstrap.im;

import dev.chatserver.application.port.out.notification.event.SessionChanged;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.in.account.AddGroupCommand;
import dev.chatserver.application.port.in.account.AddMemberCommand;
import dev.chatserver.application.port.in.account.ProvisionAccounts;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.Group;
import dev.chatserver.domain.presence.ImStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** get_or_create_session(_group), get_sessions(_group), change_session_status and update_state over HTTP. */
class ImSessionRoutesTest {
    private static final String DATETIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";
    /** The long listing opens 150 sessions of one user at once, past the default budget of new sessions. */
    private final ImServer im = ImServer.inMemory("--user-new-sessions", "150/1h");

    @AfterEach
    void stop() {
        im.close();
    }

    /** Every field of the spec's session tables and examples, with the asker's own state, status, read flag. */
    private void assertSessionShape(JsonNode session) {
        assertThat(session.get("uuid").asText()).matches("[0-9a-f-]{36}");
        assertThat(session.get("id").isIntegralNumber()).isTrue();
        assertThat(session.get("create_date").asText()).matches(DATETIME);
        assertThat(session.get("state").asText()).isIn("open", "folded", "closed");
        assertThat(session.get("status").asText()).isIn("active", "favorite", "archive");
        assertThat(session.get("is_read").isBoolean()).isTrue();
        assertThat(session.get("is_group").isBoolean()).isTrue();
        assertThat(session.get("with_documents").isBoolean()).isTrue();
        assertThat(session.get("groups").isArray()).isTrue();
        assertThat(session.get("docs").isArray()).isTrue();
        assertThat(session.get("users").isArray()).isTrue();
        for (JsonNode user : session.get("users")) {
            assertThat(user.get("id").isIntegralNumber()).isTrue();
            assertThat(user.get("name").isTextual()).isTrue();
            assertThat(user.get("im_status").asText()).isIn("online", "offline", "away");
            assertThat(user.get("partner_id").isArray()).isTrue();
            assertThat(user.get("partner_id").get(0).isIntegralNumber()).isTrue();
            assertThat(user.get("partner_id").get(1).asText()).isEqualTo(user.get("name").asText());
            assertThat(user.has("last_message")).isTrue();
        }
    }

    @Test
    void get_or_create_session_answers_the_example_shape_and_the_same_uuid_from_both_sides() {
        im.presence.set(im.user("ocelot").id(), ImStatus.AWAY);

        JsonNode session = im.im("get_or_create_session", Map.of("user_to", im.id("ocelot")), im.lynx);
        JsonNode again = im.im("get_or_create_session", Map.of("user_to", im.id("lynx")), im.ocelot);

        assertSessionShape(session);
        assertThat(again.get("uuid")).isEqualTo(session.get("uuid"));
        assertThat(session.get("state").asText()).isEqualTo("open");
        assertThat(session.get("status").asText()).isEqualTo("active");
        assertThat(session.get("is_read").asBoolean()).isTrue();
        assertThat(session.get("is_group").asBoolean()).isFalse();
        assertThat(session.get("with_documents").asBoolean()).isFalse();
        assertThat(session.get("users")).hasSize(2);
        JsonNode ocelot = session.get("users").get(1);
        assertThat(ocelot.get("id").asLong()).isEqualTo(im.id("ocelot"));
        assertThat(ocelot.get("name").asText()).isEqualTo("Oneiric Ocelot");
        assertThat(ocelot.get("im_status").asText()).isEqualTo("away");
        assertThat(ocelot.get("partner_id").get(0).asLong()).isEqualTo(im.user("ocelot").partner().id().value());
        assertThat(ocelot.get("last_message").isNull()).isTrue();
        assertThat(im.bus.ofKind(SessionChanged.class)).extracting(p -> p.channel())
                .containsExactlyInAnyOrder(Channel.ofUser(im.user("lynx").id()), Channel.ofUser(im.user("ocelot").id()));
    }

    @Test
    void a_session_about_a_document_lists_it_in_docs() {
        JsonNode session = im.im("get_or_create_session",
                Map.of("user_to", im.id("ocelot"), "doc_id", 25, "doc_model", "res.partner"), im.lynx);

        assertSessionShape(session);
        assertThat(session.get("with_documents").asBoolean()).isTrue();
        JsonNode doc = session.get("docs").get(0);
        assertThat(doc.get("doc_model").asText()).isEqualTo("res.partner");
        assertThat(doc.get("doc_id").asLong()).isEqualTo(25);
        assertThat(doc.get("id").isIntegralNumber()).isTrue();
        assertThat(im.im("get_or_create_session",
                Map.of("user_to", im.id("lynx"), "doc_id", "25", "doc_model", "res.partner"), im.ocelot).get("uuid"))
                .isEqualTo(session.get("uuid"));
        assertThat(im.im("get_or_create_session", Map.of("user_to", im.id("ocelot")), im.lynx).get("uuid"))
                .isNotEqualTo(session.get("uuid"));
    }

    @Test
    void get_or_create_session_refuses_bad_input_naming_the_field() {
        im.error("get_or_create_session", Map.of(), im.lynx, "user_to");
        im.error("get_or_create_session", Map.of("user_to", "five"), im.lynx, "user_to");
        im.error("get_or_create_session", Map.of("user_to", 999_999), im.lynx, "user_to");
        im.error("get_or_create_session", Map.of("user_to", im.id("lynx")), im.lynx, "user_to");
        im.error("get_or_create_session", Map.of("user_to", im.id("ocelot"), "doc_id", 25), im.lynx, "doc_model");
        im.error("get_or_create_session", Map.of("user_to", im.id("ocelot"), "doc_model", "res.partner"), im.lynx, "doc_id");
        im.error("get_or_create_session", Map.of("user_to", im.id("ocelot"), "doc_id", 25, "doc_model", 7), im.lynx, "doc_model");

        assertThat(im.im("get_sessions", Map.of(), im.lynx)).isEmpty();
        assertThat(im.bus.published()).isEmpty();
    }

    @Test
    void a_group_session_is_opened_only_by_members_of_the_group() {
        long news = groupNamed("News");
        ProvisionAccounts provisioning = im.server.get(ProvisionAccounts.class);
        Group sales = provisioning.addGroup(new AddGroupCommand("Sales"));
        provisioning.addMember(AddMemberCommand.of(sales.id().toString(), "ocelot"));

        JsonNode session = im.im("get_or_create_session_group", Map.of("group", news), im.lynx);
        assertSessionShape(session);
        assertThat(session.get("is_group").asBoolean()).isTrue();
        assertThat(session.get("groups")).singleElement().satisfies(g -> {
            assertThat(g.get("id").asLong()).isEqualTo(news);
            assertThat(g.get("name").asText()).isEqualTo("News");
        });
        assertThat(session.get("users")).hasSize(3);
        assertThat(im.im("get_or_create_session_group", Map.of("group", news), im.support).get("uuid"))
                .isEqualTo(session.get("uuid"));

        JsonNode notMine = im.error("get_or_create_session_group", Map.of("group", sales.id().value()), im.lynx, "group");
        JsonNode missing = im.error("get_or_create_session_group", Map.of("group", 999_999), im.lynx, "group");
        assertThat(notMine.get("message").asText().replace(sales.id().toString(), "N"))
                .isEqualTo(missing.get("message").asText().replace("999999", "N"));
        im.error("get_or_create_session_group", Map.of(), im.lynx, "group");
        im.error("get_or_create_session_group", Map.of("group", news, "doc_id", "9"), im.lynx, "doc_model");

        JsonNode listed = im.im("get_sessions_group", Map.of(), im.ocelot);
        assertThat(listed).singleElement().satisfies(s -> {
            assertSessionShape(s);
            assertThat(s.get("uuid")).isEqualTo(session.get("uuid"));
        });
        assertThat(im.im("get_sessions_group", Map.of("group", news), im.ocelot)).hasSize(1);
        assertThat(im.im("get_sessions", Map.of(), im.ocelot)).as("private sessions only").isEmpty();
        im.error("get_sessions_group", Map.of("group", 999_999), im.ocelot, "group");
        im.error("get_sessions_group", Map.of("state", "gone"), im.ocelot, "state");
    }

    private long groupNamed(String name) {
        return im.server.get(UserDirectory.class).groupsNamed(name).get(0).id().value();
    }

    @Test
    void get_sessions_lists_the_callers_sessions_newest_first_with_each_filter() {
        String withOcelot = im.openSession(im.lynx, "ocelot");
        String withSupport = im.openSession(im.lynx, "support");
        String aboutDoc = im.im("get_or_create_session",
                Map.of("user_to", im.id("ocelot"), "doc_id", "25", "doc_model", "res.partner"), im.lynx).get("uuid").asText();
        im.openSession(im.ocelot, "support");
        im.post(im.lynx, withOcelot, "222");
        im.post(im.ocelot, withOcelot, "444");
        ok(im.im("update_state", Map.of("uuid", withSupport, "state", "closed"), im.lynx));

        JsonNode all = im.im("get_sessions", Map.of(), im.lynx);
        assertThat(uuids(all)).containsExactly(aboutDoc, withSupport, withOcelot);
        all.forEach(this::assertSessionShape);
        JsonNode ocelotSession = all.get(2);
        assertThat(ocelotSession.get("users").get(0).get("last_message").get("message").asText()).isEqualTo("222");
        JsonNode last = ocelotSession.get("users").get(1).get("last_message");
        assertThat(last.get("message").asText()).isEqualTo("444");
        assertThat(last.get("type").asText()).isEqualTo("message");
        assertThat(last.get("id").isIntegralNumber()).isTrue();
        assertThat(last.get("create_date").asText()).matches(DATETIME);
        assertThat(ocelotSession.get("is_read").asBoolean()).isFalse();

        assertThat(uuids(im.im("get_sessions", Map.of("user_to", im.id("ocelot")), im.lynx))).containsExactly(aboutDoc, withOcelot);
        assertThat(uuids(im.im("get_sessions", Map.of("doc_id", 25, "doc_model", "res.partner"), im.lynx))).containsExactly(aboutDoc);
        assertThat(uuids(im.im("get_sessions", Map.of("state", "closed"), im.lynx))).containsExactly(withSupport);
        assertThat(uuids(im.im("get_sessions", Map.of("state", "closed"), im.support))).isEmpty();
        im.error("get_sessions", Map.of("state", "shut"), im.lynx, "state");
        im.error("get_sessions", Map.of("user_to", 999_999), im.lynx, "user_to");
        im.error("get_sessions", Map.of("user_to", true), im.lynx, "user_to");
        im.error("get_sessions", Map.of("doc_model", "res.partner"), im.lynx, "doc_id");
    }

    @Test
    void get_sessions_pages_by_limit_and_before_id_through_the_same_listing() {
        im.openSession(im.lynx, "ocelot");
        im.openSession(im.lynx, "support");
        for (int doc = 1; doc <= 3; doc++) {
            im.im("get_or_create_session", Map.of("user_to", im.id("ocelot"), "doc_id", doc, "doc_model", "res.partner"), im.lynx);
        }
        im.openSession(im.ocelot, "support");
        JsonNode all = im.im("get_sessions", Map.of(), im.lynx);

        List<JsonNode> paged = new ArrayList<>();
        JsonNode page = im.im("get_sessions", Map.of("limit", 2), im.lynx);
        while (!page.isEmpty()) {
            assertThat(page.size()).isLessThanOrEqualTo(2);
            page.forEach(paged::add);
            long last = page.get(page.size() - 1).get("id").asLong();
            page = im.im("get_sessions", Map.of("limit", 2, "before_id", last), im.lynx);
        }

        assertThat(all).hasSize(5);
        assertThat(paged).as("pages of 2, joined, are the unpaged answer").containsExactlyElementsOf(all);
        assertThat(im.im("get_sessions", Map.of("before_id", all.get(1).get("id").asLong()), im.lynx))
                .as("before_id alone: every older session").containsExactlyElementsOf(List.of(all.get(2), all.get(3), all.get(4)));
        assertThat(uuids(im.im("get_sessions", Map.of("limit", 1, "user_to", im.id("support")), im.lynx)))
                .containsExactly(all.get(3).get("uuid").asText());
        for (String route : List.of("get_sessions", "get_sessions_group")) {
            im.error(route, Map.of("limit", 0), im.lynx, "limit");
            im.error(route, Map.of("limit", -5), im.lynx, "limit");
            im.error(route, Map.of("limit", "ten"), im.lynx, "limit");
            im.error(route, Map.of("limit", 2.5), im.lynx, "limit");
            im.error(route, Map.of("limit", 4_294_967_296L), im.lynx, "limit");
            im.error(route, Map.of("before_id", 0), im.lynx, "before_id");
            im.error(route, Map.of("before_id", true), im.lynx, "before_id");
        }
        assertThat(im.im("get_sessions_group", Map.of("limit", 10, "before_id", 1), im.lynx)).isEmpty();
    }

    @Test
    void a_long_listing_is_streamed_into_the_response_not_sent_as_one_buffered_body() {
        for (int doc = 1; doc <= 150; doc++) {
            im.im("get_or_create_session", Map.of("user_to", im.id("ocelot"), "doc_id", doc, "doc_model", "res.partner"), im.lynx);
        }

        var response = im.api.rpc("/im_chat/api/get_sessions", Map.of(), im.lynx);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.result()).hasSize(150);
        assertThat(response.raw().body().length()).as("more than the server's output buffer").isGreaterThan(40_000);
        assertThat(response.raw().headers().firstValue("Content-Length"))
                .as("a body measured before sending would have had its length set").isEmpty();
        assertThat(response.raw().headers().firstValue("Transfer-Encoding")).contains("chunked");
    }

    @Test
    void change_session_status_and_update_state_change_only_the_callers_own_view() {
        String uuid = im.openSession(im.lynx, "ocelot");
        im.bus.clear();

        ok(im.im("change_session_status", Map.of("uuid", uuid, "new_status", "favorite"), im.lynx));
        ok(im.im("update_state", Map.of("uuid", uuid, "state", "folded"), im.lynx));

        JsonNode mine = im.im("get_sessions", Map.of(), im.lynx).get(0);
        JsonNode theirs = im.im("get_sessions", Map.of(), im.ocelot).get(0);
        assertThat(mine.get("status").asText()).isEqualTo("favorite");
        assertThat(mine.get("state").asText()).isEqualTo("folded");
        assertThat(theirs.get("status").asText()).isEqualTo("active");
        assertThat(theirs.get("state").asText()).isEqualTo("open");
        assertThat(im.bus.ofKind(SessionChanged.class)).hasSize(2)
                .allSatisfy(p -> assertThat(p.channel()).isEqualTo(Channel.ofUser(im.user("lynx").id())));
    }

    @Test
    void change_session_status_refuses_unknown_hidden_and_bad_input_as_the_spec_shows() {
        String uuid = im.openSession(im.lynx, "ocelot");

        JsonNode missing = im.error("change_session_status",
                Map.of("uuid", UUID.randomUUID().toString(), "new_status", "archive"), im.lynx, "uuid");
        assertThat(missing.get("message").asText()).isEqualTo("Session does not exist");
        JsonNode hidden = im.error("change_session_status", Map.of("uuid", uuid, "new_status", "archive"), im.support, "uuid");
        assertThat(hidden).isEqualTo(missing);
        im.error("change_session_status", Map.of("uuid", uuid, "new_status", "deleted"), im.lynx, "new_status");
        im.error("change_session_status", Map.of("uuid", uuid), im.lynx, "new_status");
        im.error("change_session_status", Map.of("new_status", "archive"), im.lynx, "uuid");
        im.error("change_session_status", Map.of("uuid", 42, "new_status", "archive"), im.lynx, "uuid");
        im.error("update_state", Map.of("uuid", uuid, "state", "minimised"), im.lynx, "state");
        im.error("update_state", Map.of("uuid", uuid), im.lynx, "state");
        JsonNode hiddenState = im.error("update_state", Map.of("uuid", uuid, "state", "closed"), im.support, "uuid");
        assertThat(hiddenState.get("message").asText()).isEqualTo("Session does not exist");

        JsonNode mine = im.im("get_sessions", Map.of(), im.lynx).get(0);
        assertThat(mine.get("status").asText()).isEqualTo("active");
        assertThat(mine.get("state").asText()).isEqualTo("open");
    }

    private static void ok(JsonNode result) {
        assertThat(result.toString()).isEqualTo("{\"status\":\"success\"}");
    }

    private static List<String> uuids(JsonNode sessions) {
        List<String> uuids = new ArrayList<>();
        sessions.forEach(s -> uuids.add(s.get("uuid").asText()));
        return uuids;
    }
}

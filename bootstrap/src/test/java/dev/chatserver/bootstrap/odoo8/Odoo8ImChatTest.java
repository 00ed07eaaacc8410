package dev.chatserver.bootstrap.odoo8;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Odoo 8.0's im_chat web client, followed call for call, against the real server. */
class Odoo8ImChatTest {
    private static final String DB = "odoo8db";
    private RunningServer server;
    private ApiClient api;
    private String lynx;
    private String ocelot;
    private long lynxId;
    private long ocelotId;
    private long supportId;

    /** The storage flags; memory here, PostgreSQL (the shared bus and its stored events) in a subclass. */
    List<String> storage() {
        return List.of("--storage", "memory");
    }

    @BeforeEach
    void start() {
        List<String> flags = new ArrayList<>(storage());
        flags.addAll(List.of("--demo", "--odoo-db", DB, "--poll-timeout", "5s"));
        server = RunningServer.start(flags);
        api = server.client();
        lynx = api.signInAs("lynx");
        ocelot = api.signInAs("ocelot");
        lynxId = uid(lynx);
        ocelotId = uid(ocelot);
        supportId = uid(api.signInAs("support"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private long uid(String token) {
        return api.rpc("/web/session/get_session_info", Map.of(), token).result().get("uid").asLong();
    }

    private static boolean isSessionChannel(JsonNode channel, long uid) {
        return channel.isArray() && channel.size() == 3 && channel.get(0).asText().equals(DB)
                && channel.get(1).asText().equals("im_chat.session") && channel.get(2).asLong() == uid;
    }

    @Test
    void the_8_0_client_starts_opens_a_conversation_pages_its_history_and_chats_through_its_bus() {
        Odoo8ImChatClient lynxClient = new Odoo8ImChatClient(api, lynx);
        JsonNode users = lynxClient.start();
        assertThat(lynxClient.notifications).as("no window is open yet").isEmpty();
        assertThat(users).extracting(user -> user.get("id").asLong()).containsExactlyInAnyOrder(ocelotId, supportId);
        assertThat(users.get(0).get("name").isTextual()).isTrue();
        assertThat(users.get(0).get("im_status").asText()).isIn("online", "away", "offline");
        assertThat(lynxClient.call("res.users", "im_search", List.of("ocel", 20), Map.of()))
                .extracting(user -> user.get("id").asLong()).containsExactly(ocelotId);

        // a click on ocelot in the list: session_get, then the window starts and loads its history
        JsonNode session = lynxClient.call("im_chat.session", "session_get", List.of(ocelotId), Map.of());
        String uuid = session.get("uuid").asText();
        assertThat(session.get("state").asText()).isEqualTo("open");
        assertThat(session.get("users")).extracting(user -> user.get("id").asLong())
                .containsExactlyInAnyOrder(lynxId, ocelotId);
        assertThat(lynxClient.rpc("/im_chat/history", Map.of("uuid", uuid, "limit", 20))).isEmpty();
        assertThat(lynxClient.rpc("/im_chat/history", Map.of("uuid", uuid, "limit", 20, "last_id", false))).isEmpty();

        List<Long> posted = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            posted.add(lynxClient.rpc("/im_chat/post", Map.of("uuid", uuid, "message_type", "message",
                    "message_content", "hello " + i)).get("message_id").asLong());
        }

        // ocelot signs in: init shows the window lynx opened, history pages back with last_id
        Odoo8ImChatClient ocelotClient = new Odoo8ImChatClient(api, ocelot);
        ocelotClient.start();
        assertThat(ocelotClient.notifications).hasSize(1);
        assertThat(isSessionChannel(ocelotClient.notifications.get(0)[0], ocelotId)).isTrue();
        assertThat(ocelotClient.notifications.get(0)[1].get("uuid").asText()).isEqualTo(uuid);
        JsonNode newest = ocelotClient.rpc("/im_chat/history", Map.of("uuid", uuid, "limit", 20));
        assertThat(newest).hasSize(20);
        assertThat(newest.get(0).get("id").asLong()).isEqualTo(posted.get(24));
        long oldestShown = newest.get(19).get("id").asLong();
        JsonNode older = ocelotClient.rpc("/im_chat/history", Map.of("uuid", uuid, "limit", 20, "last_id", oldestShown));
        assertThat(older).extracting(message -> message.get("id").asLong())
                .containsExactlyInAnyOrderElementsOf(posted.subList(0, 5));
        JsonNode first = older.get(older.size() - 1);
        assertThat(first.get("type").asText()).isEqualTo("message");
        assertThat(first.get("message").asText()).isEqualTo("hello 1");
        assertThat(first.get("to_id").get(1).asText()).isEqualTo(uuid);
        assertThat(first.get("from_id").get(0).asLong()).isEqualTo(lynxId);
        assertThat(first.get("from_id").get(1).asText()).isEqualTo("Lucid Lynx");
        assertThat(first.get("create_date").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

        // a new message reaches ocelot's bus bare, on [db, "im_chat.session", uid]
        ocelotClient.poll();
        long answered = lynxClient.rpc("/im_chat/post", Map.of("uuid", uuid, "message_type", "message",
                "message_content", "are you there?")).get("message_id").asLong();
        JsonNode[] received = ocelotClient.pollUntil("lynx's message",
                n -> n[1].path("type").asText().equals("message") && n[1].path("id").asLong() == answered);
        assertThat(isSessionChannel(received[0], ocelotId)).as(received[0].toString()).isTrue();
        assertThat(received[1].get("message").asText()).isEqualTo("are you there?");
        assertThat(received[1].get("from_id").get(0).asLong()).isEqualTo(lynxId);

        // a message of a window it does not have: the client asks session_info for to_id[0]
        JsonNode info = ocelotClient.call("im_chat.session", "session_info", List.of(),
                Map.of("ids", List.of(received[1].get("to_id").get(0).asLong())));
        assertThat(info.get("uuid").asText()).isEqualTo(uuid);
        assertThat(info.get("users")).hasSize(2);

        // folding the window (and the header click that toggles it back) comes back as the bare session
        ocelotClient.call("im_chat.session", "update_state", List.of(), Map.of("uuid", uuid, "state", "folded"));
        JsonNode[] folded = ocelotClient.pollUntil("the folded session", n -> n[1].path("uuid").asText().equals(uuid));
        assertThat(isSessionChannel(folded[0], ocelotId)).isTrue();
        assertThat(folded[1].get("state").asText()).isEqualTo("folded");
        assertThat(folded[1].get("users")).extracting(user -> user.get("name").asText())
                .containsExactlyInAnyOrder("Lucid Lynx", "Oneiric Ocelot");
        ocelotClient.call("im_chat.session", "update_state", List.of(uuid), Map.of());
        JsonNode[] toggled = ocelotClient.pollUntil("the reopened session", n -> n[1].path("uuid").asText().equals(uuid));
        assertThat(toggled[1].get("state").asText()).isEqualTo("open");

        // ocelot answers; lynx's bus brings it
        lynxClient.poll();
        long reply = ocelotClient.rpc("/im_chat/post", Map.of("uuid", uuid, "message_type", "message",
                "message_content", "yes")).get("message_id").asLong();
        JsonNode[] back = lynxClient.pollUntil("ocelot's reply", n -> n[1].path("id").asLong() == reply
                && n[1].path("type").asText().equals("message"));
        assertThat(isSessionChannel(back[0], lynxId)).isTrue();
    }

    @Test
    void presence_reaches_the_8_0_bus_as_id_and_im_status_on_the_presence_channel() {
        Odoo8ImChatClient lynxClient = new Odoo8ImChatClient(api, lynx);
        lynxClient.call("im_chat.session", "session_get", List.of(ocelotId), Map.of());
        Odoo8ImChatClient ocelotClient = new Odoo8ImChatClient(api, ocelot);
        ocelotClient.start();
        ocelotClient.poll();

        lynxClient.start();
        lynxClient.poll();
        JsonNode[] online = ocelotClient.pollUntil("lynx online",
                n -> n[1].path("id").asLong() == lynxId && n[1].has("im_status"));
        assertThat(online[0]).hasSize(2);
        assertThat(online[0].get(0).asText()).isEqualTo(DB);
        assertThat(online[0].get(1).asText()).isEqualTo("im_chat.presence");
        assertThat(online[1].get("im_status").asText()).isEqualTo("online");
        assertThat(online[1].size()).as(online[1].toString()).isEqualTo(2);

        JsonNode read = ocelotClient.call("res.users", "search_read",
                List.of(List.of(List.of("id", "in", List.of(lynxId, supportId))), List.of("name", "im_status")), Map.of());
        assertThat(read).hasSize(2);
        assertThat(read).filteredOn(user -> user.get("id").asLong() == lynxId).first()
                .satisfies(user -> assertThat(user.get("im_status").asText()).isEqualTo("online"));
    }

    @Test
    void the_avatar_of_a_member_is_an_svg_of_their_initials_and_anyone_else_gets_a_blank_one() {
        Odoo8ImChatClient lynxClient = new Odoo8ImChatClient(api, lynx);
        String uuid = lynxClient.call("im_chat.session", "session_get", List.of(ocelotId), Map.of()).get("uuid").asText();

        ApiClient.Response avatar = api.get("/im_chat/image/" + uuid + "/" + ocelotId, Map.of("Cookie", "session_id=" + lynx));
        assertThat(avatar.status()).isEqualTo(200);
        assertThat(avatar.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(avatar.raw().body()).startsWith("<svg").contains(">OO<");

        ApiClient.Response outsider = api.get("/im_chat/image/" + uuid + "/" + supportId, Map.of("Cookie", "session_id=" + lynx));
        assertThat(outsider.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(outsider.raw().body()).startsWith("<svg").doesNotContain("<text");
        ApiClient.Response anonymous = api.get("/im_chat/image/" + uuid + "/" + ocelotId, Map.of());
        assertThat(anonymous.raw().body()).doesNotContain("<text");
    }

    @Test
    void what_8_0_may_not_do_is_refused_in_the_shapes_it_reads() {
        String uuid = new Odoo8ImChatClient(api, lynx).call("im_chat.session", "session_get", List.of(ocelotId), Map.of())
                .get("uuid").asText();

        JsonNode otherUser = api.rpc("/longpolling/poll", Map.of("channels", List.of(List.of(DB, "im_chat.session", ocelotId)),
                "last", 0), lynx).result();
        assertThat(otherUser.get("status").asText()).isEqualTo("error");
        assertThat(otherUser.get("message").asText()).contains("another user");
        JsonNode otherDb = api.rpc("/longpolling/poll", Map.of("channels", List.of(List.of("elsewhere", "im_chat.presence")),
                "last", 0), lynx).result();
        assertThat(otherDb.get("status").asText()).isEqualTo("error");
        assertThat(otherDb.get("message").asText()).contains("database");
        JsonNode badLast = api.rpc("/longpolling/poll", Map.of("channels", List.of(), "last", "soon",
                "options", Map.of("im_presence", true)), lynx).result();
        assertThat(badLast.get("field").asText()).isEqualTo("last");

        Odoo8ImChatClient supportClient = new Odoo8ImChatClient(api, api.signInAs("support"));
        assertThat(supportClient.rpc("/im_chat/history", Map.of("uuid", uuid, "limit", 20)).asBoolean())
                .as("8.0 answers false for a session one is not in").isFalse();
        JsonNode badUuid = supportClient.rpc("/im_chat/history", Map.of("uuid", "not-a-uuid"));
        assertThat(badUuid.get("field").asText()).isEqualTo("uuid");

        JsonNode badUser = supportClient.call("im_chat.session", "session_get", List.of("ocelot"), Map.of());
        assertThat(badUser.get("status").asText()).isEqualTo("error");
        assertThat(badUser.get("field").asText()).isEqualTo("user_to");
        JsonNode badState = supportClient.call("im_chat.session", "update_state", List.of(), Map.of("uuid", "nope"));
        assertThat(badState.get("field").asText()).isEqualTo("uuid");
        JsonNode notHis = supportClient.call("im_chat.session", "update_state", List.of(uuid), Map.of());
        assertThat(notHis.get("field").asText()).isEqualTo("uuid");
        JsonNode notHisWindow = supportClient.call("im_chat.session", "add_user", List.of(uuid, supportId), Map.of());
        assertThat(notHisWindow.get("status").asText()).isEqualTo("error");
        assertThat(notHisWindow.get("field").asText()).isEqualTo("uuid");
        Odoo8ImChatClient lynxClient = new Odoo8ImChatClient(api, lynx);
        JsonNode nobody = lynxClient.call("im_chat.session", "add_user", List.of(uuid, 999_999), Map.of());
        assertThat(nobody.get("field").asText()).isEqualTo("user_id");
        JsonNode noUser = lynxClient.call("im_chat.session", "add_user", List.of(uuid), Map.of());
        assertThat(noUser.get("field").asText()).isEqualTo("user_id");
        JsonNode badSession = lynxClient.call("im_chat.session", "add_user", List.of("nope", supportId), Map.of());
        assertThat(badSession.get("field").asText()).isEqualTo("uuid");
        assertThat(lynxClient.call("im_chat.session", "session_get", List.of(ocelotId), Map.of()).get("uuid").asText())
                .as("refused invitations leave the pair's session theirs").isEqualTo(uuid);
        JsonNode badDomain = supportClient.call("res.users", "search_read", List.of(List.of(List.of("login", "=", "x"))), Map.of());
        assertThat(badDomain.get("field").asText()).isEqualTo("domain");

        ApiClient.Response unknown = supportClient.rawCall("res.partner", "unlink", List.of(List.of(1)), Map.of());
        assertThat(unknown.status()).isEqualTo(200);
        JsonNode error = unknown.json().get("error");
        assertThat(error.get("code").asInt()).isEqualTo(200);
        assertThat(error.get("message").asText()).isEqualTo("Odoo Server Error");
        assertThat(error.get("data").get("name").asText()).isEqualTo("exceptions.AttributeError");
        assertThat(error.get("data").get("message").asText()).isEqualTo("'res.partner' object has no attribute 'unlink'");

        JsonNode withPath = api.rpc("/web/dataset/call_kw/res.users/has_group", Map.of("model", "res.users",
                "method", "has_group", "args", List.of("base.group_portal"), "kwargs", Map.of()), lynx).result();
        assertThat(withPath.isBoolean() && !withPath.booleanValue()).as("8.0's path form; not a portal user").isTrue();

        ApiClient.Response signedOut = api.rpc("/web/dataset/call_kw", Map.of("model", "res.users", "method", "has_group",
                "args", List.of("base.group_user"), "kwargs", Map.of()), null);
        assertThat(signedOut.json().get("error").get("code").asInt()).isEqualTo(100);
    }

    @Test
    void a_user_dropped_onto_a_window_joins_that_conversation_and_the_pair_gets_a_new_one_next() {
        Odoo8ImChatClient lynxClient = new Odoo8ImChatClient(api, lynx);
        lynxClient.start();
        String uuid = lynxClient.call("im_chat.session", "session_get", List.of(ocelotId), Map.of()).get("uuid").asText();
        lynxClient.rpc("/im_chat/post", Map.of("uuid", uuid, "message_type", "message", "message_content", "just us"));
        Odoo8ImChatClient ocelotClient = new Odoo8ImChatClient(api, ocelot);
        ocelotClient.start();
        ocelotClient.poll();
        Odoo8ImChatClient supportClient = new Odoo8ImChatClient(api, api.signInAs("support"));
        supportClient.start();
        assertThat(supportClient.notifications).as("support has no window yet").isEmpty();
        supportClient.poll();
        int sinceDropped = supportClient.notifications.size();

        assertThat(lynxClient.addUser(uuid, supportId).isNull()).as("8.0's add_user answers nothing").isTrue();

        // support's bus brings the very session, now of three, on support's own channel, then who joined
        JsonNode[] brought = supportClient.pollUntil("the session support was brought into",
                n -> n[1].path("uuid").asText().equals(uuid));
        assertThat(isSessionChannel(brought[0], supportId)).as(brought[0].toString()).isTrue();
        assertThat(brought[1].get("users")).extracting(user -> user.get("id").asLong())
                .containsExactlyInAnyOrder(lynxId, ocelotId, supportId);
        String supportName = supportClient.call("res.users", "search_read",
                List.of(List.of(List.of("id", "=", supportId)), List.of("name")), Map.of()).get(0).get("name").asText();
        JsonNode[] joined = supportClient.pollUntil("the meta message", sinceDropped,
                n -> n[1].path("type").asText().equals("meta"));
        assertThat(joined[1].get("message").asText()).isEqualTo(supportName + " joined the conversation.");
        assertThat(joined[1].get("to_id").get(1).asText()).isEqualTo(uuid);
        assertThat(joined[1].get("from_id").get(0).asLong()).as("the one who dropped them").isEqualTo(lynxId);
        JsonNode[] toldOcelot = ocelotClient.pollUntil("the session of three",
                n -> n[1].path("uuid").asText().equals(uuid) && n[1].path("users").size() == 3);
        assertThat(isSessionChannel(toldOcelot[0], ocelotId)).isTrue();
        assertThat(supportClient.rpc("/im_chat/history", Map.of("uuid", uuid, "limit", 20)))
                .extracting(message -> message.get("message").asText())
                .containsExactly(supportName + " joined the conversation.", "just us");

        // the conversation goes on with three
        lynxClient.poll();
        long hello = supportClient.rpc("/im_chat/post", Map.of("uuid", uuid, "message_type", "message",
                "message_content", "hello both")).get("message_id").asLong();
        for (Odoo8ImChatClient member : List.of(lynxClient, ocelotClient)) {
            JsonNode[] received = member.pollUntil("support's message", n -> n[1].path("id").asLong() == hello
                    && n[1].path("type").asText().equals("message"));
            assertThat(received[1].get("from_id").get(0).asLong()).isEqualTo(supportId);
        }

        // the session is no longer the pair's: their next click makes a new private session, and keeps it
        JsonNode next = ocelotClient.call("im_chat.session", "session_get", List.of(lynxId), Map.of());
        assertThat(next.get("uuid").asText()).isNotEqualTo(uuid);
        assertThat(next.get("users")).extracting(user -> user.get("id").asLong())
                .containsExactlyInAnyOrder(lynxId, ocelotId);
        assertThat(lynxClient.call("im_chat.session", "session_get", List.of(ocelotId), Map.of()).get("uuid").asText())
                .isEqualTo(next.get("uuid").asText());
        assertThat(lynxClient.addUser(uuid, ocelotId).isNull()).as("a member again changes nothing").isTrue();
    }
}

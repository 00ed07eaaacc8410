package dev.chatserver.bootstrap.chats;

import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.event.ChatEventAppended;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.kit.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every route of the Chats API over real HTTP, in memory: the chat flow, rooms, conversion and events. */
class ChatsApiTest {
    private final ChatsServer server = ChatsServer.inMemory();
    private String tenant;
    private String lynx;

    @BeforeEach
    void signIn() {
        tenant = server.signIn("support");
        lynx = server.signIn("lynx");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ApiClient.Response postEvent(String chatId, String body) {
        return server.post("/api/v1/chats/" + chatId + "/events", body, lynx);
    }

    private JsonNode events(String chatId, String query) {
        ApiClient.Response listed = server.get("/api/v1/chats/" + chatId + "/events" + query, lynx);
        assertThat(listed.status()).as(listed.raw().body()).isEqualTo(200);
        return listed.json();
    }

    @Test
    void a_tenant_creates_a_chat_that_anyone_signed_in_reads_by_id_or_by_audience_and_scope() {
        ApiClient.Response created = server.post("/api/v1/chats",
                "{\"audience\":\"example.org\",\"scope\":\"course-42\",\"tags\":{\"course\":42,\"names\":[\"a\"]}}", tenant);

        assertThat(created.status()).isEqualTo(201);
        JsonNode chat = created.json();
        assertThat(UUID.fromString(chat.get("id").asText())).isNotNull();
        assertThat(chat.get("audience").asText()).isEqualTo("example.org");
        assertThat(chat.get("scope").asText()).isEqualTo("course-42");
        assertThat(chat.get("tags")).isEqualTo(ApiClient.mapper().createObjectNode().put("course", 42)
                .set("names", ApiClient.mapper().createArrayNode().add("a")));
        assertThat(chat.get("created_at").isIntegralNumber()).isTrue();
        String roomId = chat.get("real_time").get("event_room_id").asText();
        assertThat(UUID.fromString(roomId)).isNotNull();

        ApiClient.Response byId = server.get("/api/v1/chats/" + chat.get("id").asText(), lynx);
        ApiClient.Response byKey = server.get("/api/v1/audiences/example.org/chats/course-42", lynx);
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.json()).isEqualTo(chat);
        assertThat(byKey.status()).isEqualTo(200);
        assertThat(byKey.json()).isEqualTo(chat);
        ApiClient.Response room = server.get("/api/v1/rooms/" + roomId, lynx);
        assertThat(room.json().get("audience").asText()).isEqualTo("example.org");
        assertThat(room.json().get("closed_at").isNull()).isTrue();
    }

    @Test
    void a_chat_without_tags_has_an_empty_object() {
        ApiClient.Response created = server.post("/api/v1/chats", "{\"audience\":\"example.org\",\"scope\":\"s\"}", tenant);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("tags")).isEqualTo(ApiClient.mapper().createObjectNode());
    }

    @Test
    void the_chat_flow_posts_lists_and_reads_the_state() {
        String chatId = server.createChat(tenant, "course-42").get("id").asText();

        ApiClient.Response posted = postEvent(chatId,
                "{\"type\":\"message\",\"set\":\"messages\",\"label\":\"m1\",\"attribute\":\"public\",\"data\":{\"text\":\"hello\"}}");
        assertThat(posted.status()).isEqualTo(201);
        assertThat(posted.header("Content-Type")).startsWith("application/json");
        assertThat(posted.raw().body()).endsWith("}\n");
        postEvent(chatId, "{\"type\":\"layout\",\"data\":{\"name\":\"presentation\"}}");
        postEvent(chatId, "{\"type\":\"message\",\"set\":\"messages\",\"label\":\"m1\",\"data\":{\"text\":\"hello, edited\"}}");

        JsonNode listed = events(chatId, "?direction=forward");
        assertThat(listed.get("events")).hasSize(3);
        assertThat(listed.get("next_occurred_at").isNull()).isTrue();
        JsonNode first = listed.get("events").get(0);
        assertThat(posted.json()).as("a post answers the event as it is listed").isEqualTo(first);
        assertThat(first.get("type").asText()).isEqualTo("message");
        assertThat(first.get("set").asText()).isEqualTo("messages");
        assertThat(first.get("label").asText()).isEqualTo("m1");
        assertThat(first.get("attribute").asText()).isEqualTo("public");
        assertThat(first.get("data")).isEqualTo(ApiClient.mapper().createObjectNode().put("text", "hello"));
        assertThat(first.get("created_by").asText()).isEqualTo("lynx.usr.localhost");
        assertThat(first.get("room_id").asText()).isEqualTo(server.get("/api/v1/chats/" + chatId, lynx).json()
                .get("real_time").get("event_room_id").asText());
        assertThat(first.get("created_at").isIntegralNumber()).isTrue();
        JsonNode layout = listed.get("events").get(1);
        assertThat(layout.get("set").asText()).as("set defaults to type").isEqualTo("layout");
        assertThat(layout.get("label").isNull()).isTrue();
        JsonNode edit = listed.get("events").get(2);
        assertThat(edit.get("occurred_at").asLong()).isGreaterThan(layout.get("occurred_at").asLong())
                .isGreaterThan(first.get("occurred_at").asLong());
        assertThat(edit.get("original_occurred_at").asLong()).isEqualTo(first.get("occurred_at").asLong());

        ApiClient.Response state = server.get("/api/v1/chats/" + chatId + "/state?sets=messages,layout,pins", lynx);
        assertThat(state.status()).isEqualTo(200);
        assertThat(state.json().get("messages")).hasSize(1);
        assertThat(state.json().get("messages").get(0).get("data").get("text").asText()).isEqualTo("hello, edited");
        assertThat(state.json().get("layout").isObject()).as("a set without labels is one event").isTrue();
        assertThat(state.json().get("layout").get("data").get("name").asText()).isEqualTo("presentation");
        assertThat(state.json().get("pins").isArray()).isTrue();
        assertThat(state.json().get("pins")).isEmpty();

        JsonNode then = server.get("/api/v1/chats/" + chatId + "/state?sets=messages&occurred_at="
                + first.get("occurred_at").asLong(), lynx).json();
        assertThat(then.get("messages").get(0).get("data").get("text").asText()).isEqualTo("hello");
    }

    @Test
    void any_json_is_data_and_comes_back_as_the_same_json() throws Exception {
        String chatId = server.createChat(tenant, "course-42").get("id").asText();
        List<String> documents = List.of("42", "\"text\"", "[1,{\"a\":null}]", "true", "{\"nested\":{\"deep\":[1.5,\"é\"]}}");
        for (String data : documents) {
            assertThat(postEvent(chatId, "{\"type\":\"t\",\"data\":" + data + "}").status()).isEqualTo(201);
        }

        JsonNode listed = events(chatId, "?direction=forward");

        for (int i = 0; i < documents.size(); i++) {
            assertThat(listed.get("events").get(i).get("data")).isEqualTo(ApiClient.mapper().readTree(documents.get(i)));
        }
    }

    @Test
    void listing_filters_by_type_set_label_and_attribute_and_pages_with_the_cursor() throws Exception {
        String chatId = server.createChat(tenant, "course-42").get("id").asText();
        postEvent(chatId, "{\"type\":\"message\",\"label\":\"a\",\"attribute\":\"public\",\"data\":1}");
        postEvent(chatId, "{\"type\":\"pin\",\"set\":\"pins\",\"label\":\"a\",\"data\":2}");
        postEvent(chatId, "{\"type\":\"message\",\"label\":\"b\",\"attribute\":\"private\",\"data\":3}");
        postEvent(chatId, "{\"type\":\"draw\",\"data\":4}");

        assertThat(dataOf(events(chatId, "?type=message&type=pin&direction=forward"))).containsExactly(1, 2, 3);
        assertThat(dataOf(events(chatId, "?type=message,draw"))).containsExactly(4, 3, 1);
        assertThat(dataOf(events(chatId, "?set=message&label=a"))).containsExactly(1);
        assertThat(dataOf(events(chatId, "?attribute=private"))).containsExactly(3);

        JsonNode page = events(chatId, "?limit=3");
        assertThat(dataOf(page)).containsExactly(4, 3, 2);
        long cursor = page.get("next_occurred_at").asLong();
        JsonNode rest = events(chatId, "?limit=3&occurred_at=" + cursor);
        assertThat(dataOf(rest)).containsExactly(1);
        assertThat(rest.get("next_occurred_at").isNull()).isTrue();
        assertThat(dataOf(events(chatId, "?direction=forward&occurred_at=" + cursor))).containsExactly(3, 4);
    }

    private static List<Integer> dataOf(JsonNode page) {
        return java.util.stream.StreamSupport.stream(page.get("events").spliterator(), false)
                .map(e -> e.get("data").asInt()).toList();
    }

    @Test
    void every_event_is_pushed_to_its_room_claims_to_the_audience_and_transient_ones_are_not_stored() {
        JsonNode chat = server.createChat(tenant, "course-42");
        String chatId = chat.get("id").asText();
        String room = "room:" + chat.get("real_time").get("event_room_id").asText();

        postEvent(chatId, "{\"type\":\"message\",\"data\":{\"text\":\"stored\"}}");
        postEvent(chatId, "{\"type\":\"typing\",\"data\":{\"who\":\"lynx\"},\"is_persistent\":false}");
        postEvent(chatId, "{\"type\":\"help\",\"data\":{\"please\":true},\"is_claim\":true}");

        List<ChatEventAppended> pushed = server.bus.on(new Channel(room), ChatEventAppended.class);
        assertThat(pushed).extracting(p -> p.event().type()).containsExactly("message", "typing", "help");
        assertThat(pushed.get(1).event().data()).isEqualTo(new dev.chatserver.domain.chats.JsonText("{\"who\":\"lynx\"}"));
        assertThat(server.bus.on(new Channel("audience:example.org"), ChatEventAppended.class))
                .extracting(p -> p.event().type()).containsExactly("help");
        assertThat(events(chatId, "?direction=forward").get("events")).extracting(e -> e.get("type").asText())
                .containsExactly("message", "help");
    }

    @Test
    void a_room_made_first_is_converted_into_a_chat_once() {
        ApiClient.Response room = server.post("/api/v1/rooms", "{\"audience\":\"example.org\",\"tags\":{\"k\":1}}", tenant);
        assertThat(room.status()).isEqualTo(201);
        String roomId = room.json().get("id").asText();
        assertThat(server.get("/api/v1/rooms/" + roomId, lynx).json()).isEqualTo(room.json());

        ApiClient.Response converted = server.post("/api/v1/chats/convert", "{\"audience\":\"example.org\","
                + "\"scope\":\"course-42\",\"tags\":{\"course\":42},\"event_room_id\":\"" + roomId + "\"}", tenant);

        assertThat(converted.status()).isEqualTo(201);
        assertThat(converted.json().get("real_time").get("event_room_id").asText()).isEqualTo(roomId);
        assertThat(server.get("/api/v1/audiences/example.org/chats/course-42", lynx).json()).isEqualTo(converted.json());
        ApiClient.Response again = server.post("/api/v1/chats/convert", "{\"audience\":\"example.org\","
                + "\"scope\":\"course-43\",\"event_room_id\":\"" + roomId + "\"}", tenant);
        ProblemAssert.assertProblem(again, 409, "room_already_attached");
        ProblemAssert.assertProblem(server.get("/api/v1/audiences/example.org/chats/course-43", lynx), 404, "chat_not_found");
        ProblemAssert.assertProblem(server.post("/api/v1/chats/convert", "{\"audience\":\"example.org\","
                + "\"scope\":\"course-44\",\"event_room_id\":\"" + UUID.randomUUID() + "\"}", tenant), 404, "room_not_found");
    }

    @Test
    void a_closed_room_takes_no_events() {
        JsonNode chat = server.createChat(tenant, "course-42");
        String roomId = chat.get("real_time").get("event_room_id").asText();
        ProblemAssert.assertProblem(server.post("/api/v1/rooms/" + roomId + "/close", "", lynx), 403, "access_denied");

        ApiClient.Response closed = server.post("/api/v1/rooms/" + roomId + "/close", "", tenant);

        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("closed_at").isIntegralNumber()).isTrue();
        ProblemAssert.assertProblem(postEvent(chat.get("id").asText(), "{\"type\":\"message\",\"data\":{}}"), 422, "room_closed");
        assertThat(events(chat.get("id").asText(), "").get("events")).isEmpty();
        assertThat(server.bus.on(new Channel("room:" + roomId), ChatEventAppended.class)).isEmpty();
    }
}

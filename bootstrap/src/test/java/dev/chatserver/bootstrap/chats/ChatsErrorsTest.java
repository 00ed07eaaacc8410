package dev.chatserver.bootstrap.chats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.kit.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.chatserver.bootstrap.chats.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Every error type of the Chats API, and that a refused call changes nothing. */
class ChatsErrorsTest {
    private final ChatsServer server = ChatsServer.inMemory();
    private String tenant;
    private String lynx;
    private String chatId;
    private String roomId;

    @BeforeEach
    void chat() {
        tenant = server.signIn("support");
        lynx = server.signIn("lynx");
        JsonNode chat = server.createChat(tenant, "course-42");
        chatId = chat.get("id").asText();
        roomId = chat.get("real_time").get("event_room_id").asText();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ApiClient.Response create(String body) {
        return server.post("/api/v1/chats", body, tenant);
    }

    private ApiClient.Response postEvent(String body) {
        return server.post("/api/v1/chats/" + chatId + "/events", body, lynx);
    }

    private void assertNoEvents() {
        assertThat(server.get("/api/v1/chats/" + chatId + "/events", lynx).json().get("events")).isEmpty();
    }

    @Test
    void every_route_needs_a_bearer_token() {
        String chat = "/api/v1/chats/" + chatId;
        List<ApiClient.Response> anonymous = List.of(
                server.post("/api/v1/chats", "{\"audience\":\"example.org\",\"scope\":\"s\"}", null),
                server.post("/api/v1/chats/convert", "{}", null),
                server.get(chat, null),
                server.get("/api/v1/audiences/example.org/chats/course-42", null),
                server.post(chat + "/events", "{\"type\":\"t\",\"data\":1}", null),
                server.get(chat + "/events", null),
                server.get(chat + "/state?sets=a", null),
                server.post("/api/v1/rooms", "{\"audience\":\"example.org\"}", null),
                server.get("/api/v1/rooms/" + roomId, null),
                server.post("/api/v1/rooms/" + roomId + "/close", "", null),
                server.get(chat, "not-a-token"),
                server.client().get(chat, java.util.Map.of("Authorization", "Basic bHlueDpseW54")));

        anonymous.forEach(response -> assertProblem(response, 401, "unauthorized"));
        assertNoEvents();
    }

    @Test
    void only_tenants_of_the_audience_create_chats_and_rooms() {
        assertProblem(server.post("/api/v1/chats", "{\"audience\":\"example.org\",\"scope\":\"s\"}", lynx), 403, "access_denied");
        assertProblem(create("{\"audience\":\"other.org\",\"scope\":\"s\"}"), 403, "access_denied");
        assertProblem(server.post("/api/v1/rooms", "{\"audience\":\"example.org\"}", lynx), 403, "access_denied");
        assertProblem(server.post("/api/v1/chats/convert", "{\"audience\":\"example.org\",\"scope\":\"s\",\"event_room_id\":\""
                + roomId + "\"}", lynx), 403, "access_denied");

        assertProblem(server.get("/api/v1/audiences/example.org/chats/s", lynx), 404, "chat_not_found");
        assertProblem(server.get("/api/v1/audiences/other.org/chats/s", lynx), 404, "chat_not_found");
    }

    @Test
    void a_second_chat_with_the_same_audience_and_scope_conflicts() {
        assertProblem(create("{\"audience\":\"example.org\",\"scope\":\"course-42\"}"), 409, "chat_already_exists", "scope");
        assertProblem(server.post("/api/v1/chats/convert", "{\"audience\":\"example.org\",\"scope\":\"course-42\","
                + "\"event_room_id\":\"" + roomId + "\"}", tenant), 409, "chat_already_exists", "scope");
    }

    @Test
    void a_body_that_is_not_a_json_object_is_an_invalid_payload() {
        for (String body : List.of("", "{", "not json", "[1,2]", "\"text\"", "{\"audience\":\"example.org\",}",
                "{\"type\":\"t\",\"data\":{not json}}", "{} {}")) {
            assertProblem(create(body), 400, "invalid_payload");
            assertProblem(postEvent(body), 400, "invalid_payload");
        }
        assertNoEvents();
    }

    @Test
    void missing_and_mistyped_fields_are_named() {
        assertProblem(create("{\"scope\":\"s\"}"), 400, "invalid_payload", "audience");
        assertProblem(create("{\"audience\":\"example.org\"}"), 400, "invalid_payload", "scope");
        assertProblem(create("{\"audience\":\"example.org\",\"scope\":7}"), 400, "invalid_payload", "scope");
        assertProblem(create("{\"audience\":\"example.org\",\"scope\":\" \"}"), 400, "invalid_payload", "scope");
        assertProblem(create("{\"audience\":\"example.org\",\"scope\":\"" + "s".repeat(256) + "\"}"), 400, "invalid_payload", "scope");
        assertProblem(create("{\"audience\":\"example.org\",\"scope\":\"s\",\"tags\":[1]}"), 400, "invalid_payload", "tags");
        assertProblem(create("{\"audience\":\"example.org\",\"scope\":\"s\",\"tags\":\"{}\"}"), 400, "invalid_payload", "tags");
        assertProblem(server.post("/api/v1/chats/convert", "{\"audience\":\"example.org\",\"scope\":\"s\"}", tenant),
                400, "invalid_payload", "event_room_id");
        assertProblem(server.post("/api/v1/chats/convert", "{\"audience\":\"example.org\",\"scope\":\"s\","
                + "\"event_room_id\":\"not-a-uuid\"}", tenant), 400, "invalid_payload", "event_room_id");

        assertProblem(postEvent("{\"data\":{}}"), 400, "invalid_payload", "type");
        assertProblem(postEvent("{\"type\":\"t\"}"), 400, "invalid_payload", "data");
        assertProblem(postEvent("{\"type\":\"t\",\"data\":null}"), 400, "invalid_payload", "data");
        assertProblem(postEvent("{\"type\":[\"t\"],\"data\":1}"), 400, "invalid_payload", "type");
        assertProblem(postEvent("{\"type\":\"t\",\"set\":1,\"data\":1}"), 400, "invalid_payload", "set");
        assertProblem(postEvent("{\"type\":\"t\",\"label\":\"\",\"data\":1}"), 400, "invalid_payload", "label");
        assertProblem(postEvent("{\"type\":\"t\",\"attribute\":false,\"data\":1}"), 400, "invalid_payload", "attribute");
        assertProblem(postEvent("{\"type\":\"t\",\"data\":1,\"is_claim\":\"yes\"}"), 400, "invalid_payload", "is_claim");
        assertProblem(postEvent("{\"type\":\"t\",\"data\":1,\"is_persistent\":0}"), 400, "invalid_payload", "is_persistent");

        assertNoEvents();
        assertProblem(server.get("/api/v1/audiences/example.org/chats/s", lynx), 404, "chat_not_found");
    }

    @Test
    void bad_query_parameters_are_named() {
        String events = "/api/v1/chats/" + chatId + "/events";
        assertProblem(server.get(events + "?direction=sideways", lynx), 400, "invalid_payload", "direction");
        assertProblem(server.get(events + "?limit=0", lynx), 400, "invalid_payload", "limit");
        assertProblem(server.get(events + "?limit=1001", lynx), 400, "invalid_payload", "limit");
        assertProblem(server.get(events + "?limit=many", lynx), 400, "invalid_payload", "limit");
        assertProblem(server.get(events + "?occurred_at=yesterday", lynx), 400, "invalid_payload", "occurred_at");
        assertProblem(server.get(events + "?occurred_at=-1", lynx), 400, "invalid_payload", "occurred_at");
        String state = "/api/v1/chats/" + chatId + "/state";
        assertProblem(server.get(state, lynx), 400, "invalid_payload", "sets");
        assertProblem(server.get(state + "?sets=a,,b", lynx), 400, "invalid_payload", "sets");
        assertProblem(server.get(state + "?sets=a&occurred_at=x", lynx), 400, "invalid_payload", "occurred_at");
    }

    @Test
    void unknown_ids_are_not_found_and_bad_uuids_are_invalid() {
        String unknown = UUID.randomUUID().toString();
        assertProblem(server.get("/api/v1/chats/" + unknown, lynx), 404, "chat_not_found", "chat_id");
        assertProblem(server.post("/api/v1/chats/" + unknown + "/events", "{\"type\":\"t\",\"data\":1}", lynx),
                404, "chat_not_found", "chat_id");
        assertProblem(server.get("/api/v1/chats/" + unknown + "/events", lynx), 404, "chat_not_found");
        assertProblem(server.get("/api/v1/chats/" + unknown + "/state?sets=a", lynx), 404, "chat_not_found");
        assertProblem(server.get("/api/v1/rooms/" + unknown, lynx), 404, "room_not_found", "room_id");
        assertProblem(server.post("/api/v1/rooms/" + unknown + "/close", "", tenant), 404, "room_not_found");

        assertProblem(server.get("/api/v1/chats/not-a-uuid", lynx), 400, "invalid_payload", "chat_id");
        assertProblem(server.post("/api/v1/chats/123/events", "{\"type\":\"t\",\"data\":1}", lynx), 400, "invalid_payload", "chat_id");
        assertProblem(server.get("/api/v1/chats/zzz/events", lynx), 400, "invalid_payload", "chat_id");
        assertProblem(server.get("/api/v1/chats/zzz/state?sets=a", lynx), 400, "invalid_payload", "chat_id");
        assertProblem(server.get("/api/v1/rooms/zzz", lynx), 400, "invalid_payload", "room_id");
    }

    @Test
    void a_payload_over_the_limit_is_refused_and_stores_nothing() {
        String big = "x".repeat(ChatsServer.MAX_PAYLOAD);

        assertProblem(postEvent("{\"type\":\"t\",\"data\":\"" + big + "\"}"), 413, "invalid_payload");
        assertProblem(create("{\"audience\":\"example.org\",\"scope\":\"s\",\"tags\":{\"t\":\"" + big + "\"}}"), 413, "invalid_payload");

        assertNoEvents();
        assertThat(postEvent("{\"type\":\"t\",\"data\":\"" + "x".repeat(ChatsServer.MAX_PAYLOAD - 100) + "\"}").status())
                .isEqualTo(201);
    }
}

package dev.chatserver.bootstrap.chats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.kit.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.chatserver.bootstrap.chats.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Bans and locked types over real HTTP, on every storage: what the tenant does and what others are told. */
class RoomModerationApiTest {

    private static String roomOf(JsonNode chat) {
        return chat.get("real_time").get("event_room_id").asText();
    }

    @ParameterizedTest
    @EnumSource(Storages.class)
    void a_tenant_bans_lists_and_lifts_and_locks_types_and_the_others_are_told_why(Storages storage) {
        try (Storages.Running running = storage.start()) {
            ChatsServer server = running.server();
            ApiClient client = server.client();
            String tenant = server.signIn("support");
            String lynx = server.signIn("lynx");
            JsonNode chat = server.createChat(tenant, "course-42");
            String room = roomOf(chat);
            String events = "/api/v1/chats/" + chat.get("id").asText() + "/events";

            ApiClient.Response banned = server.post("/api/v1/rooms/" + room + "/bans",
                    "{\"account_id\":\"lynx.usr.localhost\",\"reason\":\"spam\"}", tenant);
            assertThat(banned.status()).as(banned.raw().body()).isEqualTo(201);
            assertThat(banned.json().get("room_id").asText()).isEqualTo(room);
            assertThat(banned.json().get("account_id").asText()).isEqualTo("lynx.usr.localhost");
            assertThat(banned.json().get("reason").asText()).isEqualTo("spam");
            assertThat(banned.json().get("banned_by").asText()).isEqualTo("support.usr.localhost");
            assertThat(banned.json().get("banned_at").isIntegralNumber()).isTrue();
            ApiClient.Response again = server.post("/api/v1/rooms/" + room + "/bans",
                    "{\"account_id\":\"lynx.usr.localhost\",\"reason\":\"other\"}", tenant);
            assertThat(again.status()).as("banning again answers the ban in force").isEqualTo(200);
            assertThat(again.json()).isEqualTo(banned.json());

            JsonNode refused = assertProblem(server.post(events, "{\"type\":\"message\",\"data\":{}}", lynx), 403, "banned");
            assertThat(refused.get("title").asText()).isEqualTo("Banned from the room");
            assertThat(refused.get("detail").asText()).contains("lynx.usr.localhost", room);

            ApiClient.Response listed = server.get("/api/v1/rooms/" + room + "/bans", tenant);
            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.json().get("bans")).hasSize(1);
            assertThat(listed.json().get("bans").get(0)).isEqualTo(banned.json());
            assertThat(listed.json().get("next_after").isNull()).isTrue();

            ApiClient.Response lifted = client.send("DELETE", "/api/v1/rooms/" + room + "/bans/lynx.usr.localhost", null, tenant);
            assertThat(lifted.status()).as(lifted.raw().body()).isEqualTo(204);
            assertThat(server.post(events, "{\"type\":\"message\",\"data\":{}}", lynx).status()).isEqualTo(201);
            assertProblem(client.send("DELETE", "/api/v1/rooms/" + room + "/bans/lynx.usr.localhost", null, tenant),
                    404, "ban_not_found");

            ApiClient.Response locked = client.send("PATCH", "/api/v1/rooms/" + room,
                    "{\"locked_types\":[\"pin\",\"layout\"]}", tenant);
            assertThat(locked.status()).as(locked.raw().body()).isEqualTo(200);
            assertThat(locked.json().get("locked_types").toString()).isEqualTo("[\"layout\",\"pin\"]");
            assertThat(server.get("/api/v1/rooms/" + room, lynx).json().get("locked_types").toString())
                    .isEqualTo("[\"layout\",\"pin\"]");
            JsonNode typeLocked = assertProblem(server.post(events, "{\"type\":\"pin\",\"data\":{}}", lynx), 403, "type_locked");
            assertThat(typeLocked.get("title").asText()).isEqualTo("Event type locked");
            assertThat(typeLocked.get("field").asText()).isEqualTo("type");
            assertThat(typeLocked.get("detail").asText()).startsWith("type pin is locked");
            assertThat(server.post(events, "{\"type\":\"pin\",\"data\":{}}", tenant).status()).isEqualTo(201);
            assertThat(server.post(events, "{\"type\":\"message\",\"data\":{}}", lynx).status()).isEqualTo(201);
        }
    }

    @Test
    void only_the_tenant_moderates_and_every_bad_request_names_its_field() {
        try (ChatsServer server = ChatsServer.inMemory()) {
            ApiClient client = server.client();
            String tenant = server.signIn("support");
            String lynx = server.signIn("lynx");
            String room = roomOf(server.createChat(tenant, "course-42"));
            String bans = "/api/v1/rooms/" + room + "/bans";

            assertProblem(server.post(bans, "{\"account_id\":\"ocelot.usr.localhost\"}", lynx), 403, "access_denied");
            assertProblem(server.get(bans, lynx), 403, "access_denied");
            assertProblem(client.send("DELETE", bans + "/ocelot.usr.localhost", null, lynx), 403, "access_denied");
            assertProblem(client.send("PATCH", "/api/v1/rooms/" + room, "{\"locked_types\":[\"pin\"]}", lynx),
                    403, "access_denied");
            assertProblem(server.post(bans, "{\"account_id\":\"support.usr.localhost\"}", tenant), 422, "cannot_ban_tenant");
            assertProblem(server.post("/api/v1/rooms/00000000-0000-0000-0000-000000000001/bans",
                    "{\"account_id\":\"lynx.usr.localhost\"}", tenant), 404, "room_not_found");

            assertProblem(server.post(bans, "{}", tenant), 400, "invalid_payload", "account_id");
            assertProblem(server.post(bans, "{\"account_id\":\"nodot\"}", tenant), 400, "invalid_payload", "account_id");
            assertProblem(server.post(bans, "{\"account_id\":\"lynx.usr.localhost\",\"reason\":\"" + "x".repeat(501) + "\"}",
                    tenant), 400, "invalid_payload", "reason");
            assertProblem(server.get(bans + "?limit=0", tenant), 400, "invalid_payload", "limit");
            String tooMany = IntStream.rangeClosed(0, 50).mapToObj(i -> "\"t" + i + "\"").collect(Collectors.joining(","));
            assertProblem(client.send("PATCH", "/api/v1/rooms/" + room, "{\"locked_types\":[" + tooMany + "]}", tenant),
                    400, "invalid_payload", "locked_types");
            assertProblem(client.send("PATCH", "/api/v1/rooms/" + room, "{\"locked_types\":[\"" + "x".repeat(256) + "\"]}",
                    tenant), 400, "invalid_payload", "locked_types");
            assertProblem(client.send("PATCH", "/api/v1/rooms/" + room, "{\"locked_types\":\"pin\"}", tenant),
                    400, "invalid_payload", "locked_types");
            assertProblem(client.send("PATCH", "/api/v1/rooms/" + room, "{}", tenant), 400, "invalid_payload", "locked_types");
            assertThat(server.get(bans, tenant).json().get("bans")).isEmpty();
        }
    }

    @Test
    void bans_are_paged_in_account_order() {
        try (ChatsServer server = ChatsServer.inMemory()) {
            String tenant = server.signIn("support");
            String room = roomOf(server.createChat(tenant, "course-42"));
            for (String login : new String[]{"c", "a", "b"}) {
                assertThat(server.post("/api/v1/rooms/" + room + "/bans",
                        "{\"account_id\":\"" + login + ".usr.localhost\"}", tenant).status()).isEqualTo(201);
            }

            JsonNode first = server.get("/api/v1/rooms/" + room + "/bans?limit=2", tenant).json();
            JsonNode second = server.get("/api/v1/rooms/" + room + "/bans?limit=2&after="
                    + first.get("next_after").asText(), tenant).json();

            assertThat(first.get("bans").findValuesAsText("account_id")).containsExactly("a.usr.localhost", "b.usr.localhost");
            assertThat(first.get("next_after").asText()).isEqualTo("b.usr.localhost");
            assertThat(second.get("bans").findValuesAsText("account_id")).containsExactly("c.usr.localhost");
            assertThat(second.get("next_after").isNull()).isTrue();
        }
    }
}

package dev.chatserver.bootstrap.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A ban ends the banned account's listening to the room at once, over a real WebSocket and long-poll. */
class RoomBanDeliveryTest {
    private RunningServer server;
    private ApiClient api;
    private String tenant;
    private String lynx;
    private String ocelot;

    @BeforeEach
    void start() {
        server = RunningServer.start(List.of("--storage", "memory", "--demo",
                "--chats-tenants", "example.org=support.usr.localhost"));
        api = server.client();
        tenant = api.signInAs("support");
        lynx = api.signInAs("lynx");
        ocelot = api.signInAs("ocelot");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private JsonNode createChat(String scope) {
        ApiClient.Response created = api.postRaw("/api/v1/chats",
                "{\"audience\":\"example.org\",\"scope\":\"" + scope + "\"}", bearer(tenant));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json();
    }

    private void postEvent(JsonNode chat, String type, String token) {
        ApiClient.Response posted = api.postRaw("/api/v1/chats/" + chat.get("id").asText() + "/events",
                "{\"type\":\"" + type + "\",\"data\":{}}", bearer(token));
        assertThat(posted.status()).as(posted.raw().body()).isEqualTo(201);
    }

    private static String channelOf(JsonNode chat) {
        return "room:" + chat.get("real_time").get("event_room_id").asText();
    }

    @Test
    void the_banned_subscriber_is_told_and_hears_nothing_more_of_the_room_while_the_others_go_on() {
        JsonNode banning = createChat("course-1");
        JsonNode other = createChat("course-2");
        String room = channelOf(banning);

        try (WsClient banned = WsClient.connect(api.baseUrl(), lynx);
             WsClient bystander = WsClient.connect(api.baseUrl(), ocelot)) {
            banned.subscribe(List.of(room, channelOf(other)), 0);
            bystander.subscribe(List.of(room), 0);

            ApiClient.Response ban = api.postRaw("/api/v1/rooms/" + banning.get("real_time").get("event_room_id").asText()
                    + "/bans", "{\"account_id\":\"lynx.usr.localhost\",\"reason\":\"flooding\"}", bearer(tenant));
            assertThat(ban.status()).as(ban.raw().body()).isEqualTo(201);

            for (WsClient client : List.of(banned, bystander)) {
                JsonNode told = client.awaitNotifications(1).get(0);
                assertThat(told.get("channel").asText()).isEqualTo(room);
                assertThat(told.get("message").get("type").asText()).isEqualTo("chats.ban");
                assertThat(told.get("message").get("account_id").asText()).isEqualTo("lynx.usr.localhost");
                assertThat(told.get("message").get("banned").asBoolean()).isTrue();
                assertThat(told.get("message").get("reason").asText()).isEqualTo("flooding");
            }

            postEvent(banning, "after-the-ban", ocelot);
            postEvent(other, "elsewhere", ocelot);

            assertThat(bystander.awaitNotifications(1).get(0).get("message").get("event").get("type").asText())
                    .isEqualTo("after-the-ban");
            JsonNode next = banned.awaitNotifications(1).get(0);
            assertThat(next.get("channel").asText()).as("the banned room's event never reaches it").isEqualTo(channelOf(other));
            assertThat(next.get("message").get("event").get("type").asText()).isEqualTo("elsewhere");

            banned.send("subscribe", Map.of("channels", List.of(room), "last", 0));
            assertThat(banned.awaitEvent("subscribe_refused").get("message").asText())
                    .startsWith("you are banned from the room");
        }
        ApiClient.Response poll = api.postRaw("/longpolling/poll", "{\"channels\":[\"" + room + "\"],\"last\":0}",
                bearer(lynx));
        assertThat(poll.json().get("error").toString()).contains("you are banned from the room");
    }

    @Test
    void once_the_ban_is_lifted_the_account_subscribes_again_and_hears_the_room() {
        JsonNode chat = createChat("course-3");
        String roomId = chat.get("real_time").get("event_room_id").asText();
        assertThat(api.postRaw("/api/v1/rooms/" + roomId + "/bans", "{\"account_id\":\"lynx.usr.localhost\"}",
                bearer(tenant)).status()).isEqualTo(201);
        assertThat(api.send("DELETE", "/api/v1/rooms/" + roomId + "/bans/lynx.usr.localhost", null, tenant).status())
                .isEqualTo(204);

        try (WsClient lifted = WsClient.connect(api.baseUrl(), lynx)) {
            // the recent past holds the ban: told before the subscription, it does not end it
            lifted.subscribe(List.of(channelOf(chat)), 0);
            postEvent(chat, "welcome-back", ocelot);

            List<JsonNode> heard = lifted.awaitNotifications(3);
            assertThat(heard).extracting(n -> n.get("message").get("type").asText())
                    .containsExactly("chats.ban", "chats.ban", "chats.event");
            assertThat(heard).extracting(n -> n.get("message").path("banned").asText()).containsExactly("true", "false", "");
            assertThat(heard.get(2).get("message").get("event").get("type").asText()).isEqualTo("welcome-back");
        }
    }
}

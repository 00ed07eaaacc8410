package dev.chatserver.bootstrap.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.adapter.jdbc.DatabaseSettings;
import dev.chatserver.adapter.jdbc.PostgresTestDatabases;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mark_read reaches the other member's WebSocket as {@code im_chat.seen}, and the reader's own other
 * connection too: in memory, and on PostgreSQL through the shared log.
 */
class ReadReceiptDeliveryTest {
    private RunningServer server;
    private Optional<DatabaseSettings> database = Optional.empty();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        database.ifPresent(PostgresTestDatabases::drop);
    }

    @Test
    void in_memory_the_other_member_and_the_readers_other_connection_hear_im_chat_seen() {
        server = RunningServer.inMemory();
        receiptsReachBothMembers();
    }

    @Test
    void on_postgres_the_receipt_goes_through_the_shared_log() {
        DatabaseSettings db = PostgresTestDatabases.newDatabase(4);
        database = Optional.of(db);
        server = RunningServer.start(List.of("--storage", "postgres", "--db-url", db.url(), "--db-user", db.user(),
                "--db-password", db.password(), "--db-pool-size", "4", "--demo"));
        receiptsReachBothMembers();
    }

    private void receiptsReachBothMembers() {
        ApiClient api = server.client();
        String lynx = api.signInAs("lynx");
        String ocelot = api.signInAs("ocelot");
        long lynxId = uid(api, lynx);
        long ocelotId = uid(api, ocelot);
        String uuid = api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", ocelotId), lynx)
                .result().get("uuid").asText();
        long messageId = api.rpc("/im_chat/post",
                Map.of("uuid", uuid, "message_type", "message", "message_content", "read me"), lynx)
                .result().get("message_id").asLong();
        long lynxLast = lastIdOn(api, lynx, "user:" + lynxId);
        long ocelotLast = lastIdOn(api, ocelot, "user:" + ocelotId);

        try (WsClient lynxSocket = WsClient.connect(api.baseUrl(), lynx);
             WsClient ocelotsOtherTab = WsClient.connect(api.baseUrl(), ocelot)) {
            lynxSocket.subscribe(List.of("user:" + lynxId), lynxLast);
            ocelotsOtherTab.subscribe(List.of("user:" + ocelotId), ocelotLast);

            JsonNode answer = api.rpc("/im_chat/api/mark_read", Map.of("uuid", uuid, "message_id", messageId), ocelot)
                    .result();
            assertThat(answer.get("seen_message_id").asLong()).isEqualTo(messageId);

            JsonNode toLynx = seen(lynxSocket.awaitNotifications(1));
            assertThat(toLynx.get("channel").asText()).isEqualTo("user:" + lynxId);
            assertThat(toLynx.get("message").get("session").asText()).isEqualTo(uuid);
            assertThat(toLynx.get("message").get("user_id").asLong()).isEqualTo(ocelotId);
            assertThat(toLynx.get("message").get("seen_message_id").asLong()).isEqualTo(messageId);

            List<JsonNode> toOcelot = ocelotsOtherTab.awaitNotifications(2);
            assertThat(toOcelot).extracting(n -> n.get("message").get("type").asText())
                    .as("the receipt, and the session now read").containsExactlyInAnyOrder("im_chat.seen", "im_chat.session");
            JsonNode session = toOcelot.stream().filter(n -> n.get("message").get("type").asText().equals("im_chat.session"))
                    .findFirst().orElseThrow().get("message").get("session");
            assertThat(session.get("is_read").asBoolean()).isTrue();
            assertThat(seen(toOcelot).get("message").get("seen_message_id").asLong()).isEqualTo(messageId);
        }
    }

    private static JsonNode seen(List<JsonNode> notifications) {
        return notifications.stream().filter(n -> n.get("message").get("type").asText().equals("im_chat.seen"))
                .findFirst().orElseThrow(() -> new AssertionError("no im_chat.seen in " + notifications));
    }

    private static long uid(ApiClient api, String token) {
        return api.rpc("/web/session/get_session_info", Map.of(), token).result().get("uid").asLong();
    }

    private static long lastIdOn(ApiClient api, String token, String channel) {
        JsonNode recent = api.rpc("/longpolling/poll", Map.of("channels", List.of(channel), "last", 0), token).result();
        return recent.isEmpty() ? 0 : recent.get(recent.size() - 1).get("id").asLong();
    }
}

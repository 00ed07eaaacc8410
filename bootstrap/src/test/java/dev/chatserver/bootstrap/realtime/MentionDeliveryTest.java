package dev.chatserver.bootstrap.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.adapter.jdbc.DatabaseSettings;
import dev.chatserver.adapter.jdbc.PostgresTestDatabases;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message pushed live with whom it mentions, from one node to a client of another through PostgreSQL's shared
 * log, and its edit with the mentions decided again; the reader's listing counts the mention.
 */
class MentionDeliveryTest {
    private final List<RunningServer> servers = new ArrayList<>();
    private DatabaseSettings database;

    @AfterEach
    void stop() {
        servers.forEach(RunningServer::close);
        if (database != null) {
            PostgresTestDatabases.drop(database);
        }
    }

    private static long uid(ApiClient api, String token) {
        return api.rpc("/web/session/get_session_info", Map.of(), token).result().get("uid").asLong();
    }

    private static JsonNode next(WsClient ws, String type) {
        while (true) {
            for (JsonNode notification : ws.awaitNotifications(1)) {
                if (notification.get("message").get("type").asText().equals(type)) {
                    return notification.get("message");
                }
            }
        }
    }

    @Test
    void a_mention_on_one_node_reaches_a_client_of_another_through_postgres() {
        database = PostgresTestDatabases.newDatabase(4);
        List<String> flags = List.of("--storage", "postgres", "--db-url", database.url(), "--db-user", database.user(),
                "--db-pool-size", "4", "--demo");
        RunningServer writer = RunningServer.start(flags);
        servers.add(writer);
        RunningServer reader = RunningServer.start(flags);
        servers.add(reader);
        ApiClient api = writer.client();
        ApiClient readerApi = reader.client();
        String lynx = api.signInAs("lynx");
        String ocelot = readerApi.signInAs("ocelot");
        long ocelotId = uid(readerApi, ocelot);
        String uuid = api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", ocelotId), lynx).result()
                .get("uuid").asText();

        try (WsClient ws = WsClient.connect(readerApi.baseUrl(), ocelot)) {
            ws.subscribe(List.of("user:" + ocelotId), 0);
            long id = api.rpc("/im_chat/post", Map.of("uuid", uuid, "message_type", "message",
                    "message_content", "@ocelot @support see this"), lynx).result().get("message_id").asLong();

            JsonNode heard = next(ws, "im_chat.message").get("message");
            while (heard.get("id").asLong() != id) {
                heard = next(ws, "im_chat.message").get("message");
            }
            assertThat(heard.get("mentions").toString()).isEqualTo("[" + ocelotId + "]");
            JsonNode listed = readerApi.rpc("/im_chat/api/get_sessions", Map.of(), ocelot).result().get(0);
            assertThat(listed.get("mention_count").asLong()).isEqualTo(1);

            api.rpc("/im_chat/api/edit_message", Map.of("message_id", id, "message_content", "never mind"), lynx);
            JsonNode edit = next(ws, "im_chat.message_edited");
            assertThat(edit.get("message_id").asLong()).isEqualTo(id);
            assertThat(edit.get("mentions").toString()).isEqualTo("[]");
            assertThat(readerApi.rpc("/im_chat/api/get_sessions", Map.of(), ocelot).result().get(0)
                    .get("mention_count").asLong()).isZero();
        }
    }
}

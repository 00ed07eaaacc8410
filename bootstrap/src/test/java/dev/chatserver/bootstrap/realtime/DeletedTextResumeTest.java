package dev.chatserver.bootstrap.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.adapter.jdbc.DatabaseSettings;
import dev.chatserver.adapter.jdbc.PostgresTestDatabases;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a deletion, a client resuming from before the post hears the message only as deleted, and the session
 * listing shows the tombstone: the deleted text is in no answer, on memory, H2 and PostgreSQL.
 */
class DeletedTextResumeTest {
    private RunningServer server;
    private DatabaseSettings database;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            PostgresTestDatabases.drop(database);
        }
    }

    @Test
    void on_memory() {
        server = RunningServer.inMemory();
        resumedWithoutTheText();
    }

    @Test
    void on_h2(@TempDir Path data) {
        server = RunningServer.start(List.of("--storage", "h2", "--data-dir", data.toString(), "--demo"));
        resumedWithoutTheText();
    }

    @Test
    void on_postgres() {
        database = PostgresTestDatabases.newDatabase(4);
        server = RunningServer.start(List.of("--storage", "postgres", "--db-url", database.url(), "--db-user",
                database.user(), "--db-pool-size", "4", "--demo"));
        resumedWithoutTheText();
    }

    private void resumedWithoutTheText() {
        ApiClient api = server.client();
        String lynx = api.signInAs("lynx");
        String ocelot = api.signInAs("ocelot");
        long lynxId = uid(api, lynx);
        long ocelotId = uid(api, ocelot);
        String uuid = api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", ocelotId), lynx).result()
                .get("uuid").asText();
        post(api, ocelot, uuid, "ocelot words");
        long secret = post(api, lynx, uuid, "secret words");
        api.rpc("/im_chat/api/edit_message", Map.of("message_id", secret, "message_content", "secret edit"), lynx);
        assertThat(resumedFromTheStart(api, ocelot, ocelotId).toString())
                .as("the log held the text before").contains("secret words", "secret edit");

        api.rpc("/im_chat/api/delete_message", Map.of("message_id", secret), lynx);

        for (JsonNode resumed : List.of(resumedFromTheStart(api, ocelot, ocelotId),
                resumedFromTheStart(api, lynx, lynxId))) {
            assertThat(resumed.toString()).doesNotContain("secret").contains("ocelot words");
            JsonNode tombstone = messageOf(resumed, secret);
            assertThat(tombstone.get("message").asText()).isEmpty();
            assertThat(tombstone.get("deleted").asBoolean()).isTrue();
            assertThat(resumed.get(resumed.size() - 1).get("message").get("type").asText())
                    .isEqualTo("im_chat.message_deleted");
        }
        for (String token : List.of(lynx, ocelot)) {
            JsonNode sessions = api.rpc("/im_chat/api/get_sessions", Map.of(), token).result();
            assertThat(sessions.toString()).doesNotContain("secret").contains("ocelot words");
            JsonNode lynxShown = memberOf(sessions, uuid, lynxId);
            assertThat(lynxShown.get("last_message").get("id").asLong()).isEqualTo(secret);
            assertThat(lynxShown.get("last_message").get("message").asText()).isEmpty();
            assertThat(lynxShown.get("last_message").get("deleted").asBoolean()).isTrue();
        }
    }

    private static long uid(ApiClient api, String token) {
        return api.rpc("/web/session/get_session_info", Map.of(), token).result().get("uid").asLong();
    }

    private static long post(ApiClient api, String token, String uuid, String text) {
        return api.rpc("/im_chat/post", Map.of("uuid", uuid, "message_type", "message", "message_content", text), token)
                .result().get("message_id").asLong();
    }

    /** Every notification of the user's channel since the log began, by long-polling from {@code last: 0}. */
    private static JsonNode resumedFromTheStart(ApiClient api, String token, long userId) {
        return api.rpc("/longpolling/poll", Map.of("channels", List.of("user:" + userId), "last", 0), token).result();
    }

    private static JsonNode messageOf(JsonNode notifications, long messageId) {
        for (JsonNode notification : notifications) {
            JsonNode shown = notification.get("message");
            if (shown.get("type").asText().equals("im_chat.message") && shown.get("message").get("id").asLong() == messageId) {
                return shown.get("message");
            }
        }
        throw new AssertionError("no im_chat.message for " + messageId + " in " + notifications);
    }

    private static JsonNode memberOf(JsonNode sessions, String uuid, long userId) {
        for (JsonNode session : sessions) {
            if (session.get("uuid").asText().equals(uuid)) {
                for (JsonNode user : session.get("users")) {
                    if (user.get("id").asLong() == userId) {
                        return user;
                    }
                }
            }
        }
        throw new AssertionError("no user " + userId + " in session " + uuid + " of " + sessions);
    }
}

package dev.chatserver.bootstrap.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.DemoNodesOnPostgres;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reply pushed live with the message it quotes (and the member it mentions): on one node in memory, and from one node to a client of another
 * through PostgreSQL's shared log; and a client resuming after the original was deleted hears the quote without
 * its text.
 */
class ReplyDeliveryTest {

    @Test
    void the_other_member_hears_a_reply_with_its_quote() {
        try (RunningServer server = RunningServer.inMemory()) {
            deliveredFrom(server, server);
        }
    }

    @Test
    void a_reply_on_one_node_reaches_a_client_of_another_through_postgres_with_its_quote() {
        try (DemoNodesOnPostgres nodes = new DemoNodesOnPostgres()) {
            deliveredFrom(nodes.start(), nodes.start());
        }
    }

    private static long uid(ApiClient api, String token) {
        return api.rpc("/web/session/get_session_info", Map.of(), token).result().get("uid").asLong();
    }

    private static JsonNode nextMessage(WsClient ws) {
        while (true) {
            for (JsonNode notification : ws.awaitNotifications(1)) {
                if (notification.get("message").get("type").asText().equals("im_chat.message")) {
                    return notification.get("message").get("message");
                }
            }
        }
    }

    private static void deliveredFrom(RunningServer writer, RunningServer reader) {
        ApiClient api = writer.client();
        ApiClient readerApi = reader.client();
        String lynx = api.signInAs("lynx");
        String ocelot = readerApi.signInAs("ocelot");
        long lynxId = uid(api, lynx);
        long ocelotId = uid(readerApi, ocelot);
        String uuid = api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", ocelotId), lynx).result()
                .get("uuid").asText();
        long original = api.rpc("/im_chat/post", Map.of("uuid", uuid, "message_type", "message",
                "message_content", "secret plan"), lynx).result().get("message_id").asLong();

        long reply;
        try (WsClient ws = WsClient.connect(readerApi.baseUrl(), ocelot)) {
            ws.subscribe(List.of("user:" + ocelotId), 0);
            reply = api.rpc("/im_chat/post", Map.of("uuid", uuid, "message_type", "message",
                    "message_content", "about that, @ocelot", "reply_to_id", original), lynx).result().get("message_id")
                    .asLong();

            JsonNode heard = nextMessage(ws);
            while (heard.get("id").asLong() != reply) {
                heard = nextMessage(ws);
            }
            assertThat(heard.get("reply_to").get("id").asLong()).isEqualTo(original);
            assertThat(heard.get("reply_to").get("from_id").asLong()).isEqualTo(lynxId);
            assertThat(heard.get("reply_to").get("message").asText()).isEqualTo("secret plan");
            assertThat(heard.get("reply_to").get("deleted").asBoolean()).isFalse();
            assertThat(heard.get("mentions")).hasToString("[" + ocelotId + "]");
        }

        api.rpc("/im_chat/api/delete_message", Map.of("message_id", original), lynx);
        // resuming from the start of the log (a long poll from last 0), on the reader's node
        JsonNode resumed = readerApi.rpc("/longpolling/poll", Map.of("channels", List.of("user:" + ocelotId),
                "last", 0), ocelot).result();
        JsonNode replay = null;
        for (JsonNode notification : resumed) {
            JsonNode shown = notification.get("message");
            if (shown.get("type").asText().equals("im_chat.message") && shown.get("message").get("id").asLong() == reply) {
                replay = shown.get("message");
            }
        }
        assertThat(replay).as("the reply in the log: " + resumed).isNotNull();
        assertThat(replay.get("reply_to").get("deleted").asBoolean()).isTrue();
        assertThat(replay.get("reply_to").get("message").asText()).isEmpty();
        assertThat(resumed.toString()).doesNotContain("secret plan");
    }
}

package dev.chatserver.bootstrap.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.DemoNodesOnPostgres;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Edits (with whom the new text mentions), deletions and reactions pushed live to the members' real clients: on one node in memory, and from one
 * node to the other through PostgreSQL's shared log.
 */
class MessageChangesDeliveryTest {

    private static long uid(ApiClient api, String token) {
        return api.rpc("/web/session/get_session_info", Map.of(), token).result().get("uid").asLong();
    }

    /** The IM changes among the next notifications, until {@code count} of them arrived (session updates skipped). */
    private static List<JsonNode> changes(WsClient ws, int count) {
        List<JsonNode> changes = new ArrayList<>();
        while (changes.size() < count) {
            for (JsonNode notification : ws.awaitNotifications(1)) {
                String type = notification.get("message").get("type").asText();
                if (type.startsWith("im_chat.message_") || type.equals("im_chat.reaction")) {
                    changes.add(notification.get("message"));
                }
            }
        }
        return changes;
    }

    @Test
    void the_other_member_hears_of_an_edit_a_reaction_and_a_deletion_in_order() {
        try (RunningServer server = RunningServer.inMemory()) {
            deliveredFrom(server, server);
        }
    }

    @Test
    void a_change_on_one_node_reaches_a_client_of_another_through_postgres() {
        try (DemoNodesOnPostgres nodes = new DemoNodesOnPostgres()) {
            deliveredFrom(nodes.start(), nodes.start());
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
        long id = api.rpc("/im_chat/post", Map.of("uuid", uuid, "message_type", "message", "message_content", "helo"),
                lynx).result().get("message_id").asLong();

        try (WsClient ws = WsClient.connect(readerApi.baseUrl(), ocelot)) {
            ws.subscribe(List.of("user:" + ocelotId), 0);
            List<JsonNode> heard = new ArrayList<>();
            // each heard before the next: a deletion rewrites the edit still in the log as the deletion
            api.rpc("/im_chat/api/edit_message", Map.of("message_id", id, "message_content", "hello @ocelot"), lynx);
            heard.addAll(changes(ws, 1));
            api.rpc("/im_chat/api/react", Map.of("message_id", id, "emoji", "👋"), lynx);
            heard.addAll(changes(ws, 1));
            api.rpc("/im_chat/api/delete_message", Map.of("message_id", id), lynx);
            heard.addAll(changes(ws, 1));

            assertThat(heard.get(0).get("type").asText()).isEqualTo("im_chat.message_edited");
            assertThat(heard.get(0).get("session").asText()).isEqualTo(uuid);
            assertThat(heard.get(0).get("message_id").asLong()).isEqualTo(id);
            assertThat(heard.get(0).get("message").asText()).isEqualTo("hello @ocelot");
            assertThat(heard.get(0).get("mentions")).hasToString("[" + ocelotId + "]");
            assertThat(heard.get(1).get("type").asText()).isEqualTo("im_chat.reaction");
            assertThat(heard.get(1).get("user_id").asLong()).isEqualTo(lynxId);
            assertThat(heard.get(1).get("emoji").asText()).isEqualTo("👋");
            assertThat(heard.get(1).get("reacted").asBoolean()).isTrue();
            assertThat(heard.get(1).get("count").asInt()).isEqualTo(1);
            assertThat(heard.get(2).get("type").asText()).isEqualTo("im_chat.message_deleted");
            assertThat(heard.get(2).get("message_id").asLong()).isEqualTo(id);
            assertThat(heard.get(2).has("message")).isFalse();
        }
    }
}

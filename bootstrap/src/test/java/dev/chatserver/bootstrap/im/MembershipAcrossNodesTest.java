package dev.chatserver.bootstrap.im;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.DemoNodesOnPostgres;
import dev.chatserver.bootstrap.kit.DemoNodesOnPostgres.LynxWithOcelot;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether a sender is a member is decided by the writer on the session's members read under lock in the very
 * transaction that stores the post, so no node answers from a stale view: once a membership is gone from the
 * shared database, the next post by that user is refused through every node, at once (the bound is zero), and
 * the other member's posts go on.
 */
class MembershipAcrossNodesTest {
    private final DemoNodesOnPostgres cluster = new DemoNodesOnPostgres();

    @AfterEach
    void stopNodes() {
        cluster.close();
    }

    @Test
    void a_member_removed_on_the_shared_database_is_refused_at_once_on_both_nodes() throws Exception {
        RunningServer a = cluster.start();
        RunningServer b = cluster.start();
        LynxWithOcelot session = DemoNodesOnPostgres.lynxWithOcelot(a, b);
        assertThat(post(a.client(), session.lynxOnA(), session.uuid(), "from a").status()).isEqualTo(200);
        assertThat(post(b.client(), session.lynxOnB(), session.uuid(), "from b").status()).isEqualTo(200);

        removeMember(session.uuid(), "lynx");

        for (Map.Entry<RunningServer, String> lynx : Map.of(a, session.lynxOnA(), b, session.lynxOnB()).entrySet()) {
            JsonNode refused = post(lynx.getKey().client(), lynx.getValue(), session.uuid(), "after removal").result();
            assertThat(refused.path("status").asText()).as(refused.toString()).isEqualTo("error");
            assertThat(refused.path("field").asText()).isEqualTo("uuid");
        }
        assertThat(post(b.client(), session.ocelotOnB(), session.uuid(), "still here").result().has("message_id"))
                .isTrue();
        JsonNode history = b.client().rpc("/im_chat/api/history", Map.of("uuid", session.uuid()), session.ocelotOnB())
                .result();
        List<String> said = new ArrayList<>();
        history.forEach(m -> said.add(m.get("message").asText()));
        assertThat(said).containsExactly("still here", "from b", "from a");
    }

    private static ApiClient.Response post(ApiClient node, String token, String uuid, String text) {
        return node.rpc("/im_chat/post", Map.of("uuid", uuid, "message_type", "message", "message_content", text), token);
    }

    /** No route removes a member yet: the row goes from the shared database, as another node's change would. */
    private void removeMember(String uuid, String login) throws SQLException {
        try (Connection connection = DriverManager.getConnection(cluster.database().url(), cluster.database().user(),
                cluster.database().password());
             PreparedStatement delete = connection.prepareStatement("""
                     delete from im_session_members
                     where session_id = (select id from im_sessions where uuid = ?)
                       and user_id = (select id from users where login = ?)""")) {
            delete.setObject(1, UUID.fromString(uuid));
            delete.setString(2, login);
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
    }
}

package dev.chatserver.bootstrap.im;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A post is on disk before it is answered: the packaged server on H2 is killed with SIGKILL right after the
 * last answer, started again on the same data directory, and every acknowledged message is still there.
 */
class ImDurabilityIT {
    @TempDir
    Path workDir;

    @Test
    void every_acknowledged_post_survives_kill_9() {
        List<String> flags = List.of("--storage", "h2", "--data-dir", workDir.resolve("data").toString(), "--demo");
        String uuid;
        List<Long> acknowledged = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(workDir, flags)) {
            ApiClient api = server.client();
            String lynx = api.signInAs("lynx");
            long ocelot = api.rpc("/web/session/authenticate",
                    Map.of("login", "ocelot", "password", "ocelot-demo-password"), null).result().get("uid").asLong();
            uuid = api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", ocelot), lynx)
                    .result().get("uuid").asText();
            for (int i = 0; i < 30; i++) {
                JsonNode posted = api.rpc("/im_chat/post",
                        Map.of("uuid", uuid, "message_type", "message", "message_content", "kept " + i), lynx).result();
                acknowledged.add(posted.get("message_id").asLong());
            }
            server.kill();
        }

        try (ServerProcess restarted = ServerProcess.start(workDir, flags)) {
            ApiClient api = restarted.client();
            String lynx = api.signInAs("lynx");
            JsonNode history = api.rpc("/im_chat/api/history", Map.of("uuid", uuid, "limit", 100), lynx).result();
            List<Long> stored = new ArrayList<>();
            history.forEach(m -> stored.add(m.get("id").asLong()));
            List<Long> newestFirst = new ArrayList<>(acknowledged);
            Collections.reverse(newestFirst);
            assertThat(stored).as("newest first, none lost").containsExactlyElementsOf(newestFirst);
            assertThat(history.get(0).get("message").asText()).isEqualTo("kept 29");
        }
    }
}

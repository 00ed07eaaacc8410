package dev.chatserver.bootstrap.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The bus on a database storage: notifications leave only once their unit of work committed. */
class DeliveryOnH2Test {
    @TempDir
    Path dataDir;
    private RunningServer server;
    private ApiClient api;

    @BeforeEach
    void start() {
        server = RunningServer.start(List.of("--storage", "h2", "--data-dir", dataDir.toString(), "--demo"));
        api = server.client();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private long uid(String token) {
        return api.rpc("/web/session/get_session_info", Map.of(), token).result().get("uid").asLong();
    }

    @Test
    void a_committed_post_is_pushed_and_a_refused_one_is_not() {
        String lynx = api.signInAs("lynx");
        String ocelot = api.signInAs("ocelot");
        String support = api.signInAs("support");
        long ocelotId = uid(ocelot);
        String uuid = api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", ocelotId), lynx)
                .result().get("uuid").asText();

        try (WsClient ws = WsClient.connect(api.baseUrl(), ocelot)) {
            ws.subscribe(List.of("user:" + ocelotId), 0);
            ws.awaitNotifications(1); // the session was opened for ocelot moments ago: within the recent window

            JsonNode refused = api.rpc("/im_chat/post",
                    Map.of("uuid", uuid, "message_type", "message", "message_content", "not a member"), support).result();
            api.rpc("/im_chat/post", Map.of("uuid", uuid, "message_type", "message", "message_content", "hi"), lynx);

            assertThat(refused.get("status").asText()).isEqualTo("error");
            JsonNode pushed = ws.awaitNotifications(1).get(0).get("message");
            assertThat(pushed.get("message").get("message").asText()).isEqualTo("hi");
        }
    }
}

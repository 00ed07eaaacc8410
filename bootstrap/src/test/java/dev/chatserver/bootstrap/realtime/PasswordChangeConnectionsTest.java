package dev.chatserver.bootstrap.realtime;

import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A password change closes the WebSockets of the account's other sign-ins and keeps the caller's own. */
class PasswordChangeConnectionsTest {
    private final RunningServer server = RunningServer.inMemory();
    private final ApiClient api = server.client();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void the_other_sign_ins_socket_closes_and_the_callers_stays() {
        String here = api.signInAs("lynx");
        String elsewhere = api.signInAs("lynx");
        long lynx = api.rpc("/web/session/get_session_info", Map.of(), here).result().get("uid").asLong();
        try (WsClient kept = WsClient.connect(api.baseUrl(), here);
             WsClient gone = WsClient.connect(api.baseUrl(), elsewhere)) {
            kept.subscribe(List.of("user:" + lynx), 0);
            gone.subscribe(List.of("user:" + lynx), 0);

            api.rpc("/web/session/change_password",
                    Map.of("old_password", "lynx-demo-password", "new_password", "lynx-new-password"), here);

            assertThat(gone.awaitClose().code()).isEqualTo(4001);
            assertThat(kept.isClosed()).isFalse();
        }
    }
}

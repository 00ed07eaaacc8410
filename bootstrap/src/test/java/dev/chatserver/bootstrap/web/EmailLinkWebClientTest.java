package dev.chatserver.bootstrap.web;

import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The link an away-from-chat email ends with ({@code #session=<uuid>}) opens that session once signed in. */
class EmailLinkWebClientTest {
    @TempDir
    static Path dir;

    private RunningServer server;
    private Browser ocelot;

    @AfterEach
    void stop() {
        if (ocelot != null) {
            ocelot.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void the_link_of_an_email_opens_its_session_after_sign_in() throws IOException {
        Browser.requireChromium();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        server = RunningServer.start(List.of("--port", String.valueOf(port), "--storage", "memory", "--demo"));
        ApiClient api = new ApiClient("http://127.0.0.1:" + port);
        String lynx = api.signInAs("lynx");
        String ocelotToken = api.signInAs("ocelot");
        long ocelotId = api.rpc("/web/session/get_session_info", Map.of(), ocelotToken).result().get("uid").asLong();
        String uuid = api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", ocelotId), lynx).result()
                .get("uuid").asText();
        api.rpc("/im_chat/post", Map.of("uuid", uuid, "message_type", "message", "message_content",
                "what you missed"), lynx);

        ocelot = Browser.open("ocelot-link", dir);
        ocelot.go("http://127.0.0.1:" + port + "/#session=" + uuid);
        ocelot.waitUntil("the sign-in form", () -> ocelot.field("Login").isDisplayed());
        ocelot.signIn("ocelot", "ocelot-demo-password");

        ocelot.waitUntil("the linked conversation", () -> ocelot.log().isDisplayed()
                && ocelot.text("conversation-title").equals("Lucid Lynx")
                && ocelot.messages().contains("what you missed"));
        assertThat(ocelot.url()).doesNotContain("#session");
    }
}

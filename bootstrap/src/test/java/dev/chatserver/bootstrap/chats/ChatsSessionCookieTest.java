package dev.chatserver.bootstrap.chats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.kit.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.chatserver.bootstrap.chats.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** A signed-in browser (the bundled web client) calls the Chats API with its session cookie instead of a bearer. */
class ChatsSessionCookieTest {
    private static final String EVENT = "{\"type\":\"message\",\"set\":\"messages\",\"label\":\"m1\",\"data\":{\"text\":\"hi\"}}";

    private final ChatsServer server = ChatsServer.inMemory();
    private String chatPath;

    @BeforeEach
    void chat() {
        JsonNode chat = server.createChat(server.signIn("support"), "course-42");
        chatPath = "/api/v1/chats/" + chat.get("id").asText();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Map<String, String> cookie(String token, String origin) {
        return origin == null ? Map.of("Cookie", "session_id=" + token)
                : Map.of("Cookie", "session_id=" + token, "Origin", origin);
    }

    @Test
    void the_cookie_stands_for_the_signed_in_user_on_every_kind_of_route() {
        String lynx = server.signIn("lynx");
        String ownOrigin = server.client().baseUrl();

        ApiClient.Response posted = server.client().postRaw(chatPath + "/events", EVENT, cookie(lynx, ownOrigin));
        assertThat(posted.status()).isEqualTo(201);
        JsonNode events = server.client().get(chatPath + "/events", cookie(lynx, null)).json().get("events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("created_by").asText()).isEqualTo("lynx.usr.localhost");

        ApiClient.Response notTenant = server.client().postRaw("/api/v1/chats",
                "{\"audience\":\"example.org\",\"scope\":\"s\"}", cookie(lynx, ownOrigin));
        assertProblem(notTenant, 403, "access_denied");
    }

    @Test
    void a_bad_cookie_or_a_foreign_page_is_refused_and_changes_nothing() {
        String lynx = server.signIn("lynx");
        assertProblem(server.client().get(chatPath, cookie("not-a-token", null)), 401, "unauthorized");
        assertProblem(server.client().postRaw(chatPath + "/events", EVENT, cookie(lynx, "https://evil.example")),
                403, "foreign_origin");

        server.client().rpc("/web/session/destroy", Map.of(), lynx);
        assertProblem(server.client().get(chatPath, cookie(lynx, null)), 401, "unauthorized");
        assertThat(server.get(chatPath + "/events", server.signIn("support")).json().get("events")).isEmpty();
    }

    @Test
    void a_bearer_header_still_decides_when_both_are_sent() {
        String lynx = server.signIn("lynx");
        Map<String, String> both = Map.of("Cookie", "session_id=" + lynx, "Authorization", "Bearer not-a-token");
        assertProblem(server.client().get(chatPath, both), 401, "unauthorized");
    }
}

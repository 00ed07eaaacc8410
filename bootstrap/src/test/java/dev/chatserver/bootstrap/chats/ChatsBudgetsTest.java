package dev.chatserver.bootstrap.chats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.kit.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.chatserver.bootstrap.chats.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-user budgets of the Chats API against the real server: chat events per account (a signed-in user's or a
 * backend's), chat management among the other writes; past them a 429 problem naming the budget, with Retry-After.
 */
class ChatsBudgetsTest {
    private ChatsServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private ApiClient.Response event(String chatId, String token, int n) {
        return server.post("/api/v1/chats/" + chatId + "/events", "{\"type\":\"message\",\"data\":{\"n\":" + n + "}}",
                token);
    }

    private static void assertOverBudget(ApiClient.Response response, String budget, long atMostSeconds) {
        JsonNode problem = assertProblem(response, 429, "too_many_requests");
        assertThat(problem.get("budget").asText()).isEqualTo(budget);
        long seconds = Long.parseLong(response.header("Retry-After"));
        assertThat(seconds).isBetween(1L, atMostSeconds);
        assertThat(problem.get("retry_after").asLong()).isEqualTo(seconds);
    }

    @Test
    void the_third_event_of_an_account_within_the_hour_is_refused_and_another_account_still_posts() {
        server = ChatsServer.on(List.of("--storage", "memory", "--user-chat-events", "2/1h"));
        String tenant = server.signIn("support");
        String lynx = server.signIn("lynx");
        String chatId = server.createChat(tenant, "course-42").get("id").asText();
        assertThat(event(chatId, lynx, 1).status()).isEqualTo(201);
        assertThat(event(chatId, lynx, 2).status()).isEqualTo(201);

        assertOverBudget(event(chatId, lynx, 3), "chat_events", 1800);

        assertThat(event(chatId, tenant, 4).status()).isEqualTo(201);
        JsonNode stored = server.get("/api/v1/chats/" + chatId + "/events", lynx).json();
        assertThat(stored.get("events")).hasSize(3);
    }

    @Test
    void creating_chats_spends_from_the_other_writes() {
        server = ChatsServer.on(List.of("--storage", "memory", "--user-writes", "2/1h"));
        String tenant = server.signIn("support");
        server.createChat(tenant, "one");
        server.createChat(tenant, "two");

        assertOverBudget(server.post("/api/v1/chats", "{\"audience\":\"example.org\",\"scope\":\"three\"}", tenant),
                "writes", 1800);
    }
}

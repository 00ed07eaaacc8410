package dev.chatserver.bootstrap.chats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.kit.ApiClient;

import static org.assertj.core.api.Assertions.assertThat;

/** An answer is an RFC 7807 problem of one type: nothing of the server's insides in it. */
final class ProblemAssert {
    private ProblemAssert() {
    }

    static JsonNode assertProblem(ApiClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asText()).isEqualTo(type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank()
                .doesNotContain("Exception").doesNotContain("dev.chatserver").doesNotContain("select ");
        return problem;
    }

    static void assertProblem(ApiClient.Response response, int status, String type, String field) {
        assertThat(assertProblem(response, status, type).path("field").asText()).isEqualTo(field);
    }
}

package dev.chatserver.bootstrap.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.chats.ChatsServer;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests the routes or Jetty refuse: never a 5xx, never HTML, always the API's own error shape. */
class MalformedRequestsTest {
    private static ChatsServer server;
    private static RawHttp raw;
    private static String lynx;
    private static String support;

    @BeforeAll
    static void start() {
        server = ChatsServer.inMemory();
        raw = new RawHttp(server.port());
        lynx = server.signIn("lynx");
        support = server.signIn("support");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void an_unknown_charset_in_the_content_type_does_not_stop_the_body_being_read_as_utf8() {
        Map<String, String> bogus = Map.of("Content-Type", "application/json; charset=bogus");
        ApiClient.Response signIn = server.client().postRaw("/web/session/authenticate",
                "{\"jsonrpc\":\"2.0\",\"params\":{\"login\":\"ocelot\",\"password\":\"ocelot-demo-password\"}}", bogus);
        ApiClient.Response poll = server.client().postRaw("/longpolling/poll", "{\"jsonrpc\":\"2.0\",\"params\":{\"channels\":\"x\"}}",
                Map.of("Content-Type", "application/json; charset=bogus", "Authorization", "Bearer " + lynx));
        ApiClient.Response chat = server.client().postRaw("/api/v1/chats",
                "{\"audience\":\"example.org\",\"scope\":\"caf\u00e9\"}",
                Map.of("Content-Type", "application/json; charset=bogus", "Authorization", "Bearer " + support));

        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.result().get("session_id").asText()).isNotBlank();
        assertThat(poll.status()).isEqualTo(200);
        assertThat(poll.error().get("data").get("field").asText()).isEqualTo("channels");
        assertThat(chat.status()).isEqualTo(201);
        assertThat(chat.json().get("scope").asText()).isEqualTo("caf\u00e9");
    }

    @Test
    void a_chunked_body_over_the_limit_is_refused_with_413_on_every_json_rpc_route() {
        byte[] big = jsonOfSize(3 * 1024 * 1024);
        Map<String, String> headers = Map.of("Content-Type", "application/json", "Authorization", "Bearer " + lynx);
        for (String path : new String[]{"/web/session/authenticate", "/web/session/destroy", "/longpolling/poll",
                "/im_chat/api/get_sessions"}) {
            RawHttp.Response answer = raw.postChunked(path, headers, big, 64 * 1024);

            assertThat(answer.status()).as(path).isEqualTo(413);
            assertThat(answer.json().get("error").get("code").asInt()).as(path).isEqualTo(413);
            assertThat(answer.json().get("error").get("message").asText()).as(path).contains("larger than 1048576 bytes");
        }
    }

    @Test
    void a_chunked_body_over_the_chats_limit_is_refused_with_413_problem_details() {
        RawHttp.Response answer = raw.postChunked("/api/v1/chats",
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + support),
                jsonOfSize(ChatsServer.MAX_PAYLOAD + 1), 100);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asText()).isEqualTo("invalid_payload");
    }

    @Test
    void a_chunked_body_within_the_limit_is_read_whole() {
        RawHttp.Response answer = raw.postChunked("/web/session/authenticate", Map.of("Content-Type", "application/json"),
                "{\"jsonrpc\":\"2.0\",\"params\":{\"login\":\"ocelot\",\"password\":\"ocelot-demo-password\"}}".getBytes(StandardCharsets.UTF_8), 7);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("result").get("session_id").asText()).isNotBlank();
    }

    @Test
    void bad_percent_encoding_under_api_is_problem_details_and_elsewhere_json_rpc() {
        RawHttp.Response chats = raw.send("GET /api/v1/chats/%zz HTTP/1.1\r\nHost: x", new byte[0]);
        RawHttp.Response nul = raw.send("GET /api/v1/chats/a%00b HTTP/1.1\r\nHost: x", new byte[0]);
        RawHttp.Response rpc = raw.send("POST /im_chat/api/%zz HTTP/1.1\r\nHost: x\r\nContent-Length: 0", new byte[0]);

        assertProblem(chats, 400);
        assertProblem(nul, 400);
        assertRpcError(rpc, 400);
    }

    @Test
    void a_nul_in_a_header_and_an_oversized_header_are_answered_in_the_api_shape() {
        RawHttp.Response nulHeader = raw.send("GET /api/v1/chats/x HTTP/1.1\r\nHost: x\r\nX-Bad: a\0b", new byte[0]);
        RawHttp.Response hugeChats = raw.send("GET /api/v1/chats/x HTTP/1.1\r\nHost: x\r\nX-Huge: " + "a".repeat(20_000),
                new byte[0]);
        RawHttp.Response hugeRpc = raw.send("POST /longpolling/poll HTTP/1.1\r\nHost: x\r\nX-Huge: " + "a".repeat(20_000),
                new byte[0]);

        assertProblem(nulHeader, 400);
        assertProblem(hugeChats, 431);
        assertRpcError(hugeRpc, 431);
    }

    @Test
    void every_method_on_every_kind_of_path_is_answered_in_the_api_shape_without_a_5xx() {
        for (String method : new String[]{"GET", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"}) {
            for (String path : new String[]{"/api/v1/chats", "/api/v1/nothing", "/im_chat/post", "/websocket",
                    "/longpolling/poll", "/nothing"}) {
                RawHttp.Response answer = raw.send(method + " " + path + " HTTP/1.1\r\nHost: x", new byte[0]);

                assertThat(answer.status()).as(method + " " + path).isBetween(200, 499);
                if (!method.equals("HEAD") && answer.status() >= 400) {
                    if (path.startsWith("/api/")) {
                        assertProblem(answer, answer.status());
                    } else {
                        assertRpcError(answer, answer.status());
                    }
                }
            }
        }
    }

    private static void assertProblem(RawHttp.Response answer, int status) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank().doesNotContain("<");
    }

    private static void assertRpcError(RawHttp.Response answer, int status) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode error = answer.json().get("error");
        assertThat(error.get("code").asInt()).isEqualTo(status);
        assertThat(error.get("message").asText()).isNotBlank();
    }

    /** A JSON object of about the given size: one long string member. */
    private static byte[] jsonOfSize(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        byte[] start = "{\"params\":{\"x\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(start, 0, body, 0, start.length);
        body[size - 3] = '"';
        body[size - 2] = '}';
        body[size - 1] = '}';
        return body;
    }
}

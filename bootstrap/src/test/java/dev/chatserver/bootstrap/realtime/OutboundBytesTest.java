package dev.chatserver.bootstrap.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.adapter.http.realtime.OutboundBudget;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attack 1 of issue 21, small: a user's socket that never reads while another member posts 64 KB messages that
 * JSON escaping makes six times larger. The socket is closed with 4000 once it holds more than its bytes; the
 * poster's own reading socket gets everything and the server answers as usual. A long-poll answer is bounded in
 * bytes and the next poll goes on from where it stopped.
 */
class OutboundBytesTest {
    private static final int QUEUE_BYTES = 256 * 1024;
    private static final int POLL_ANSWER_BYTES = 1024 * 1024;
    /** 64 KB of a control character, which JSON writes as six characters each ({@code \u0001}). */
    private static final String ESCAPED_SIXFOLD = "\u0001".repeat(64 * 1024);

    private RunningServer server;
    private ApiClient api;
    private String lynx;
    private String ocelot;
    private long lynxId;
    private long ocelotId;
    private String session;

    @BeforeEach
    void start() {
        // Budgets off: the slow socket's test posts until it is closed, which may take more than a person's burst.
        server = RunningServer.start(List.of("--storage", "memory", "--demo", "--user-budgets", "off",
                "--ws-queue-bytes", String.valueOf(QUEUE_BYTES), "--ws-user-bytes", String.valueOf(2 * QUEUE_BYTES),
                "--poll-answer-bytes", String.valueOf(POLL_ANSWER_BYTES)));
        api = server.client();
        lynx = api.signInAs("lynx");
        ocelot = api.signInAs("ocelot");
        lynxId = uid(lynx);
        ocelotId = uid(ocelot);
        session = api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", lynxId), ocelot)
                .result().get("uuid").asText();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private long uid(String token) {
        return api.rpc("/web/session/get_session_info", Map.of(), token).result().get("uid").asLong();
    }

    /** The id of the newest notification on the caller's own channel: a subscription from it catches up nothing. */
    private long lastIdOf(String token) {
        JsonNode recent = api.rpc("/longpolling/poll", Map.of("channels", List.of(), "last", 0), token).result();
        return recent.isEmpty() ? 0 : recent.get(recent.size() - 1).get("id").asLong();
    }

    private long post(String content) {
        return api.rpc("/im_chat/post", Map.of("uuid", session, "message_type", "message", "message_content", content),
                ocelot).result().get("message_id").asLong();
    }

    private static List<Long> postedMessageIds(List<JsonNode> notifications) {
        return notifications.stream()
                .filter(n -> "im_chat.message".equals(n.get("message").get("type").asText()))
                .map(n -> n.get("message").get("message").get("id").asLong())
                .toList();
    }

    @Test
    void a_socket_that_never_reads_is_closed_with_4000_while_another_users_socket_keeps_receiving() {
        OutboundBudget budget = server.get(OutboundBudget.class);
        List<Long> posted = new ArrayList<>();
        try (WsClient slow = WsClient.connectWithoutReading(api.baseUrl(), lynx);
             WsClient reader = WsClient.connect(api.baseUrl(), ocelot)) {
            slow.send("subscribe", Map.of("channels", List.of("user:" + lynxId), "last", lastIdOf(lynx)));
            slow.readOne();
            slow.awaitEvent("subscribed");
            reader.subscribe(List.of("user:" + ocelotId), 0);

            // Until the server gave up on the slow socket: what the kernel's buffers take first is not held.
            while (budget.closedForBytes() == 0) {
                assertThat(posted).as("the slow socket is closed long before this many posts").hasSizeLessThan(200);
                posted.add(post(ESCAPED_SIXFOLD));
            }
            posted.add(post("after the slow socket was closed"));

            List<JsonNode> received = new ArrayList<>();
            while (postedMessageIds(received).size() < posted.size()) {
                received.addAll(reader.awaitNotifications(1));
            }
            assertThat(postedMessageIds(received)).containsExactlyElementsOf(posted);
            assertThat(api.rpc("/web/session/get_session_info", Map.of(), ocelot).status()).isEqualTo(200);

            slow.startReading();
            WsClient.Closed closed = slow.awaitClose();
            assertThat(closed.code()).isEqualTo(4000);
            assertThat(closed.reason()).startsWith("fell behind").endsWith("resume from your last id");
            List<JsonNode> slowGot = new ArrayList<>();
            while (!slow.nothingPending()) {
                JsonNode frame = slow.next();
                if (frame.isArray()) {
                    frame.forEach(slowGot::add);
                }
            }
            assertThat(postedMessageIds(slowGot).size()).as("closed before everything was written")
                    .isLessThan(posted.size());
            Eventually.await("the closed socket's bytes are released", () -> budget.held() == 0);
        }
    }

    @Test
    void a_long_poll_answer_stays_within_its_bytes_and_the_next_poll_goes_on_where_it_stopped() {
        long last = lastIdOf(lynx);
        List<Long> posted = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            posted.add(post(ESCAPED_SIXFOLD));
        }

        List<JsonNode> received = new ArrayList<>();
        int polls = 0;
        while (postedMessageIds(received).size() < posted.size()) {
            ApiClient.Response answer = api.rpc("/longpolling/poll", Map.of("channels", List.of(), "last", last), lynx);
            JsonNode result = answer.result();
            assertThat(result.size()).isGreaterThanOrEqualTo(1);
            if (result.size() > 1) {
                assertThat(2L * result.toString().length()).as("bytes of an answer of more than one notification")
                        .isLessThanOrEqualTo(POLL_ANSWER_BYTES);
            }
            result.forEach(received::add);
            last = result.get(result.size() - 1).get("id").asLong();
            polls++;
        }

        assertThat(postedMessageIds(received)).containsExactlyElementsOf(posted);
        assertThat(polls).as("six notifications of about 800 KB do not fit in one answer of 1 MB").isGreaterThan(2);
        List<Long> ids = received.stream().map(n -> n.get("id").asLong()).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }
}

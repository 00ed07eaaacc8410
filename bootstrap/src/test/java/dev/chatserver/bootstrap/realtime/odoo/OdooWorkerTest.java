package dev.chatserver.bootstrap.realtime.odoo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import dev.chatserver.bootstrap.realtime.odoo.OdooWorker.Version;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Odoo 16.0's and 17.0's WebSocket worker, as {@link OdooWorker} plays it, against the real server: what it
 * sends, what it reads (every frame an array of notifications, each {@code {"id", "message": {"type",
 * "payload"}}}), how it resumes and how it backs off. Odoo 16's worker names no version, so the server here
 * is told that a versionless {@code /websocket} is Odoo 16's ({@code --ws-unversioned odoo16}).
 */
class OdooWorkerTest {
    private RunningServer server;
    private ApiClient api;
    private String lynx;
    private String ocelot;
    private long lynxId;
    private long ocelotId;
    private final List<OdooWorker> workers = new ArrayList<>();

    @BeforeEach
    void start() {
        server = RunningServer.start(List.of("--storage", "memory", "--demo", "--ws-unversioned", "odoo16"));
        api = server.client();
        lynx = api.signInAs("lynx");
        ocelot = api.signInAs("ocelot");
        lynxId = uid(lynx);
        ocelotId = uid(ocelot);
    }

    @AfterEach
    void stop() {
        workers.forEach(OdooWorker::close);
        server.close();
    }

    private long uid(String token) {
        return api.rpc("/web/session/get_session_info", Map.of(), token).result().get("uid").asLong();
    }

    private long partnerOf(String token) {
        return api.rpc("/web/session/get_session_info", Map.of(), token).result().get("partner_id").asLong();
    }

    private OdooWorker worker(Version version, String token) {
        OdooWorker worker = new OdooWorker(version, api.baseUrl(), token);
        workers.add(worker);
        return worker;
    }

    private static String newMessageType(Version version) {
        return version == Version.V16_0 ? "mail.channel/new_message" : "discuss.channel/new_message";
    }

    private String openSession() {
        return api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", ocelotId), lynx)
                .result().get("uuid").asText();
    }

    private long post(String uuid, String text) {
        return api.rpc("/im_chat/post", Map.of("uuid", uuid, "message_type", "message", "message_content", text), lynx)
                .result().get("message_id").asLong();
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void a_worker_that_names_no_channel_receives_a_posted_message_as_a_payload(Version version) {
        String uuid = openSession();
        OdooWorker worker = worker(version, ocelot);
        worker.startTab(0);
        worker.await("connect");

        long messageId = post(uuid, "hello ocelot");

        JsonNode notification = worker.awaitNotification(newMessageType(version));
        JsonNode payload = notification.get("message").get("payload");
        assertThat(payload.get("message").get("id").asLong()).isEqualTo(messageId);
        assertThat(payload.get("message").get("body").asText()).isEqualTo("hello ocelot");
        assertThat(payload.get("session").asText()).isEqualTo(uuid);
        assertThat(payload.get("id").asLong()).isEqualTo(payload.get("message").get("res_id").asLong());
        if (version == Version.V17_0) {
            assertThat(payload.get("message").get("author").get("name").asText()).isNotBlank();
        } else {
            assertThat(payload.get("message").get("author_id").isArray()).isTrue();
        }
        JsonNode firstFrame = worker.sentFrames().get(0);
        assertThat(firstFrame.get("event_name").asText()).isEqualTo("subscribe");
        assertThat(firstFrame.get("data").get("channels")).isEmpty();
        assertThat(firstFrame.get("data").get("last").asLong()).isZero();
        assertThat(worker.lastNotificationId()).isGreaterThanOrEqualTo(notification.get("id").asLong());
        assertThat(worker.typeErrors()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void a_session_change_reaches_the_worker_as_the_version_reads_it(Version version) {
        String uuid = openSession();
        OdooWorker worker = worker(version, ocelot);
        worker.startTab(0);
        worker.await("connect");

        api.rpc("/im_chat/api/update_state", Map.of("uuid", uuid, "state", "folded"), ocelot);

        if (version == Version.V16_0) {
            JsonNode channel = worker.awaitNotification("mail.channel/insert").get("message").get("payload");
            while (!channel.get("state").asText().equals("folded")) {
                channel = worker.awaitNotification("mail.channel/insert").get("message").get("payload");
            }
            assertThat(channel.get("uuid").asText()).isEqualTo(uuid);
            assertThat(channel.get("fold_state").asText()).isEqualTo("folded");
        } else {
            JsonNode payload = awaitRecordInsert(worker, "Thread");
            while (!payload.get("Thread").get("state").asText().equals("folded")) {
                payload = awaitRecordInsert(worker, "Thread");
            }
            assertThat(payload.get("Thread").get("uuid").asText()).isEqualTo(uuid);
            assertThat(payload.get("Thread").get("model").asText()).isEqualTo("discuss.channel");
            assertThat(payload.get("Thread").get("fold_state").asText()).isEqualTo("folded");
        }
        assertThat(worker.typeErrors()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void a_presence_change_on_a_channel_the_tab_added_reaches_the_worker(Version version) {
        api.rpc("/im_chat/api/user_chat_ab/add_users", Map.of("user_ids", List.of(lynxId)), ocelot);
        OdooWorker worker = worker(version, ocelot);
        worker.startTab(0);
        worker.await("connect");
        // Catch-up from the last id the subscribe frame carries covers a change that beats the frame.
        worker.addChannel("presence:" + lynxId);

        OdooWorker lynxWorker = worker(version, lynx);
        lynxWorker.startTab(0);

        if (version == Version.V16_0) {
            JsonNode partners = worker.awaitNotification("bus/im_status").get("message").get("payload").get("partners");
            assertThat(partners.get(0).get("id").asLong()).isEqualTo(partnerOf(lynx));
            assertThat(partners.get(0).get("user_id").asLong()).isEqualTo(lynxId);
            assertThat(partners.get(0).get("im_status").asText()).isEqualTo("online");
        } else {
            JsonNode persona = awaitRecordInsert(worker, "Persona").get("Persona").get(0);
            assertThat(persona.get("id").asLong()).isEqualTo(partnerOf(lynx));
            assertThat(persona.get("type").asText()).isEqualTo("partner");
            assertThat(persona.get("im_status").asText()).isEqualTo("online");
        }
        assertThat(worker.typeErrors()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void the_im_status_of_the_partners_a_client_asks_for_in_update_presence_reaches_it_without_naming_a_channel(Version version) {
        String support = api.signInAs("support");
        api.rpc("/im_chat/api/user_chat_ab/add_users", Map.of("user_ids", List.of(lynxId)), ocelot);
        OdooWorker worker = worker(version, ocelot);
        worker.startTab(0);
        worker.await("connect");

        worker.updatePresence(0, List.of(partnerOf(lynx), partnerOf(support), 999_999L));
        worker(version, support).startTab(0);
        worker(version, lynx).startTab(0);

        String type = version == Version.V16_0 ? "bus/im_status" : "mail.record/insert";
        String key = version == Version.V16_0 ? "partners" : "Persona";
        long lynxPartner = partnerOf(lynx);
        List<JsonNode> received = worker.notificationsUntil(type,
                payload -> payload.path(key).path(0).path("id").asLong() == lynxPartner);
        JsonNode status = received.get(received.size() - 1).get("message").get("payload").get(key).get(0);
        assertThat(status.get("im_status").asText()).isEqualTo("online");
        assertThat(received).as("support is no acquaintance of ocelot: its presence is left out")
                .noneMatch(n -> n.path("message").path("payload").path(key).path(0).path("id").asLong() == partnerOf(support));
        assertThat(worker.typeErrors()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void after_a_reconnect_the_worker_resumes_from_its_last_id_with_nothing_missed_or_repeated(Version version) {
        String uuid = openSession();
        OdooWorker worker = worker(version, ocelot);
        worker.startTab(0);
        worker.await("connect");
        long first = post(uuid, "before");
        assertThat(messageIdOf(worker.awaitNotification(newMessageType(version)))).isEqualTo(first);
        long lastSeen = worker.lastNotificationId();

        worker.dropConnection();
        worker.await("reconnecting");
        long second = post(uuid, "while away 1");
        long third = post(uuid, "while away 2");
        worker.runNextTimer();
        worker.await("reconnect");

        JsonNode resubscribe = worker.sentFrames().get(worker.sentFrames().size() - 1);
        assertThat(resubscribe.get("event_name").asText()).isEqualTo("subscribe");
        assertThat(resubscribe.get("data").get("last").asLong()).isEqualTo(lastSeen);
        List<JsonNode> resumed = List.of(worker.awaitNotification(newMessageType(version)),
                worker.awaitNotification(newMessageType(version)));
        assertThat(resumed).extracting(OdooWorkerTest::messageIdOf).containsExactly(second, third);
        assertThat(resumed.get(0).get("id").asLong()).isGreaterThan(lastSeen);
        long fourth = post(uuid, "after");
        assertThat(messageIdOf(worker.awaitNotification(newMessageType(version)))).isEqualTo(fourth);
        assertThat(worker.pendingNotifications()).noneMatch(n -> n.get("id").asLong() <= lastSeen);
        assertThat(worker.typeErrors()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void a_later_subscribe_with_an_older_last_id_repeats_nothing_as_odoo_takes_the_clients_last_id_once(Version version) {
        String uuid = openSession();
        OdooWorker worker = worker(version, ocelot);
        worker.startTab(0);
        worker.await("connect");
        long first = post(uuid, "first");
        assertThat(messageIdOf(worker.awaitNotification(newMessageType(version)))).isEqualTo(first);

        worker.send("subscribe", Map.of("channels", List.of(), "last", 0));
        long second = post(uuid, "second");

        assertThat(messageIdOf(worker.awaitNotification(newMessageType(version)))).isEqualTo(second);
        assertThat(worker.typeErrors()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void a_last_id_the_server_never_gave_out_gets_the_recent_window_as_from_odoo_not_a_frame_the_worker_cannot_read(Version version) {
        String uuid = openSession();
        long posted = post(uuid, "posted before the worker came back");
        OdooWorker worker = worker(version, ocelot);

        worker.startTab(1_000_000_000L);

        assertThat(messageIdOf(worker.awaitNotification(newMessageType(version)))).isEqualTo(posted);
        assertThat(worker.lastNotificationId()).isLessThan(1_000_000_000L);
        long next = post(uuid, "and after");
        assertThat(messageIdOf(worker.awaitNotification(newMessageType(version)))).isEqualTo(next);
        assertThat(worker.typeErrors()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void a_refused_subscription_closes_the_socket_and_the_worker_backs_off_as_it_does_on_odoo(Version version) {
        OdooWorker worker = worker(version, ocelot);
        worker.startTab(0);
        worker.await("connect");

        worker.addChannel("user:" + lynxId);

        JsonNode closed = worker.await("disconnect").data();
        assertThat(closed.get("code").asInt()).isEqualTo(1008);
        assertThat(closed.get("reason").asText()).startsWith("channels: ");
        worker.runNextTimer();
        worker.await("reconnect");
        assertThat(worker.await("disconnect").data().get("code").asInt()).as("the same channels are refused again").isEqualTo(1008);
        List<Double> delays = worker.scheduledDelays();
        assertThat(delays).hasSize(2);
        // The socket had opened before each refusal, and an open resets the worker's delay, as against Odoo.
        if (version == Version.V17_0) {
            assertThat(delays.get(1)).as("17.0 waits its initial delay again").isEqualTo(delays.get(0));
        } else {
            assertThat(delays).as("16.0 starts again from 0").allMatch(delay -> delay < 500);
        }
        assertThat(worker.typeErrors()).as("no frame the worker cannot read").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void a_worker_without_a_valid_session_is_refused_at_the_upgrade_and_retries_later(Version version) {
        OdooWorker worker = worker(version, "not-a-session");
        worker.startTab(0);

        assertThat(worker.await("disconnect").data().get("code").asInt()).isEqualTo(1006);
        // A failed opening fires the socket's error and close events: each schedules a start.
        double first = worker.awaitRetryScheduled();
        double second = worker.awaitRetryScheduled();
        worker.runNextTimer();
        double third = worker.awaitRetryScheduled();
        assertThat(second).isGreaterThan(first);
        assertThat(third).as("the delay keeps growing while the opening fails").isGreaterThan(second);
        assertThat(worker.typeErrors()).isEmpty();
    }

    @Test
    void a_client_of_the_documented_protocol_gets_it_by_asking_even_where_versionless_sockets_are_odoo_16s() throws Exception {
        CompletableFuture<String> firstFrame = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + ocelot)
                .buildAsync(URI.create(api.baseUrl().replaceFirst("^http", "ws") + "/websocket?protocol=api"),
                        new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                                firstFrame.complete(data.toString());
                                return null;
                            }
                        })
                .get(30, TimeUnit.SECONDS);
        try {
            socket.sendText("{\"event_name\":\"subscribe\",\"data\":{\"channels\":[],\"last\":0}}", true);
            assertThat(firstFrame.get(30, TimeUnit.SECONDS)).isEqualTo("{\"event_name\":\"subscribed\",\"data\":{\"channels\":[]}}");
        } finally {
            socket.abort();
        }
    }

    private static long messageIdOf(JsonNode notification) {
        return notification.get("message").get("payload").get("message").get("id").asLong();
    }

    private static JsonNode awaitRecordInsert(OdooWorker worker, String key) {
        while (true) {
            JsonNode payload = worker.awaitNotification("mail.record/insert").get("message").get("payload");
            if (payload.has(key)) {
                return payload;
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void signing_out_closes_the_workers_socket_as_session_expired_and_nothing_reaches_it_after(Version version) {
        String uuid = openSession();
        OdooWorker signedOut = worker(version, ocelot);
        OdooWorker stillIn = worker(version, lynx);
        signedOut.startTab(0);
        stillIn.startTab(0);
        signedOut.await("connect");
        stillIn.await("connect");

        api.rpc("/web/session/destroy", Map.of(), ocelot);

        OdooWorker.Broadcast disconnect = signedOut.await("disconnect");
        assertThat(disconnect.data().get("code").asInt()).as("Odoo's SESSION_EXPIRED").isEqualTo(4001);
        long after = post(uuid, "after the sign-out");
        JsonNode delivered = stillIn.awaitNotification(newMessageType(version));
        assertThat(delivered.get("message").get("payload").get("message").get("id").asLong()).isEqualTo(after);
        assertThat(signedOut.pendingNotifications()).as("nothing reaches the signed-out worker")
                .noneMatch(n -> n.path("message").path("type").asText().equals(newMessageType(version)));
        assertThat(signedOut.typeErrors()).isEmpty();
    }
}

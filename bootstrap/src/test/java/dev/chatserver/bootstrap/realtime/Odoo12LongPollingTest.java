package dev.chatserver.bootstrap.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.AbstractModule;
import dev.chatserver.application.contract.SampleEvents;
import dev.chatserver.application.port.out.NotificationBus;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.NotificationRetention;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import dev.chatserver.bootstrap.realtime.Odoo12LongPollingClient.ManualTimer;
import dev.chatserver.bootstrap.realtime.Odoo12LongPollingClient.Notification;
import dev.chatserver.bootstrap.realtime.Odoo12LongPollingClient.PollOutcome;
import dev.chatserver.bootstrap.realtime.Odoo12LongPollingClient.ScheduledRetry;
import dev.chatserver.domain.account.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Odoo 12.0's long-polling bus, unmodified in behaviour ({@link Odoo12LongPollingClient}), against the real
 * server: it names no channel of its own, reads notifications as {@code {"id","channel","message"}}, resumes
 * from its {@code last}, and backs off when a poll is refused.
 */
class Odoo12LongPollingTest {
    private final ManualTimer timer = new ManualTimer();
    private final List<Odoo12LongPollingClient> clients = new ArrayList<>();
    private RunningServer server;
    private ApiClient api;

    private void start(AbstractModule overrides) {
        server = RunningServer.inMemory(overrides);
        api = server.client();
    }

    private void start() {
        start(new AbstractModule() {
            @Override
            protected void configure() {
            }
        });
    }

    @AfterEach
    void stop() {
        clients.forEach(Odoo12LongPollingClient::close);
        if (server != null) {
            server.close();
        }
    }

    private Odoo12LongPollingClient browser() {
        Odoo12LongPollingClient client = new Odoo12LongPollingClient(api.baseUrl(), timer);
        clients.add(client);
        return client;
    }

    private String sessionWith(String token, long other) {
        return api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", other), token).result().get("uuid").asText();
    }

    private long post(String token, String uuid, String text) {
        return api.rpc("/im_chat/post", Map.of("uuid", uuid, "message_type", "message", "message_content", text), token)
                .result().get("message_id").asLong();
    }

    /** Waits for the bus to hand over the message with this text, and answers the notification. */
    private static Notification awaitMessage(Odoo12LongPollingClient client, String text) {
        while (true) {
            Notification notification = client.awaitNotification();
            JsonNode message = notification.message();
            if ("im_chat.message".equals(message.path("type").asText())
                    && text.equals(message.path("message").path("message").asText())) {
                return notification;
            }
        }
    }

    @Test
    void a_poll_that_names_no_channel_is_held_and_brings_the_users_own_notifications() {
        start();
        Odoo12LongPollingClient lynx = browser();
        long lynxId = lynx.signIn("lynx", "lynx-demo-password").get("uid").asLong();
        String ocelot = api.signInAs("ocelot");
        String uuid = sessionWith(ocelot, lynxId);

        lynx.startPolling();
        long posted = post(ocelot, uuid, "hello lynx");

        Notification received = awaitMessage(lynx, "hello lynx");
        assertThat(received.channel().asText()).isEqualTo("user:" + lynxId);
        assertThat(received.message().path("message").path("id").asLong()).isEqualTo(posted);
        PollOutcome first = lynx.awaitOutcome();
        assertThat(first.sent().get("channels")).isEmpty();
        assertThat(first.sent().get("last").asLong()).isZero();
        assertThat(first.sent().path("options").has("bus_inactivity")).isTrue();
        // Every poll was held until something came: none was answered empty (the poll timeout is 50 s).
        List<PollOutcome> ended = new ArrayList<>(List.of(first));
        while (!lynx.noOutcomeYet()) {
            ended.add(lynx.awaitOutcome());
        }
        assertThat(ended).allSatisfy(outcome -> {
            assertThat(outcome.answered()).isTrue();
            assertThat(outcome.result()).isNotEmpty();
        });
        long largestAnswered = ended.stream()
                .flatMap(outcome -> StreamSupport.stream(outcome.result().spliterator(), false))
                .mapToLong(notification -> notification.get("id").asLong()).max().orElseThrow();
        assertThat(lynx.lastNotificationId()).isGreaterThanOrEqualTo(largestAnswered);
        assertThat(timer.nothingScheduled()).isTrue();
    }

    @Test
    void a_client_that_comes_back_resumes_after_its_last_id_and_gets_nothing_twice() {
        start();
        Odoo12LongPollingClient before = browser();
        long lynxId = before.signIn("lynx", "lynx-demo-password").get("uid").asLong();
        String ocelot = api.signInAs("ocelot");
        String uuid = sessionWith(ocelot, lynxId);
        before.startPolling();
        post(ocelot, uuid, "before the reload");
        awaitMessage(before, "before the reload");
        long last = before.lastNotificationId();
        before.stopPolling();

        post(ocelot, uuid, "while away 1");
        post(ocelot, uuid, "while away 2");
        Odoo12LongPollingClient after = browser().resumingFrom(last);
        after.signIn("lynx", "lynx-demo-password");
        after.startPolling();

        PollOutcome resumed = after.awaitOutcome();
        assertThat(resumed.sent().get("last").asLong()).isEqualTo(last);
        List<String> texts = new ArrayList<>();
        resumed.result().forEach(notification -> {
            assertThat(notification.get("id").asLong()).isGreaterThan(last);
            if ("im_chat.message".equals(notification.path("message").path("type").asText())) {
                texts.add(notification.path("message").path("message").path("message").asText());
            }
        });
        assertThat(texts).containsExactly("while away 1", "while away 2");
    }

    @Test
    void a_refused_poll_is_odoos_server_error_and_the_client_backs_off_then_recovers() {
        start();
        Odoo12LongPollingClient lynx = browser();
        long lynxId = lynx.signIn("lynx", "lynx-demo-password").get("uid").asLong();
        String ocelot = api.signInAs("ocelot");
        long ocelotId = api.rpc("/web/session/get_session_info", Map.of(), ocelot).result().get("uid").asLong();

        lynx.addChannel("user:" + ocelotId);

        PollOutcome refused = lynx.awaitOutcome();
        assertThat(refused.rejection()).isEqualTo("server");
        assertThat(refused.error().get("code").asInt()).isEqualTo(200);
        assertThat(refused.error().get("message").asText()).isEqualTo("Odoo Server Error");
        JsonNode data = refused.error().get("data");
        assertThat(data.get("field").asText()).isEqualTo("channels");
        assertThat(data.get("message").asText()).isEqualTo("you may not subscribe to user:" + ocelotId);
        assertThat(data.get("arguments").get(0).asText()).isEqualTo(data.get("message").asText());
        assertThat(data.get("exception_type").asText()).isEqualTo("access_error");
        assertThat(data.get("debug").asText()).isEmpty();
        // The client chose to wait 11 to 30 s before polling again, and did not poll meanwhile.
        ScheduledRetry retry = timer.awaitScheduled();
        assertThat(retry.delayMillis()).isBetween(11_000L, 30_000L);
        assertThat(lynx.noOutcomeYet()).isTrue();

        lynx.deleteChannel("user:" + ocelotId);
        post(ocelot, sessionWith(ocelot, lynxId), "after the back-off");
        retry.poll().run();

        assertThat(awaitMessage(lynx, "after the back-off").channel().asText()).isEqualTo("user:" + lynxId);
        assertThat(timer.nothingScheduled()).isTrue();
    }

    @Test
    void a_malformed_channel_is_refused_naming_the_field_and_backed_off_from() {
        start();
        Odoo12LongPollingClient lynx = browser();
        lynx.signIn("lynx", "lynx-demo-password");

        lynx.addChannel("mail.channel_5");

        PollOutcome refused = lynx.awaitOutcome();
        assertThat(refused.rejection()).isEqualTo("server");
        assertThat(refused.error().get("data").get("field").asText()).isEqualTo("channels");
        assertThat(refused.error().get("data").get("exception_type").asText()).isEqualTo("user_error");
        assertThat(timer.awaitScheduled().delayMillis()).isBetween(11_000L, 30_000L);
    }

    @Test
    void resuming_from_an_id_no_longer_kept_is_refused_naming_last_and_backed_off_from() {
        start(new AbstractModule() {
            @Override
            protected void configure() {
                bind(NotificationRetention.class).toInstance(new NotificationRetention(Duration.ofMinutes(10), 3));
            }
        });
        Odoo12LongPollingClient before = browser();
        long lynxId = before.signIn("lynx", "lynx-demo-password").get("uid").asLong();
        NotificationBus bus = server.get(NotificationBus.class);
        bus.publish(Channel.ofUser(UserId.of(lynxId)), SampleEvents.numbered(1));
        before.startPolling();
        long last = before.awaitOutcome().result().get(0).get("id").asLong();
        before.stopPolling();
        for (int n = 2; n <= 6; n++) {
            bus.publish(Channel.ofUser(UserId.of(lynxId)), SampleEvents.numbered(n));
        }

        Odoo12LongPollingClient after = browser().resumingFrom(last);
        after.signIn("lynx", "lynx-demo-password");
        after.startPolling();

        PollOutcome refused = after.awaitOutcome();
        assertThat(refused.rejection()).isEqualTo("server");
        assertThat(refused.error().get("data").get("field").asText()).isEqualTo("last");
        assertThat(refused.error().get("data").get("message").asText()).contains("reload");
        assertThat(timer.awaitScheduled().delayMillis()).isBetween(11_000L, 30_000L);
    }

    @Test
    void after_signing_out_a_poll_is_refused_and_the_client_backs_off() {
        start();
        Odoo12LongPollingClient lynx = browser();
        lynx.signIn("lynx", "lynx-demo-password");
        lynx.signOut();

        lynx.startPolling();

        PollOutcome refused = lynx.awaitOutcome();
        assertThat(refused.answered()).isFalse();
        assertThat(timer.awaitScheduled().delayMillis()).isBetween(11_000L, 30_000L);
        assertThat(lynx.noOutcomeYet()).isTrue();
    }
}

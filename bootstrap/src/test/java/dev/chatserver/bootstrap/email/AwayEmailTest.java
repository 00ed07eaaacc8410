package dev.chatserver.bootstrap.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.AbstractModule;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.chatserver.application.contract.MutableClock;
import dev.chatserver.application.notify.AwayDigests;
import dev.chatserver.application.notify.MailOutbox;
import dev.chatserver.application.port.in.presence.TrackPresence;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.DemoNodesOnPostgres;
import dev.chatserver.bootstrap.kit.RunningServer;
import dev.chatserver.domain.account.Login;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The away-from-chat emails end to end: the real server (its routes over HTTP, its scan and its mail queue) sends
 * real mail to a real SMTP server (GreenMail) the test starts, and the test reads what arrived. The server's own
 * timer is set far out, so the test runs the scan and the sending itself after moving the clock.
 */
class AwayEmailTest {
    private static final Instant START = Instant.parse("2026-12-07T08:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final List<AutoCloseable> open = new ArrayList<>();
    private GreenMail smtp;

    @TempDir
    Path dataDir;

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void startSmtp(int port) {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private RunningServer server(int smtpPort, String storage) {
        List<String> flags = new ArrayList<>(List.of("--demo", "--smtp-url", "smtp://127.0.0.1:" + smtpPort,
                "--smtp-from", "chat@example.org", "--email-every", "1d", "--email-link", "https://chat.example.org/"));
        if (storage.equals("h2")) {
            flags.addAll(List.of("--storage", "h2", "--data-dir", dataDir.toString()));
        } else {
            flags.addAll(List.of("--storage", "memory"));
        }
        RunningServer server = RunningServer.start(flags, new AbstractModule() {
            @Override
            protected void configure() {
                bind(Clock.class).toInstance(clock);
            }
        });
        open.add(server);
        return server;
    }

    private RunningServer inMemoryWithSmtpUp() throws IOException {
        int port = freePort();
        startSmtp(port);
        return server(port, "memory");
    }

    private static JsonNode rpc(RunningServer server, String route, Map<String, Object> params, String token) {
        ApiClient.Response response = server.client().rpc(route, params, token);
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        return response.result();
    }

    private static String openWithOcelot(RunningServer server, String lynx) {
        long ocelot = server.get(UserDirectory.class).userByLogin(new Login("ocelot")).orElseThrow().id().value();
        return rpc(server, "/im_chat/api/get_or_create_session", Map.of("user_to", ocelot), lynx).get("uuid").asText();
    }

    private static void post(RunningServer server, String token, String uuid, String text) {
        rpc(server, "/im_chat/post", Map.of("uuid", uuid, "message_type", "message", "message_content", text), token);
    }

    /** What a node's timer does: queue the digests owed, send the queue. */
    private static int scanAndSend(RunningServer server) {
        server.get(AwayDigests.class).queueOwed();
        return server.get(MailOutbox.class).sendDue();
    }

    private static String part(MimeMessage message, String type) throws Exception {
        MimeMultipart parts = (MimeMultipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    @Test
    void an_away_member_gets_one_digest_in_plain_text_and_escaped_html_and_none_while_connected() throws Exception {
        RunningServer server = inMemoryWithSmtpUp();
        String lynx = server.client().signInAs("lynx");
        String uuid = openWithOcelot(server, lynx);
        post(server, lynx, uuid, "<img src=x onerror=alert(1)> look & see");
        clock.advance(Duration.ofMinutes(5));
        assertThat(scanAndSend(server)).isZero();
        clock.advance(Duration.ofMinutes(6));

        assertThat(scanAndSend(server)).isEqualTo(1);
        assertThat(scanAndSend(server)).isZero();
        MimeMessage[] arrived = smtp.getReceivedMessages();
        assertThat(arrived).hasSize(1);
        MimeMessage digest = arrived[0];
        assertThat(digest.getAllRecipients()[0].toString()).isEqualTo("ocelot@example.org");
        assertThat(digest.getFrom()[0].toString()).isEqualTo("chat@example.org");
        assertThat(digest.getSubject()).isEqualTo("1 unread message from Lucid Lynx");
        assertThat(part(digest, "text/plain")).contains("Lucid Lynx: <img src=x onerror=alert(1)> look & see",
                "https://chat.example.org/#session=" + uuid);
        assertThat(part(digest, "text/html")).contains("&lt;img src=x onerror=alert(1)&gt; look &amp; see",
                "href=\"https://chat.example.org/#session=" + uuid + "\"").doesNotContain("<img");

        // ocelot connects: a newer message waits, but nobody connected since it is emailed
        String ocelot = server.client().signInAs("ocelot");
        long ocelotId = server.get(UserDirectory.class).userByLogin(new Login("ocelot")).orElseThrow().id().value();
        rpc(server, "/im_chat/api/mark_read", Map.of("uuid", uuid,
                "message_id", rpc(server, "/im_chat/api/history", Map.of("uuid", uuid), ocelot).get(0).get("id").asLong()),
                ocelot);
        post(server, lynx, uuid, "are you there?");
        server.get(TrackPresence.class).connected(dev.chatserver.domain.account.UserId.of(ocelotId));
        clock.advance(Duration.ofMinutes(11));
        server.get(TrackPresence.class).sweep();
        assertThat(scanAndSend(server)).isZero();
        server.get(TrackPresence.class).disconnected(dev.chatserver.domain.account.UserId.of(ocelotId));
        clock.advance(Duration.ofMinutes(11));
        assertThat(scanAndSend(server)).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void preferences_and_mutes_over_http_keep_the_email_back() throws Exception {
        RunningServer server = inMemoryWithSmtpUp();
        String lynx = server.client().signInAs("lynx");
        String ocelot = server.client().signInAs("ocelot");
        String support = server.client().signInAs("support");
        String uuid = openWithOcelot(server, lynx);

        JsonNode chosen = rpc(server, "/im_chat/api/set_preferences", Map.of("email", "none"), ocelot);
        assertThat(chosen.get("status").asText()).isEqualTo("success");
        assertThat(chosen.get("email").asText()).isEqualTo("none");
        JsonNode wrong = rpc(server, "/im_chat/api/set_preferences", Map.of("email", "sometimes"), ocelot);
        assertThat(wrong.get("status").asText()).isEqualTo("error");
        assertThat(wrong.get("field").asText()).isEqualTo("email");
        assertThat(rpc(server, "/im_chat/api/set_preferences", Map.of(), ocelot).get("field").asText()).isEqualTo("email");
        post(server, lynx, uuid, "nobody is told");
        clock.advance(Duration.ofMinutes(11));
        assertThat(scanAndSend(server)).isZero();

        rpc(server, "/im_chat/api/set_preferences", Map.of("email", "all"), ocelot);
        JsonNode muted = rpc(server, "/im_chat/api/mute", Map.of("uuid", uuid, "until", "2026-12-08 09:00:00"), ocelot);
        assertThat(muted.get("status").asText()).isEqualTo("success");
        assertThat(muted.get("muted_until").asText()).isEqualTo("2026-12-08 09:00:00");
        assertThat(scanAndSend(server)).isZero();
        JsonNode stranger = rpc(server, "/im_chat/api/mute", Map.of("uuid", uuid, "until", "2026-12-08 09:00:00"), support);
        assertThat(stranger.get("status").asText()).isEqualTo("error");
        assertThat(stranger.get("field").asText()).isEqualTo("uuid");
        JsonNode badTime = rpc(server, "/im_chat/api/mute", Map.of("uuid", uuid, "until", "tomorrow"), ocelot);
        assertThat(badTime.get("field").asText()).isEqualTo("until");

        Map<String, Object> unmute = new HashMap<>();
        unmute.put("uuid", uuid);
        unmute.put("until", null);
        JsonNode unmuted = rpc(server, "/im_chat/api/mute", unmute, ocelot);
        assertThat(unmuted.get("muted_until").isNull()).isTrue();
        assertThat(scanAndSend(server)).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void mail_waits_while_the_smtp_server_is_down_is_sent_once_it_is_back_and_a_restart_sends_nothing_again()
            throws Exception {
        int port = freePort();
        RunningServer server = server(port, "h2");
        String lynx = server.client().signInAs("lynx");
        String uuid = openWithOcelot(server, lynx);
        post(server, lynx, uuid, "while the mail server is down");
        clock.advance(Duration.ofMinutes(11));

        assertThat(scanAndSend(server)).isZero();
        assertThat(server.client().get("/metrics", Map.of()).raw().body()).contains("chat_mail_failed_total 1.0");
        startSmtp(port);
        assertThat(scanAndSend(server)).as("not before the backoff ends").isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(scanAndSend(server)).isEqualTo(1);
        assertThat(server.client().get("/metrics", Map.of()).raw().body()).contains("chat_mail_sent_total 1.0");
        assertThat(smtp.getReceivedMessages()).hasSize(1);

        server.close();
        open.remove(server);
        RunningServer restarted = server(port, "h2");
        clock.advance(Duration.ofMinutes(11));
        assertThat(scanAndSend(restarted)).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void a_mail_the_smtp_server_never_takes_is_given_up_after_its_last_attempt_and_counted() throws Exception {
        int port = freePort();
        RunningServer server = server(port, "memory");
        String lynx = server.client().signInAs("lynx");
        post(server, lynx, openWithOcelot(server, lynx), "nobody will read this by mail");
        clock.advance(Duration.ofMinutes(11));

        for (int attempt = 1; attempt <= 8; attempt++) {
            assertThat(scanAndSend(server)).isZero();
            clock.advance(Duration.ofHours(1));
        }
        String metrics = server.client().get("/metrics", Map.of()).raw().body();
        assertThat(metrics).contains("chat_mail_failed_total 7.0", "chat_mail_given_up_total 1.0",
                "chat_mail_sent_total 0.0");
        startSmtp(port);
        assertThat(scanAndSend(server)).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void two_nodes_on_postgres_scanning_and_sending_at_once_send_each_digest_once() throws Exception {
        int port = freePort();
        startSmtp(port);
        try (DemoNodesOnPostgres cluster = new DemoNodesOnPostgres()) {
            List<String> flags = List.of("--smtp-url", "smtp://127.0.0.1:" + port, "--email-every", "1d");
            AbstractModule sharedClock = new AbstractModule() {
                @Override
                protected void configure() {
                    bind(Clock.class).toInstance(clock);
                }
            };
            RunningServer a = cluster.start(flags, sharedClock);
            RunningServer b = cluster.start(flags, sharedClock);
            DemoNodesOnPostgres.LynxWithOcelot pair = DemoNodesOnPostgres.lynxWithOcelot(a, b);
            for (int i = 0; i < 5; i++) {
                post(i % 2 == 0 ? a : b, i % 2 == 0 ? pair.lynxOnA() : pair.lynxOnB(), pair.uuid(), "message " + i);
            }
            clock.advance(Duration.ofMinutes(11));

            ExecutorService both = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Integer>> rounds = List.of(() -> scanAndSend(a), () -> scanAndSend(b),
                        () -> scanAndSend(a), () -> scanAndSend(b));
                int sent = 0;
                for (Future<Integer> round : both.invokeAll(rounds)) {
                    sent += round.get();
                }
                assertThat(sent).isEqualTo(1);
            } finally {
                both.shutdownNow();
            }
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("5 unread messages from Lucid Lynx");
        }
    }
}

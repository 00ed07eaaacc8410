package dev.chatserver.bootstrap.attacks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RawHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * The attacks of issue 21, each against a node of its own started from the packaged jar on H2 with a 512 MB heap
 * and the default flags (docs/ABUSE.md). Each is bounded in requests and in time; a victim reads throughout,
 * and afterwards {@link Aftermath} must hold besides what the attack itself must meet.
 */
class AttackSuiteIT {
    private static final int LARGE = 64 * 1024;
    /**
     * What an unread socket must have been sent before the server is required to have ended it: far more than the
     * kernel's buffers on loopback (a few MB) plus any sensible bound per socket. When the posters' budgets let
     * less through, the budgets alone protected the node and the endings are only reported.
     */
    private static final long UNREAD_BYTES_THAT_MUST_END_A_SOCKET = 16L << 20;
    /** Lynx's accomplices in the first attack (with ocelot): each has budgets of its own, as sock puppets would. */
    private static final List<String> EXTRA_POSTERS = List.of("poster1", "poster2", "poster3", "poster4", "poster5");

    @TempDir
    Path work;

    @BeforeAll
    static void figuresOfThisRunOnly() {
        Figures.startAfresh();
    }

    /**
     * Lynx holds the 32 WebSockets one user may open, subscribed to its own channel and never read, while six
     * members post 64 KB messages into their sessions with lynx: the node bounds what it keeps for a socket that
     * does not read, in bytes, and ends every one of them (with 4000 when it gets to say so).
     */
    @Test
    void unread_sockets_while_large_messages_are_posted() {
        try (AttackNode node = AttackNode.start(work, List.of(), EXTRA_POSTERS)) {
            Cast cast = Cast.on(node);
            List<Party> posters = Stream.concat(Stream.of(cast.ocelot()),
                    EXTRA_POSTERS.stream().map(login -> Party.signIn(node, login))).toList();
            List<String> sessions = posters.stream().map(p -> node.privateSession(p.token(), cast.lynx().id())).toList();
            Ledger ledger = new Ledger();
            IntStream.range(0, posters.size()).forEach(i -> ledger.track(sessions.get(i), posters.get(i).token()));
            List<UnreadWebSocket> sockets = IntStream.range(0, 32)
                    .mapToObj(i -> UnreadWebSocket.subscribe(node.port(), cast.lynx().token(), cast.lynx().ownChannel()))
                    .toList();
            String large = "x".repeat(LARGE);

            Victim victim = Victim.reading(node, cast);
            HeapWatch heap = HeapWatch.start(node);
            Flood.Result posts = Flood.run(node, Flood.Limits.of(8, 3_000, Duration.ofSeconds(25)), (client, n) -> {
                int k = n % posters.size();
                return ledger.record(sessions.get(k), post(client, posters.get(k), sessions.get(k), "message", large));
            });
            Latencies reads = victim.stop();
            HeapWatch.Heap heapUse = heap.stop();
            Aftermath after = Aftermath.check(node, reads, ledger, "support", cast.victims());
            List<UnreadWebSocket.Ending> endings = drain(sockets);

            long closedByServer = endings.stream().filter(UnreadWebSocket.Ending::endedByServer).count();
            long sentToEachSocket = (long) posts.count(Outcome.ACCEPTED) * LARGE;
            boolean mustHaveEnded = sentToEachSocket >= UNREAD_BYTES_THAT_MUST_END_A_SOCKET;
            List<Integer> codes = endings.stream().filter(e -> e.kind() == UnreadWebSocket.Kind.CLOSE_FRAME)
                    .map(UnreadWebSocket.Ending::code).distinct().toList();
            Figures.record("unread-sockets", "posts of 64 KB " + posts.summary(),
                    "sockets 32 posted-to-each=" + (sentToEachSocket >> 20) + "MB (must end: " + mustHaveEnded + ")"
                            + " ended-by-server=" + closedByServer + " close-codes=" + codes
                            + " read-afterwards=" + (endings.stream().mapToLong(UnreadWebSocket.Ending::bytesRead).sum() >> 20) + "MB",
                    heapUse.summary(), after.summary());
            assertSoftly(soft -> {
                after.assertSurvived(soft);
                soft.assertThat(posts.count(Outcome.SERVER_ERROR)).as("posts answered 5xx").isZero();
                soft.assertThat(posts.throttlesInAnotherShape()).as("429s not in the agreed shape: %s",
                        posts.sampleOfAnotherShape()).isZero();
                if (mustHaveEnded) {
                    soft.assertThat(closedByServer).as("unread sockets the server ended, of 32").isEqualTo(32);
                }
                soft.assertThat(codes).as("the close codes of the unread sockets").allMatch(code -> code == 4000);
            });
        }
    }

    /**
     * Lynx sends 64 KB typing signals into its session with ocelot as fast as they are answered: typing is only
     * delivered live, never kept, and its budget (or its bound in bytes) refuses the flood.
     */
    @Test
    void large_typing_flood() {
        try (AttackNode node = AttackNode.start(work, List.of(), List.of())) {
            Cast cast = Cast.on(node);
            Ledger ledger = new Ledger();
            String large = "t".repeat(LARGE);

            Victim victim = Victim.reading(node, cast);
            HeapWatch heap = HeapWatch.start(node);
            Flood.Result typing = Flood.run(node, Flood.Limits.of(4, 20_000, Duration.ofSeconds(20)),
                    (client, n) -> post(client, cast.lynx(), cast.attacked(), "typing", large));
            Latencies reads = victim.stop();
            HeapWatch.Heap heapUse = heap.stop();
            Aftermath after = Aftermath.check(node, reads, ledger, "support", cast.victims());

            Figures.record("large-typing", "typing of 64 KB " + typing.summary(), heapUse.summary(), after.summary());
            assertSoftly(soft -> {
                after.assertSurvived(soft);
                soft.assertThat(typing.refused()).as("typing signals refused (budget or bound)").isPositive();
                soft.assertThat(typing.count(Outcome.SERVER_ERROR)).as("typing answered 5xx").isZero();
                soft.assertThat(typing.throttlesInAnotherShape()).as("429s not in the agreed shape: %s",
                        typing.sampleOfAnotherShape()).isZero();
            });
        }
    }

    /**
     * Lynx sends one-byte typing signals as fast as they are answered; support then resumes its long-poll from
     * its own last id and gets what came since, never "no longer kept": typing never enters the notification log.
     */
    @Test
    void tiny_typing_flood_evicts_no_one() {
        try (AttackNode node = AttackNode.start(work, List.of(), List.of())) {
            Cast cast = Cast.on(node);
            Ledger ledger = new Ledger();
            ledger.track(cast.victims(), cast.ocelot().token());
            ApiClient supportPolls = node.client();
            long last = lastId(poll(supportPolls, cast.support(), 0));

            Victim victim = Victim.reading(node, cast);
            Flood.Result typing = Flood.run(node,
                    Flood.Limits.of(6, 24_000, Duration.ofSeconds(30)).stoppingAfterRefusals(2_000),
                    (client, n) -> post(client, cast.lynx(), cast.attacked(), "typing", "."));
            ApiClient.Response after = ledger.record(cast.victims(),
                    post(node.client(), cast.ocelot(), cast.victims(), "message", "After the flood"));
            ApiClient.Response resumed = poll(supportPolls, cast.support(), last);
            Latencies reads = victim.stop();
            Aftermath aftermath = Aftermath.check(node, reads, ledger, "support", cast.victims());

            long afterId = after.result().path("message_id").asLong(-1);
            JsonNode notifications = resumed.result();
            boolean resumedWithTheNews = notifications != null && notifications.isArray()
                    && stream(notifications).anyMatch(n -> n.path("message").path("message").path("id").asLong() == afterId);
            Figures.record("tiny-typing", "typing of 1 byte " + typing.summary(),
                    "support resumed from " + last + ": " + (resumed.error() != null
                            ? "refused " + resumed.error().path("data").path("field").asText() + " (" + resumed.error().path("data").path("message").asText() + ")"
                            : (notifications == null ? 0 : notifications.size()) + " notifications, the news " + (resumedWithTheNews ? "in" : "missing")),
                    aftermath.summary());
            assertSoftly(soft -> {
                aftermath.assertSurvived(soft);
                soft.assertThat(resumed.error()).as("support's resume from its own last id is refused").isNull();
                soft.assertThat(resumedWithTheNews).as("support's resume answers the message posted after the flood: %s",
                        resumed.raw().body()).isTrue();
                soft.assertThat(typing.count(Outcome.SERVER_ERROR)).as("typing answered 5xx").isZero();
                soft.assertThat(typing.throttlesInAnotherShape()).as("429s not in the agreed shape: %s",
                        typing.sampleOfAnotherShape()).isZero();
            });
        }
    }

    /** Lynx posts short messages as fast as they are answered: its post budget refuses the rest, and nothing acknowledged is lost. */
    @Test
    void post_flood() {
        try (AttackNode node = AttackNode.start(work, List.of(), List.of())) {
            Cast cast = Cast.on(node);
            Ledger ledger = new Ledger();
            ledger.track(cast.attacked(), cast.lynx().token());

            Victim victim = Victim.reading(node, cast);
            Flood.Result posts = Flood.run(node, Flood.Limits.of(8, 6_000, Duration.ofSeconds(15)),
                    (client, n) -> ledger.record(cast.attacked(), post(client, cast.lynx(), cast.attacked(), "message", "flood " + n)));
            Latencies reads = victim.stop();
            Aftermath after = Aftermath.check(node, reads, ledger, "support", cast.victims());

            Figures.record("post-flood", "posts " + posts.summary(), "acknowledged=" + ledger.size(), after.summary());
            assertSoftly(soft -> {
                after.assertSurvived(soft);
                soft.assertThat(posts.count(Outcome.THROTTLED)).as("posts refused with 429").isPositive();
                soft.assertThat(posts.throttlesInAnotherShape()).as("429s not in the agreed shape: %s",
                        posts.sampleOfAnotherShape()).isZero();
                soft.assertThat(posts.count(Outcome.SERVER_ERROR)).as("posts answered 5xx").isZero();
            });
        }
    }

    /**
     * Lynx opens a new document session with ocelot per request, as fast as they are answered: its budget for new
     * sessions refuses the rest, and ocelot's unpaged listing stays small.
     */
    @Test
    void session_flood() {
        try (AttackNode node = AttackNode.start(work, List.of(), List.of())) {
            Cast cast = Cast.on(node);
            Ledger ledger = new Ledger();

            Victim victim = Victim.reading(node, cast.ocelot().token(),
                    List.of(Victim.Read.sessions(), Victim.Read.history(cast.victims())));
            Flood.Result sessions = Flood.run(node, Flood.Limits.of(4, 4_000, Duration.ofSeconds(15)),
                    (client, n) -> client.rpc("/im_chat/api/get_or_create_session",
                            Map.of("user_to", cast.ocelot().id(), "doc_model", "attack.document", "doc_id", n + 1),
                            cast.lynx().token()));
            Latencies reads = victim.stop();
            Aftermath after = Aftermath.check(node, reads, ledger, "support", cast.victims());
            ApiClient.Response listing = node.client().rpc("/im_chat/api/get_sessions", Map.of(), cast.ocelot().token());
            int listed = listing.result().size();

            Figures.record("session-flood", "new sessions " + sessions.summary(),
                    "ocelot's get_sessions: " + listed + " sessions, " + (listing.raw().body().length() >> 10) + " KB",
                    after.summary());
            assertSoftly(soft -> {
                after.assertSurvived(soft);
                soft.assertThat(sessions.count(Outcome.THROTTLED)).as("new sessions refused with 429").isPositive();
                soft.assertThat(sessions.throttlesInAnotherShape()).as("429s not in the agreed shape: %s",
                        sessions.sampleOfAnotherShape()).isZero();
                soft.assertThat(sessions.count(Outcome.SERVER_ERROR)).as("new sessions answered 5xx").isZero();
                soft.assertThat(listed).as("sessions in ocelot's listing").isLessThanOrEqualTo(500);
            });
        }
    }

    /**
     * Lynx toggles distinct reactions on one message as fast as they are answered: past the bound of distinct
     * reactions per user per message (or its reactions budget) it is refused, and the history page stays small.
     */
    @Test
    void reaction_flood() {
        try (AttackNode node = AttackNode.start(work, List.of(), List.of())) {
            Cast cast = Cast.on(node);
            Ledger ledger = new Ledger();
            ledger.track(cast.attacked(), cast.lynx().token());
            long target = ledger.record(cast.attacked(), post(node.client(), cast.lynx(), cast.attacked(), "message",
                    "React to me")).result().get("message_id").asLong();

            Victim victim = Victim.reading(node, cast.ocelot().token(),
                    List.of(Victim.Read.history(cast.attacked()), Victim.Read.sessions()));
            Flood.Result reactions = Flood.run(node, Flood.Limits.of(4, 6_000, Duration.ofSeconds(15)),
                    (client, n) -> client.rpc("/im_chat/api/react", Map.of("message_id", target, "emoji", ":r" + n + ":"),
                            cast.lynx().token()));
            Latencies reads = victim.stop();
            Aftermath after = Aftermath.check(node, reads, ledger, "support", cast.victims());
            ApiClient.Response page = node.client().rpc("/im_chat/api/history",
                    Map.of("uuid", cast.attacked(), "limit", 20), cast.ocelot().token());
            int kept = stream(page.result()).filter(m -> m.path("id").asLong() == target)
                    .mapToInt(m -> m.path("reactions").size()).sum();
            int pageBytes = page.raw().body().getBytes(StandardCharsets.UTF_8).length;

            Figures.record("reaction-flood", "distinct reactions " + reactions.summary(),
                    "kept on the message=" + kept + " history page=" + (pageBytes >> 10) + " KB", after.summary());
            assertSoftly(soft -> {
                after.assertSurvived(soft);
                soft.assertThat(reactions.refused()).as("reactions refused").isPositive();
                soft.assertThat(reactions.count(Outcome.SERVER_ERROR)).as("reactions answered 5xx").isZero();
                soft.assertThat(kept).as("distinct reactions kept on the message").isLessThan(1_000);
                soft.assertThat(pageBytes).as("bytes of a history page of 20").isLessThan(256 * 1024);
            });
        }
    }

    /**
     * A stranger sends wrong passwords for lynx from one address (X-Forwarded-For through the one trusted proxy,
     * 127.0.0.1); lynx's right password from her own address still signs her in.
     */
    @Test
    void lockout_from_another_address() {
        try (AttackNode node = AttackNode.start(work, List.of("--trusted-proxies", "127.0.0.1"), List.of())) {
            Cast cast = Cast.on(node);
            Ledger ledger = new Ledger();
            ApiClient stranger = node.client();

            Victim victim = Victim.reading(node, cast);
            List<ApiClient.Response> guesses = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                guesses.add(signInFrom(stranger, "lynx", "not-lynx-password-" + i, "10.9.9.9"));
            }
            ApiClient.Response lynx = signInFrom(node.client(), "lynx", node.password("lynx"), "10.7.7.7");
            Latencies reads = victim.stop();
            Aftermath after = Aftermath.check(node, reads, ledger, "support", cast.victims());

            long throttled = guesses.stream().filter(g -> g.status() == 429).count();
            Figures.record("lockout", "wrong passwords from 10.9.9.9: " + guesses.size() + " sent, " + throttled
                            + " answered 429 too_many_attempts",
                    "lynx's right password from 10.7.7.7: " + lynx.status()
                            + (lynx.error() != null ? " " + lynx.error().path("data").path("name").asText() : ""),
                    after.summary());
            assertSoftly(soft -> {
                after.assertSurvived(soft);
                soft.assertThat(lynx.status()).as("lynx's sign-in from her own address: %s", lynx.raw().body()).isEqualTo(200);
                soft.assertThat(lynx.status() == 200 && lynx.result().hasNonNull("session_id"))
                        .as("lynx got a session").isTrue();
                soft.assertThat(guesses.stream().filter(g -> g.status() == 429)
                        .allMatch(g -> "too_many_attempts".equals(g.error().path("data").path("name").asText())))
                        .as("the stranger's address is refused with too_many_attempts").isTrue();
                soft.assertThat(throttled).as("guesses from the stranger's address refused").isPositive();
            });
        }
    }

    /**
     * Another site's page posts lynx's credentials as a {@code text/plain} form: refused with 403 and no cookie,
     * while the same request from the server's own origin signs in.
     */
    @Test
    void cross_site_sign_in() {
        try (AttackNode node = AttackNode.start(work, List.of(), List.of())) {
            Cast cast = Cast.on(node);
            Ledger ledger = new Ledger();
            RawHttp raw = new RawHttp(node.port());
            String credentials = "{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{\"login\":\"lynx\",\"password\":\""
                    + node.password("lynx") + "\"},\"id\":1}";

            Victim victim = Victim.reading(node, cast);
            RawHttp.Response forged = signInAsPlainText(raw, node.port(), "https://evil.example", credentials);
            RawHttp.Response own = signInAsPlainText(raw, node.port(), "http://127.0.0.1:" + node.port(), credentials);
            Latencies reads = victim.stop();
            Aftermath after = Aftermath.check(node, reads, ledger, "support", cast.victims());

            Figures.record("cross-site-sign-in", "from https://evil.example: " + forged.status() + " cookie="
                            + (forged.header("Set-Cookie") != null),
                    "from its own origin: " + own.status() + " cookie=" + (own.header("Set-Cookie") != null), after.summary());
            assertSoftly(soft -> {
                after.assertSurvived(soft);
                soft.assertThat(forged.status()).as("a sign-in from another site: %s", forged.body()).isEqualTo(403);
                soft.assertThat(forged.header("Set-Cookie")).as("the cookie of a sign-in from another site").isNull();
                soft.assertThat(forged.body()).as("the refusal names the foreign origin").contains("foreign_origin");
                soft.assertThat(own.status()).as("the same sign-in from the server's own origin").isEqualTo(200);
                soft.assertThat(own.header("Set-Cookie")).as("its cookie").startsWith("session_id=");
            });
        }
    }

    /** Ocelot posts a {@code meta} message forging the server's own notice: refused on message_type, nothing stored. */
    @Test
    void forged_meta() {
        try (AttackNode node = AttackNode.start(work, List.of(), List.of())) {
            Cast cast = Cast.on(node);
            Ledger ledger = new Ledger();
            ledger.track(cast.attacked(), cast.lynx().token());

            Victim victim = Victim.reading(node, cast);
            ApiClient.Response forged = ledger.record(cast.attacked(), post(node.client(), cast.ocelot(), cast.attacked(),
                    "meta", "Oneiric Ocelot left the conversation."));
            Latencies reads = victim.stop();
            Aftermath after = Aftermath.check(node, reads, ledger, "support", cast.victims());
            JsonNode history = node.client().rpc("/im_chat/api/history", Map.of("uuid", cast.attacked()),
                    cast.lynx().token()).result();
            long metas = stream(history).filter(m -> "meta".equals(m.path("type").asText())).count();

            Figures.record("forged-meta", "answer " + forged.raw().body(), "meta messages in lynx's history=" + metas,
                    after.summary());
            assertSoftly(soft -> {
                after.assertSurvived(soft);
                soft.assertThat(Outcome.of(forged)).as("a member's meta: %s", forged.raw().body()).isEqualTo(Outcome.REFUSED);
                soft.assertThat(forged.result() == null ? null : forged.result().path("field").asText())
                        .as("the refused field").isEqualTo("message_type");
                soft.assertThat(metas).as("meta messages stored").isZero();
            });
        }
    }

    private static ApiClient.Response post(ApiClient client, Party from, String uuid, String type, String content) {
        return client.rpc("/im_chat/post", Map.of("uuid", uuid, "message_type", type, "message_content", content),
                from.token());
    }

    private static ApiClient.Response poll(ApiClient client, Party party, long last) {
        return client.rpc("/longpolling/poll", Map.of("channels", List.of(), "last", last), party.token());
    }

    private static long lastId(ApiClient.Response poll) {
        JsonNode result = poll.result();
        if (result == null || !result.isArray() || result.isEmpty()) {
            throw new IllegalStateException("the first poll answered nothing to resume from: " + poll.raw().body());
        }
        return stream(result).mapToLong(n -> n.path("id").asLong()).max().orElseThrow();
    }

    private static ApiClient.Response signInFrom(ApiClient client, String login, String password, String address) {
        String body = "{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{\"login\":\"" + login + "\",\"password\":\""
                + password + "\"},\"id\":1}";
        return client.postRaw("/web/session/authenticate", body, Map.of("X-Forwarded-For", address));
    }

    private static RawHttp.Response signInAsPlainText(RawHttp raw, int port, String origin, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return raw.send("POST /web/session/authenticate HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nOrigin: " + origin
                + "\r\nContent-Type: text/plain\r\nContent-Length: " + bytes.length, bytes);
    }

    /** Reads every socket again, all at once: how each was ended (a socket still open waits out the patience). */
    private static List<UnreadWebSocket.Ending> drain(List<UnreadWebSocket> sockets) {
        ExecutorService readers = Executors.newFixedThreadPool(sockets.size());
        try {
            List<CompletableFuture<UnreadWebSocket.Ending>> endings = sockets.stream()
                    .map(socket -> CompletableFuture.supplyAsync(() -> socket.drain(Duration.ofSeconds(3)), readers))
                    .toList();
            return endings.stream().map(CompletableFuture::join).toList();
        } finally {
            readers.shutdownNow();
            sockets.forEach(UnreadWebSocket::close);
        }
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        if (array != null) {
            array.forEach(items::add);
        }
        return items.stream();
    }
}

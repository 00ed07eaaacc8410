package dev.chatserver.bootstrap.im;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.SessionQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Races over real HTTP on the H2 file storage, as the server runs by default. */
class ImConcurrencyTest {
    private ImServer im;

    @BeforeEach
    void start(@TempDir Path dataDir) {
        // the posters post up to 220 messages each as fast as they can while history is paged: past the default budget
        im = new ImServer(List.of("--storage", "h2", "--data-dir", dataDir.toString(), "--demo", "--user-posts", "220/1m"));
    }

    @AfterEach
    void stop() {
        im.close();
    }

    @Test
    void twenty_concurrent_get_or_create_session_calls_answer_one_uuid_and_store_one_session() throws Exception {
        long ocelot = im.id("ocelot");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<String>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return im.im("get_or_create_session", Map.of("user_to", ocelot), im.lynx).get("uuid").asText();
                }));
            }
            start.countDown();
            Set<String> uuids = new HashSet<>();
            for (Future<String> call : calls) {
                uuids.add(call.get());
            }
            assertThat(uuids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(im.server.get(ImSessions.class).sessionsOf(im.user("lynx").id(), SessionQuery.privateSessions())).hasSize(1);
        assertThat(im.im("get_sessions", Map.of(), im.ocelot)).hasSize(1);
    }

    @Test
    void paging_back_through_history_while_others_post_neither_skips_nor_repeats() throws Exception {
        String uuid = im.openSession(im.lynx, "ocelot");
        for (int i = 0; i < 40; i++) {
            im.post(i % 2 == 0 ? im.lynx : im.ocelot, uuid, "before " + i);
        }
        AtomicBoolean reading = new AtomicBoolean(true);
        ExecutorService posters = Executors.newFixedThreadPool(2);
        List<Future<?>> posting = new ArrayList<>();
        for (String token : List.of(im.lynx, im.ocelot)) {
            posting.add(posters.submit(() -> {
                for (int i = 0; reading.get() && i < 200; i++) {
                    im.post(token, uuid, "during " + i);
                }
            }));
        }
        List<Long> seen = new ArrayList<>();
        try {
            JsonNode page = im.im("history", Map.of("uuid", uuid, "limit", 6), im.lynx);
            while (!page.isEmpty()) {
                page.forEach(m -> seen.add(m.get("id").asLong()));
                page = im.im("history", Map.of("uuid", uuid, "limit", 6, "last_ID", seen.get(seen.size() - 1)), im.lynx);
            }
        } finally {
            reading.set(false);
            for (Future<?> f : posting) {
                f.get();
            }
            posters.shutdownNow();
        }
        List<Long> expected = new ArrayList<>();
        JsonNode all = im.im("history", Map.of("uuid", uuid, "limit", 200, "last_ID", seen.get(0) + 1), im.lynx);
        long last = Long.MAX_VALUE;
        while (!all.isEmpty()) {
            for (JsonNode m : all) {
                expected.add(m.get("id").asLong());
                last = m.get("id").asLong();
            }
            all = im.im("history", Map.of("uuid", uuid, "limit", 200, "last_ID", last), im.lynx);
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(40);
    }
}

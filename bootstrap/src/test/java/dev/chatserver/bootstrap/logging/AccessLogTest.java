package dev.chatserver.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The access log: one line per request unless {@code --access-log off}; /metrics counts requests either way. */
class AccessLogTest {
    private final Logger requests = (Logger) LoggerFactory.getLogger("http.request");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    private Level levelBefore;

    /** At INFO into this test's list only (the tests' own configuration logs warnings and up). */
    @BeforeEach
    void listen() {
        levelBefore = requests.getLevel();
        requests.setLevel(Level.INFO);
        requests.setAdditive(false);
        lines.start();
        requests.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        requests.detachAppender(lines);
        requests.setAdditive(true);
        requests.setLevel(levelBefore);
    }

    @Test
    void each_request_is_a_line_by_default() throws InterruptedException {
        try (RunningServer server = RunningServer.start(List.of("--storage", "memory"))) {
            assertThat(server.client().get("/healthz", Map.of()).status()).isEqualTo(200);
            for (int attempt = 0; attempt < 50 && lines.list.isEmpty(); attempt++) {
                Thread.sleep(100); // the line is written once the answer is, on the request's thread
            }

            assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(line -> assertThat(line).startsWith("GET /healthz 200 "));
        }
    }

    @Test
    void access_log_off_writes_no_line_and_the_metrics_still_count_the_request() throws InterruptedException {
        try (RunningServer server = RunningServer.start(List.of("--storage", "memory", "--access-log", "off"))) {
            assertThat(server.client().get("/healthz", Map.of()).status()).isEqualTo(200);

            assertThat(healthzCounted(server)).as("/metrics counts the request").isTrue();
            assertThat(lines.list).isEmpty();
        }
    }

    private static boolean healthzCounted(RunningServer server) throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            String metrics = server.client().get("/metrics", Map.of()).raw().body();
            if (metrics.lines().anyMatch(line -> line.startsWith("http_server_requests_seconds_count{")
                    && line.contains("\"/healthz\""))) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}

package dev.chatserver.bootstrap.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Logging never waits on a stuck writer: lines that find the queue full are dropped, counted and reported. */
class DroppingAsyncAppenderTest {
    private static final int QUEUE = 8;
    private static final int THREADS = 8;
    private static final int LINES_EACH = 200;

    private final LoggerContext context = new LoggerContext();
    private final CountDownLatch writerStuck = new CountDownLatch(1);
    private final BlockingQueue<String> written = new LinkedBlockingQueue<>();
    private final ExecutorService callers = Executors.newFixedThreadPool(THREADS);

    /** The appender behind the queue: stuck (as a writer that died or blocks) until the test lets it go. */
    private final AppenderBase<ILoggingEvent> stuckWriter = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            try {
                writerStuck.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.add(event.getFormattedMessage());
        }
    };

    @AfterEach
    void stop() {
        writerStuck.countDown();
        callers.shutdownNow();
        context.stop();
    }

    private DroppingAsyncAppender start() {
        context.setMDCAdapter(new LogbackMDCAdapter());
        stuckWriter.setContext(context);
        stuckWriter.start();
        DroppingAsyncAppender async = new DroppingAsyncAppender();
        async.setContext(context);
        async.setQueueSize(QUEUE);
        async.setDiscardingThreshold(0);
        async.setReportEverySeconds(0);
        async.addAppender(stuckWriter);
        async.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(async);
        return async;
    }

    @Test
    void many_threads_logging_into_a_stuck_writer_all_return_and_the_dropped_lines_are_counted() throws Exception {
        DroppingAsyncAppender async = start();
        long droppedBefore = DroppedLogLines.total();
        Logger logger = context.getLogger("requests");

        List<Future<?>> logging = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            logging.add(callers.submit(() -> {
                for (int i = 0; i < LINES_EACH; i++) {
                    logger.info("thread {} line {}", thread, i);
                }
            }));
        }
        for (Future<?> caller : logging) {
            caller.get(60, TimeUnit.SECONDS); // a caller that waited on the full queue would never come back
        }

        int logged = THREADS * LINES_EACH;
        // the writer holds one line, the queue at most QUEUE; a caller racing the last free place may go uncounted
        assertThat(async.dropped()).isBetween((long) logged - QUEUE - 1 - THREADS, (long) logged);
        assertThat(DroppedLogLines.total() - droppedBefore).isEqualTo(async.dropped());

        long droppedByTheFlood = async.dropped();
        writerStuck.countDown();
        // A summary may have slipped into the queue mid-flood, when the writer took its one line and freed a place:
        // it counts what was lost until then. Read on until a summary's total since start covers the whole flood.
        long reportedSinceStart = -1;
        while (reportedSinceStart < droppedByTheFlood) { // each line logged takes one written out, until the summary
            logger.info("after the writer came back");
            String line = written.poll(60, TimeUnit.SECONDS);
            assertThat(line).as("the writer writes again").isNotNull();
            if (line.contains(" log lines dropped")) {
                reportedSinceStart = Long.parseLong(line.substring(line.lastIndexOf('(') + 1, line.indexOf(" since start")));
            }
        }
        assertThat(reportedSinceStart).as("the summary counts the flood's lost lines")
                .isBetween(droppedByTheFlood, async.dropped());
    }

    @Test
    void a_configuration_asking_callers_to_wait_is_overruled() {
        DroppingAsyncAppender async = start();
        async.setNeverBlock(false);

        assertThat(async.isNeverBlock()).isTrue();
    }
}

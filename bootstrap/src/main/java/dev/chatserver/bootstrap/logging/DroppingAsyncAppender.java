package dev.chatserver.bootstrap.logging;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Logback's {@link AsyncAppender} that never makes a caller wait: a line that finds the queue full is dropped
 * and counted, and now and then (at most once per {@code reportEvery}, the next time a line is logged, and when
 * the appender stops) a summary line says how many were dropped. A request thread must never block on logging:
 * if the writing thread is slow, or died (an OutOfMemoryError), waiting callers would hang the whole node.
 *
 * <p>The count is exact while the queue has room and may miss a few lines dropped in the instant it fills
 * (logback hides whether its own offer succeeded); a full queue is always seen, so a lasting loss is counted.
 */
public class DroppingAsyncAppender extends AsyncAppender {
    private static final String FQCN = DroppingAsyncAppender.class.getName();
    private final LongAdder dropped = new LongAdder();
    private final AtomicLong lastReport = new AtomicLong(System.nanoTime());
    private final AtomicLong reported = new AtomicLong();
    private volatile long reportEveryNanos = TimeUnit.MINUTES.toNanos(1);

    public DroppingAsyncAppender() {
        setNeverBlock(true);
    }

    /** Callers never wait, whatever the configuration says. */
    @Override
    public void setNeverBlock(boolean ignored) {
        super.setNeverBlock(true);
    }

    /** How often, at most, a summary of dropped lines is logged, in seconds (default 60; 0: at each line). */
    public void setReportEverySeconds(long seconds) {
        reportEveryNanos = TimeUnit.SECONDS.toNanos(Math.max(0, seconds));
    }

    /** Lines this appender dropped since it was made. */
    public long dropped() {
        return dropped.sum();
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (isStarted() && (getRemainingCapacity() == 0
                || (isQueueBelowDiscardingThreshold() && isDiscardable(event)))) {
            dropped.increment();
            DroppedLogLines.add();
        } else {
            super.append(event);
        }
        reportNowAndThen();
    }

    @Override
    public void stop() {
        if (isStarted()) {
            report();
        }
        super.stop();
    }

    private void reportNowAndThen() {
        long last = lastReport.get();
        long now = System.nanoTime();
        if (now - last >= reportEveryNanos && lastReport.compareAndSet(last, now)) {
            report();
        }
    }

    /** Logs how many lines were dropped since the last summary, if any and if the queue has room for it. */
    private void report() {
        long total = dropped.sum();
        long before = reported.get();
        if (total == before || getRemainingCapacity() == 0 || !reported.compareAndSet(before, total)) {
            return;
        }
        Logger logger = ((LoggerContext) getContext()).getLogger(DroppingAsyncAppender.class);
        super.append(new LoggingEvent(FQCN, logger, Level.WARN,
                "{} log lines dropped: the log could not keep up ({} since start)", null,
                new Object[]{total - before, total}));
    }
}

package dev.chatserver.bootstrap;

import dev.chatserver.application.notify.AwayDigests;
import dev.chatserver.application.notify.MailOutbox;
import dev.chatserver.bootstrap.system.SmtpMailSender;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * With email on, every {@code --email-every} this node queues the digests owed and sends the queue, on a thread of
 * its own (a slow mail server holds up nothing else). Every node does both: the queue keeps each digest once and
 * hands each mail to one sender.
 */
final class MailSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(MailSchedule.class);

    private final Optional<ScheduledExecutorService> timer;

    @Inject
    MailSchedule(Optional<SmtpMailSender> smtp, AwayDigests digests, MailOutbox outbox, ChatOptions options) {
        if (smtp.isEmpty()) {
            timer = Optional.empty();
            return;
        }
        long every = Math.max(1, options.get(ServerFlags.EMAIL_EVERY).toMillis());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mail");
            thread.setDaemon(true);
            return thread;
        });
        timer = Optional.of(scheduler);
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                digests.queueOwed();
                outbox.sendDue();
            } catch (RuntimeException failure) {
                LOG.error("queueing or sending the away-from-chat emails failed", failure);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /** Stops the timer, before the storage closes; a send under way ends with its lease. */
    void stop() {
        timer.ifPresent(ScheduledExecutorService::shutdownNow);
    }
}

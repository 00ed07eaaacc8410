package dev.chatserver.bootstrap;

import dev.chatserver.application.attachment.AttachmentErasure;
import dev.chatserver.application.attachment.AttachmentSettings;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Removes uploads never posted once they are older than {@code --unposted-attachment-ttl}: every tenth of it, at most hourly. */
final class UnpostedUploadSweep {
    private static final Logger LOG = LoggerFactory.getLogger(UnpostedUploadSweep.class);

    @Inject
    UnpostedUploadSweep(ScheduledExecutorService scheduler, AttachmentErasure erasure, AttachmentSettings settings) {
        long every = interval(settings).toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                int removed = erasure.removeUnposted();
                if (removed > 0) {
                    LOG.info("removed {} uploads never posted", removed);
                }
            } catch (RuntimeException failure) {
                LOG.error("removing uploads never posted failed", failure);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    static Duration interval(AttachmentSettings settings) {
        Duration tenth = settings.unpostedKept().dividedBy(10);
        Duration hour = Duration.ofHours(1);
        return tenth.compareTo(hour) > 0 ? hour : tenth.isZero() ? Duration.ofMillis(1) : tenth;
    }
}

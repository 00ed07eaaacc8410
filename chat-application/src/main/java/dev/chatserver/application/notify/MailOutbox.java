package dev.chatserver.application.notify;

import dev.chatserver.application.port.out.MailQueue;
import dev.chatserver.application.port.out.MailSender;
import dev.chatserver.application.port.out.Meters;
import dev.chatserver.application.port.out.QueuedMail;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Sends what the queue holds: each due mail claimed under a lease (so one node sends it), marked sent once the mail
 * server took it; a failure is tried again after a backoff that doubles, and given up after the configured number
 * of attempts. A node that dies between sending and marking lets its lease run out, and the mail is sent again by
 * another: at least once, never twice otherwise.
 */
public final class MailOutbox {
    private static final int BATCH = 50;

    private final Clock clock;
    private final EmailSettings settings;
    private final MailQueue queue;
    private final MailSender sender;
    private final Meters meters;

    @Inject
    public MailOutbox(Clock clock, EmailSettings settings, MailQueue queue, MailSender sender, Meters meters) {
        this.clock = clock;
        this.settings = settings;
        this.queue = queue;
        this.sender = sender;
        this.meters = meters;
    }

    /** Sends every mail due now, a batch at a time; answers how many were sent. */
    public int sendDue() {
        int sent = 0;
        while (true) {
            List<QueuedMail> batch = queue.claim(clock.instant(), settings.lease(), BATCH);
            boolean anyFailed = false;
            for (QueuedMail mail : batch) {
                if (send(mail)) {
                    sent++;
                } else {
                    anyFailed = true;
                }
            }
            // a failure most likely means the mail server is down: the rest waits for the next round
            if (batch.size() < BATCH || anyFailed) {
                return sent;
            }
        }
    }

    private boolean send(QueuedMail mail) {
        try {
            sender.send(new MailSender.Mail(mail.draft().to(), mail.draft().subject(), mail.draft().text(),
                    mail.draft().html()));
        } catch (MailSender.NotSent failure) {
            Instant now = clock.instant();
            int failed = mail.failedAttempts() + 1;
            if (failed >= settings.attempts()) {
                queue.gaveUp(mail.id(), now);
                meters.mailGivenUp();
            } else {
                queue.failed(mail.id(), now.plus(settings.retryAfter(failed)));
                meters.mailFailed();
            }
            return false;
        }
        queue.sent(mail.id(), clock.instant());
        meters.mailSent();
        return true;
    }
}

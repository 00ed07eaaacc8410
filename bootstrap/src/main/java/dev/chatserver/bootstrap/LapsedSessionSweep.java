package dev.chatserver.bootstrap;

import dev.chatserver.application.account.SignInPolicy;
import dev.chatserver.application.port.in.realtime.EndConnections;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every token trust window (each second when the trust is zero), ends this node's connections whose token was
 * signed out on another node or expired: an open connection then outlives its token no longer than a request
 * on a node that still trusts it.
 */
final class LapsedSessionSweep {
    private static final Logger LOG = LoggerFactory.getLogger(LapsedSessionSweep.class);
    private static final Duration WITHOUT_TRUST = Duration.ofSeconds(1);

    @Inject
    LapsedSessionSweep(ScheduledExecutorService scheduler, EndConnections connections, SignInPolicy policy) {
        long every = interval(policy).toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                connections.endLapsedSessions();
            } catch (RuntimeException failure) {
                LOG.error("looking for signed-out or expired tokens of open connections failed", failure);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    static Duration interval(SignInPolicy policy) {
        return policy.verifiedTokenTrust().isZero() ? WITHOUT_TRUST : policy.verifiedTokenTrust();
    }
}

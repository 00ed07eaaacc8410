package dev.chatserver.application.realtime;

import dev.chatserver.application.port.in.realtime.ConnectionLimits;
import dev.chatserver.application.port.in.realtime.FeedSink;
import dev.chatserver.application.port.in.realtime.Listener;
import dev.chatserver.application.port.in.realtime.Poll;
import dev.chatserver.application.port.in.realtime.RealtimeSettings;
import dev.chatserver.application.port.in.realtime.SubscribeCommand;
import dev.chatserver.application.port.out.Meters;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.LogRead;
import dev.chatserver.application.port.out.notification.Notification;
import dev.chatserver.domain.problem.Unauthenticated;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Long-polls: answered at once from the log when something is there, otherwise held (no thread waits) as a
 * subscriber of the dispatcher until the first batch or the poll timeout, then unregistered.
 */
public final class PollService implements Poll {
    private final ChannelRegistry registry;
    private final NotificationDispatcher dispatcher;
    private final CatchUp catchUp;
    private final SubscriptionPolicy policy;
    private final ListenerPresence presence;
    private final RealtimeSettings settings;
    private final ScheduledExecutorService scheduler;
    private final OpenConnections connections;
    private final ConnectionLimits limits;
    private final Meters meters;
    /** Set once the server stops: a poll that arrives after that is answered at once, never held. */
    private boolean released;

    @Inject
    public PollService(ChannelRegistry registry, NotificationDispatcher dispatcher, CatchUp catchUp,
                       SubscriptionPolicy policy, ListenerPresence presence, RealtimeSettings settings,
                       ScheduledExecutorService scheduler, OpenConnections connections, ConnectionLimits limits,
                       Meters meters) {
        this.meters = meters;
        this.registry = registry;
        this.dispatcher = dispatcher;
        this.catchUp = catchUp;
        this.policy = policy;
        this.presence = presence;
        this.settings = settings;
        this.scheduler = scheduler;
        this.connections = connections;
        this.limits = limits;
    }

    @Override
    public CompletableFuture<LogRead> poll(Listener listener, SubscribeCommand command) {
        limits.requireChannelsWithin(command.channels());
        Set<Channel> channels = policy.permitted(listener, command.channels());
        presence.polled(listener);
        CompletableFuture<LogRead> answer = new CompletableFuture<>();
        // read outside the registry's lock, as a live feed's catch-up is (CatchUp)
        long covered = catchUp.head();
        LogRead ready = catchUp.first(channels, command.last());
        for (int overtaken = 0; ; overtaken++) {
            synchronized (registry) {
                if (overtaken > CatchUp.MAX_OVERTAKEN && dispatcher.cursor() > covered) {
                    // under a flood the dispatcher may keep passing the reads: the last one holds it back
                    long from = Math.max(command.last(), covered);
                    covered = catchUp.head();
                    ready = catchUp.after(channels, from);
                }
                if (released || ready.expired() || !ready.notifications().isEmpty() || channels.isEmpty()) {
                    if (!ready.notifications().isEmpty()) {
                        meters.notificationsDelivered(ready.notifications().size());
                    }
                    return CompletableFuture.completedFuture(ready);
                }
                if (dispatcher.cursor() <= covered) {
                    Subscriber waiter = new Subscriber(listener, new AnswerSink(answer), true, meters);
                    waiter.lastSent = command.last();
                    connections.holdPoll(waiter);
                    dispatcher.admit(waiter, channels, covered);
                    answer.whenComplete((read, failure) -> {
                        synchronized (registry) {
                            registry.unregister(waiter);
                        }
                        connections.remove(waiter);
                    });
                    break;
                }
            }
            // the dispatcher handed out notifications past what was read, with this poll not yet waiting
            long from = Math.max(command.last(), covered);
            covered = catchUp.head();
            ready = catchUp.after(channels, from);
        }
        ScheduledFuture<?> timeout = scheduler.schedule(
                () -> answer.complete(LogRead.of(List.of())), settings.pollTimeout().toMillis(), TimeUnit.MILLISECONDS);
        answer.whenComplete((read, failure) -> {
            timeout.cancel(false);
            if (failure == null) {
                presence.polled(listener);
            }
        });
        return answer;
    }

    @Override
    public void releaseHeld() {
        List<Subscriber> waiters;
        synchronized (registry) {
            released = true;
            waiters = registry.heldPolls();
        }
        waiters.forEach(waiter -> waiter.sink.deliver(List.of()));
    }

    /** A held long-poll's answer: the first batch, or the news that its id expired. */
    private record AnswerSink(CompletableFuture<LogRead> answer) implements FeedSink {
        @Override
        public void deliver(List<Notification> batch) {
            answer.complete(LogRead.of(batch));
        }

        @Override
        public void expired(long last) {
            answer.complete(LogRead.expiredRead());
        }

        @Override
        public boolean hasRoom() {
            return true;
        }

        @Override
        public void sessionEnded() {
            answer.completeExceptionally(new Unauthenticated(EndConnectionsService.SESSION_ENDED));
        }
    }
}

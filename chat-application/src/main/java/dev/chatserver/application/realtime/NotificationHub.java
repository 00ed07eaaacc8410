package dev.chatserver.application.realtime;

import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.LogRead;
import dev.chatserver.application.port.out.notification.Notification;
import dev.chatserver.application.port.in.presence.TrackPresence;
import dev.chatserver.application.port.in.realtime.Feed;
import dev.chatserver.application.port.in.realtime.FeedSink;
import dev.chatserver.application.port.in.realtime.Listener;
import dev.chatserver.application.port.in.realtime.OpenFeed;
import dev.chatserver.application.port.in.realtime.Poll;
import dev.chatserver.application.port.in.realtime.SubscribeCommand;
import dev.chatserver.application.port.out.NotificationLog;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers the notification log to whoever listens: live feeds (WebSockets) and held long-polls.
 *
 * <p>One dispatcher on the scheduler's thread reads what was appended since its cursor and hands each
 * subscriber what is on its channels, off the publisher's request path. A new subscription first catches up
 * from the log under the same lock, and every subscriber remembers the last id it was handed, so a
 * notification reaches it exactly once and in order, whichever of catch-up and dispatch saw it first.
 */
public final class NotificationHub implements OpenFeed, Poll {
    private final NotificationLog log;
    private final SubscriptionPolicy policy;
    private final TrackPresence presence;
    private final RealtimeSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    private final Object lock = new Object();
    private final Map<Channel, Set<Subscriber>> byChannel = new HashMap<>();
    private final AtomicBoolean dispatchScheduled = new AtomicBoolean();
    private long cursor;

    @Inject
    public NotificationHub(NotificationLog log, SubscriptionPolicy policy, TrackPresence presence,
                           RealtimeSettings settings, Clock clock, ScheduledExecutorService scheduler) {
        this.log = log;
        this.policy = policy;
        this.presence = presence;
        this.settings = settings;
        this.clock = clock;
        this.scheduler = scheduler;
        this.cursor = log.lastId();
        log.onAppend(this::wake);
    }

    @Override
    public Feed open(Listener listener, FeedSink sink) {
        listener.user().ifPresent(presence::connected);
        return new LiveFeed(new Subscriber(listener, sink));
    }

    @Override
    public CompletableFuture<LogRead> poll(Listener listener, SubscribeCommand command) {
        Set<Channel> channels = policy.permitted(listener, command.channels());
        listener.user().ifPresent(presence::polled);
        CompletableFuture<LogRead> answer = new CompletableFuture<>();
        synchronized (lock) {
            long head = log.lastId();
            LogRead ready = catchUp(channels, command.last(), settings.readBatch());
            if (ready.expired() || !ready.notifications().isEmpty() || channels.isEmpty()) {
                return CompletableFuture.completedFuture(ready);
            }
            Subscriber waiter = new Subscriber(listener, new PollSink(answer));
            waiter.lastSent = command.last();
            listen(waiter, channels, head);
        }
        ScheduledFuture<?> timeout = scheduler.schedule(
                () -> answer.complete(LogRead.of(List.of())), settings.pollTimeout().toMillis(), TimeUnit.MILLISECONDS);
        answer.whenComplete((read, failure) -> {
            timeout.cancel(false);
            listener.user().ifPresent(presence::polled);
        });
        return answer;
    }

    /** Delivers whatever the log holds beyond the cursor now; the scheduler calls it after every append. */
    public void dispatch() {
        dispatchScheduled.set(false);
        synchronized (lock) {
            while (true) {
                if (byChannel.isEmpty()) {
                    cursor = log.lastId();
                    return;
                }
                LogRead read = log.readAfter(cursor, Set.copyOf(byChannel.keySet()), settings.readBatch());
                if (read.expired()) {
                    skipLostNotifications();
                    return;
                }
                handOut(read.notifications());
                cursor = read.lastIdOr(cursor);
                if (read.notifications().size() < settings.readBatch()) {
                    return;
                }
            }
        }
    }

    @Override
    public void releaseHeld() {
        List<Subscriber> waiters = new ArrayList<>();
        synchronized (lock) {
            byChannel.values().forEach(subscribers -> subscribers.stream()
                    .filter(s -> s.sink instanceof PollSink).forEach(waiters::add));
        }
        waiters.forEach(waiter -> waiter.sink.deliver(List.of()));
    }

    private void wake() {
        if (dispatchScheduled.compareAndSet(false, true)) {
            try {
                scheduler.execute(this::dispatch);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                // the server is stopping: nobody is left to deliver to
                dispatchScheduled.set(false);
            }
        }
    }

    private void handOut(List<Notification> notifications) {
        Map<Subscriber, List<Notification>> batches = new LinkedHashMap<>();
        for (Notification notification : notifications) {
            for (Subscriber subscriber : byChannel.getOrDefault(notification.channel(), Set.of())) {
                if (!subscriber.catchingUp && notification.id() > subscriber.lastSent) {
                    batches.computeIfAbsent(subscriber, s -> new ArrayList<>()).add(notification);
                }
            }
        }
        batches.forEach(this::handTo);
    }

    private void handTo(Subscriber subscriber, List<Notification> batch) {
        if (subscriber.closed) {
            return;
        }
        subscriber.lastSent = batch.get(batch.size() - 1).id();
        try {
            subscriber.sink.deliver(batch);
        } catch (RuntimeException brokenSink) {
            // a connection that cannot take its batch gets no more; the others must not pay for it
            subscriber.closed = true;
            forget(subscriber);
        }
    }

    /** The dispatcher fell further behind than the retention: everyone may have missed something. */
    private void skipLostNotifications() {
        long resumedFrom = cursor;
        cursor = log.lastId();
        Set<Subscriber> everyone = new LinkedHashSet<>();
        byChannel.values().forEach(everyone::addAll);
        for (Subscriber subscriber : everyone) {
            subscriber.lastSent = cursor;
            subscriber.sink.expired(resumedFrom);
        }
    }

    /**
     * Hands the subscriber the log after its last id, a batch at a time while its sink has room; once a read
     * comes back short it has reached the present and the dispatcher takes over. {@code ready} is a batch
     * already read, or null.
     */
    private void continueCatchUp(Subscriber subscriber, LogRead ready) {
        LogRead read = ready;
        while (!subscriber.closed) {
            if (read == null) {
                if (!subscriber.sink.hasRoom()) {
                    return;
                }
                read = log.readAfter(subscriber.lastSent, subscriber.channels, settings.readBatch());
                if (read.expired()) {
                    // the retention overtook a paused catch-up
                    long resumedFrom = subscriber.lastSent;
                    subscriber.catchingUp = false;
                    subscriber.lastSent = log.lastId();
                    subscriber.sink.expired(resumedFrom);
                    return;
                }
            }
            if (!read.notifications().isEmpty()) {
                handTo(subscriber, read.notifications());
            }
            if (read.notifications().size() < settings.readBatch()) {
                subscriber.catchingUp = false;
                return;
            }
            read = null;
        }
    }

    /** Reads what a new subscription on {@code channels} missed after {@code last}: within the recent window for 0. */
    private LogRead catchUp(Set<Channel> channels, long last, int limit) {
        if (channels.isEmpty()) {
            return LogRead.of(List.of());
        }
        if (last == 0) {
            return log.readSince(clock.instant().minus(settings.pollTimeout()), channels, limit);
        }
        return log.readAfter(last, channels, limit);
    }

    /**
     * Adds the subscriber, whose catch-up read everything up to at least {@code head}. When nobody listened
     * before, the dispatcher's cursor may be far behind: it moves up to {@code head}, since nothing before it
     * is owed to anyone.
     */
    private void listen(Subscriber subscriber, Set<Channel> channels, long head) {
        if (byChannel.isEmpty()) {
            cursor = Math.max(cursor, head);
        }
        subscriber.channels = channels;
        for (Channel channel : channels) {
            byChannel.computeIfAbsent(channel, c -> new LinkedHashSet<>()).add(subscriber);
        }
    }

    private void forget(Subscriber subscriber) {
        for (Channel channel : subscriber.channels) {
            Set<Subscriber> subscribers = byChannel.get(channel);
            if (subscribers != null) {
                subscribers.remove(subscriber);
                if (subscribers.isEmpty()) {
                    byChannel.remove(channel);
                }
            }
        }
        subscriber.channels = Set.of();
    }

    private static final class Subscriber {
        final Listener listener;
        final FeedSink sink;
        Set<Channel> channels = Set.of();
        long lastSent;
        /** Reading the log by itself up to the present: the dispatcher leaves it alone meanwhile. */
        boolean catchingUp;
        boolean closed;

        Subscriber(Listener listener, FeedSink sink) {
            this.listener = listener;
            this.sink = sink;
        }
    }

    /** A held long-poll: answered by the first batch (or the timeout), then it stops listening. */
    private final class PollSink implements FeedSink {
        private final CompletableFuture<LogRead> answer;

        PollSink(CompletableFuture<LogRead> answer) {
            this.answer = answer;
            answer.whenComplete((read, failure) -> stopListening());
        }

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

        private void stopListening() {
            synchronized (lock) {
                byChannel.values().forEach(subscribers -> subscribers.removeIf(s -> s.sink == this));
                byChannel.values().removeIf(Set::isEmpty);
            }
        }
    }

    private final class LiveFeed implements Feed {
        private final Subscriber subscriber;
        /** Closed by its connection; the subscriber may have been dropped before, when its sink broke. */
        private boolean feedClosed;

        LiveFeed(Subscriber subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void subscribe(SubscribeCommand command) {
            Set<Channel> channels = policy.permitted(subscriber.listener, command.channels());
            subscriber.listener.user().ifPresent(user -> presence.inactiveFor(user, Duration.ZERO));
            synchronized (lock) {
                if (subscriber.closed) {
                    return;
                }
                forget(subscriber);
                long head = log.lastId();
                subscriber.lastSent = command.last();
                subscriber.catchingUp = true;
                listen(subscriber, channels, head);
                LogRead first = catchUp(channels, command.last(), settings.readBatch());
                if (first.expired()) {
                    subscriber.catchingUp = false;
                    subscriber.lastSent = 0;
                    subscriber.sink.expired(command.last());
                } else {
                    continueCatchUp(subscriber, first);
                }
            }
        }

        @Override
        public void drained() {
            synchronized (lock) {
                if (subscriber.catchingUp && !subscriber.closed) {
                    continueCatchUp(subscriber, null);
                }
            }
        }

        @Override
        public void reportInactivity(Duration inactivity) {
            subscriber.listener.user().ifPresent(user -> presence.inactiveFor(user, inactivity));
        }

        @Override
        public void close() {
            synchronized (lock) {
                if (feedClosed) {
                    return;
                }
                feedClosed = true;
                subscriber.closed = true;
                forget(subscriber);
            }
            subscriber.listener.user().ifPresent(presence::disconnected);
        }
    }
}

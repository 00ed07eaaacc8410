package dev.chatserver.application.realtime;

import dev.chatserver.application.port.in.realtime.ConnectionLimits;
import dev.chatserver.application.port.in.realtime.Feed;
import dev.chatserver.application.port.in.realtime.FeedSink;
import dev.chatserver.application.port.in.realtime.Listener;
import dev.chatserver.application.port.in.realtime.OpenFeed;
import dev.chatserver.application.port.in.realtime.SubscribeCommand;
import dev.chatserver.application.port.out.Meters;
import dev.chatserver.application.port.out.notification.Channel;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Set;

/**
 * Live feeds (WebSockets): a subscription is checked against the rights, caught up from the log, then left to
 * the dispatcher; the feed's life is the user's connection for presence.
 */
public final class OpenFeedService implements OpenFeed {
    private final ChannelRegistry registry;
    private final NotificationDispatcher dispatcher;
    private final CatchUp catchUp;
    private final SubscriptionPolicy policy;
    private final ListenerPresence presence;
    private final OpenConnections connections;
    private final ConnectionLimits limits;
    private final Meters meters;

    @Inject
    public OpenFeedService(ChannelRegistry registry, NotificationDispatcher dispatcher, CatchUp catchUp,
                           SubscriptionPolicy policy, ListenerPresence presence, OpenConnections connections,
                           ConnectionLimits limits, Meters meters) {
        this.meters = meters;
        this.registry = registry;
        this.dispatcher = dispatcher;
        this.catchUp = catchUp;
        this.policy = policy;
        this.presence = presence;
        this.connections = connections;
        this.limits = limits;
    }

    @Override
    public Feed open(Listener listener, FeedSink sink) {
        Subscriber subscriber = new Subscriber(listener, sink, false, meters);
        connections.openFeed(subscriber);
        presence.connected(listener);
        return new LiveFeed(subscriber);
    }

    private final class LiveFeed implements Feed {
        private final Subscriber subscriber;
        /** Closed by its connection; the subscriber may have been dropped before, when its sink broke. */
        private boolean closed;

        LiveFeed(Subscriber subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void subscribe(SubscribeCommand command) {
            limits.requireChannelsWithin(command.channels());
            Set<Channel> channels = policy.permitted(subscriber.listener, command.channels());
            presence.inactiveFor(subscriber.listener, Duration.ZERO);
            long covered = catchUp.head();
            long subscription;
            synchronized (registry) {
                if (subscriber.dropped) {
                    return;
                }
                registry.unregister(subscriber);
                subscriber.lastSent = command.last();
                subscriber.catchingUp = true;
                subscription = ++subscriber.subscription;
                subscriber.catchUpOf = subscription;
                dispatcher.admit(subscriber, channels, covered);
            }
            catchUp.follow(subscriber, subscription, covered, catchUp.first(channels, command.last()));
        }

        @Override
        public void drained() {
            catchUp.resume(subscriber);
        }

        @Override
        public void reportInactivity(Duration inactivity) {
            presence.inactiveFor(subscriber.listener, inactivity);
        }

        @Override
        public void close() {
            synchronized (registry) {
                if (closed) {
                    return;
                }
                closed = true;
                subscriber.dropped = true;
                registry.unregister(subscriber);
            }
            connections.remove(subscriber);
            presence.disconnected(subscriber.listener);
        }
    }
}

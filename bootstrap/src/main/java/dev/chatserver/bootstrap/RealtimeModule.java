package dev.chatserver.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.realtime.PollDialect;
import dev.chatserver.adapter.http.realtime.OdooWebSockets;
import dev.chatserver.adapter.http.realtime.OutboundBudget;
import dev.chatserver.adapter.http.realtime.RealtimeRoutes;
import dev.chatserver.adapter.http.realtime.UnversionedWebSocket;
import dev.chatserver.application.account.FindPartnersService;
import dev.chatserver.application.port.in.account.FindPartners;
import dev.chatserver.application.port.out.notification.NotificationRetention;
import dev.chatserver.application.port.out.LiveSignals;
import dev.chatserver.application.port.in.presence.FollowPresence;
import dev.chatserver.application.port.in.presence.ReadPresence;
import dev.chatserver.application.port.in.presence.TrackPresence;
import dev.chatserver.application.port.in.realtime.ByteBounds;
import dev.chatserver.application.port.in.realtime.ConnectionLimits;
import dev.chatserver.application.port.in.realtime.EndConnections;
import dev.chatserver.application.port.in.realtime.OpenFeed;
import dev.chatserver.application.port.in.realtime.Poll;
import dev.chatserver.application.port.in.realtime.SubscribeCommand;
import dev.chatserver.application.port.out.NotificationBus;
import dev.chatserver.application.port.out.NotificationLog;
import dev.chatserver.application.port.out.NotificationStorage;
import dev.chatserver.application.realtime.SubscriptionFacts;
import dev.chatserver.application.presence.NodePresence;
import dev.chatserver.application.presence.PresenceSettings;
import dev.chatserver.application.presence.ReadPresenceService;
import dev.chatserver.application.presence.TrackPresenceService;
import dev.chatserver.application.realtime.EndConnectionsService;
import dev.chatserver.application.realtime.OpenFeedService;
import dev.chatserver.application.realtime.PollService;
import dev.chatserver.application.realtime.FollowPresenceService;
import dev.chatserver.application.port.in.realtime.RealtimeSettings;
import dev.chatserver.application.realtime.StoredSubscriptionFacts;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Real-time delivery: the bus the storage registered, the feeds, polls and dispatcher behind it, presence, and the
 * WebSocket and long-polling routes.
 */
final class RealtimeModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(NodePresence.class).in(Scopes.SINGLETON);
        bind(ReadPresence.class).to(ReadPresenceService.class).in(Scopes.SINGLETON);
        bind(TrackPresence.class).to(TrackPresenceService.class).in(Scopes.SINGLETON);
        bind(OpenFeed.class).to(OpenFeedService.class).in(Scopes.SINGLETON);
        bind(Poll.class).to(PollService.class).in(Scopes.SINGLETON);
        bind(SubscriptionFacts.class).to(StoredSubscriptionFacts.class).in(Scopes.SINGLETON);
        bind(FindPartners.class).to(FindPartnersService.class).in(Scopes.SINGLETON);
        bind(FollowPresence.class).to(FollowPresenceService.class).in(Scopes.SINGLETON);
        bind(OdooWebSockets.class).in(Scopes.SINGLETON);
        bind(RealtimeRoutes.class).in(Scopes.SINGLETON);
        bind(OutboundBudget.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), Routes.class).addBinding().to(RealtimeRoutes.class);
        Multibinder.newSetBinder(binder(), PollDialect.class);
        bind(RealtimeTimers.class).asEagerSingleton();
        bind(EndConnections.class).to(EndConnectionsService.class).in(Scopes.SINGLETON);
        bind(LapsedSessionSweep.class).asEagerSingleton();
    }

    @Provides
    @Singleton
    ConnectionLimits connectionLimits(ChatOptions options) {
        return new ConnectionLimits(bound(options, ServerFlags.WS_PER_USER, Integer.MAX_VALUE),
                bound(options, ServerFlags.CHANNELS_PER_SUBSCRIPTION, SubscribeCommand.MAX_CHANNELS),
                bound(options, ServerFlags.HELD_POLLS_PER_USER, Integer.MAX_VALUE));
    }

    private static int bound(ChatOptions options, Flag<Integer> flag, int max) {
        int value = options.get(flag);
        if (value < 1 || value > max) {
            throw new StartupFailure(flag.dashed() + " " + value + ": between 1 and " + max);
        }
        return value;
    }

    @Provides
    @Singleton
    RealtimeSettings realtimeSettings(ChatOptions options) {
        RealtimeSettings defaults = RealtimeSettings.DEFAULT;
        ByteBounds bytes = settings("--ws-queue-bytes, --ws-user-bytes, --ws-node-bytes, --poll-answer-bytes",
                () -> new ByteBounds(
                        options.get(ServerFlags.WS_QUEUE_BYTES),
                        options.get(ServerFlags.WS_USER_BYTES),
                        options.find(ServerFlags.WS_NODE_BYTES).map(Integer::longValue)
                                .orElseGet(() -> ByteBounds.nodeDefault(Runtime.getRuntime().maxMemory())),
                        ByteBounds.FRAME,
                        options.get(ServerFlags.POLL_ANSWER_BYTES)));
        return settings("--poll-timeout, --ws-queue, --ws-ping-interval, --ws-idle-timeout", () -> new RealtimeSettings(
                options.get(ServerFlags.POLL_TIMEOUT),
                defaults.readBatch(),
                options.get(ServerFlags.WS_QUEUE),
                options.get(ServerFlags.WS_PING_INTERVAL),
                options.get(ServerFlags.WS_IDLE_TIMEOUT),
                bytes));
    }

    @Provides
    @Singleton
    UnversionedWebSocket unversionedWebSocket(ChatOptions options) {
        return options.get(ServerFlags.WS_UNVERSIONED);
    }

    @Provides
    @Singleton
    NotificationRetention retention(ChatOptions options) {
        return settings("--bus-retention, --bus-retention-count, --bus-retention-bytes", () -> new NotificationRetention(
                options.get(ServerFlags.BUS_RETENTION),
                options.get(ServerFlags.BUS_RETENTION_COUNT),
                options.get(ServerFlags.BUS_RETENTION_BYTES)));
    }

    @Provides
    @Singleton
    PresenceSettings presenceSettings(ChatOptions options) {
        PresenceSettings defaults = PresenceSettings.DEFAULT;
        Duration sweep = options.get(ServerFlags.PRESENCE_SWEEP);
        if (sweep.isZero() || sweep.isNegative()) {
            throw new StartupFailure("--presence-sweep: must be positive");
        }
        return new PresenceSettings(defaults.pollGrace(), defaults.awayAfter(), sweep);
    }

    /** The bus the storage keeps: shared by the nodes on one PostgreSQL database, or this node's own. */
    @Provides
    @Singleton
    NotificationStorage.Opened bus(NotificationStorage storage, Clock clock, NotificationRetention retention) {
        return storage.open(clock, retention);
    }

    @Provides
    NotificationLog notificationLog(NotificationStorage.Opened bus) {
        return bus.log();
    }

    @Provides
    NotificationBus notificationBus(NotificationStorage.Opened bus) {
        return bus.bus();
    }

    @Provides
    LiveSignals liveSignals(NotificationStorage.Opened bus) {
        return bus.signals();
    }

    /** The dispatcher, long-poll timeouts, pings and sweeps: one daemon thread, off every request's path. */
    @Provides
    @Singleton
    ScheduledExecutorService realtimeScheduler() {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "realtime");
            thread.setDaemon(true);
            return thread;
        });
    }

    private static <T> T settings(String flags, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException invalid) {
            throw new StartupFailure(flags + ": " + invalid.getMessage());
        }
    }

    /** Pushes presence changes that only time causes, and drops notifications past the retention. */
    static final class RealtimeTimers {
        @jakarta.inject.Inject
        RealtimeTimers(ScheduledExecutorService scheduler, TrackPresence presence, NotificationLog log,
                       PresenceSettings settings) {
            long sweep = settings.sweepEvery().toMillis();
            scheduler.scheduleWithFixedDelay(() -> guarded(presence::sweep), sweep, sweep, TimeUnit.MILLISECONDS);
            scheduler.scheduleWithFixedDelay(() -> guarded(log::prune), 60_000, 60_000, TimeUnit.MILLISECONDS);
        }

        private static void guarded(Runnable task) {
            try {
                task.run();
            } catch (RuntimeException failure) {
                org.slf4j.LoggerFactory.getLogger(RealtimeModule.class).error("a real-time timer failed", failure);
            }
        }
    }
}

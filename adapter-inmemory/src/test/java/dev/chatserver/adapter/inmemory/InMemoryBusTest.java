package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.Meters;
import dev.chatserver.application.contract.MutableClock;
import dev.chatserver.application.contract.SampleEvents;
import dev.chatserver.application.port.out.notification.event.DomainEvent;
import dev.chatserver.application.port.out.notification.event.PresenceChanged;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.LogRead;
import dev.chatserver.application.port.out.notification.Notification;
import dev.chatserver.application.port.out.notification.NotificationRetention;
import dev.chatserver.application.port.in.realtime.Feed;
import dev.chatserver.application.port.in.realtime.ConnectionLimits;
import dev.chatserver.application.port.in.realtime.FeedSink;
import dev.chatserver.application.port.in.realtime.Listener;
import dev.chatserver.application.port.in.realtime.SubscribeCommand;
import dev.chatserver.application.port.out.NotificationLog;
import dev.chatserver.adapter.inmemory.InMemoryNotificationLog;
import dev.chatserver.adapter.inmemory.InMemoryPresenceBoard;
import dev.chatserver.application.realtime.SubscriptionFacts;
import dev.chatserver.application.presence.NodePresence;
import dev.chatserver.application.presence.ReadPresenceService;
import dev.chatserver.application.presence.PresenceSettings;
import dev.chatserver.application.presence.TrackPresenceService;
import dev.chatserver.adapter.inmemory.InMemoryNotificationBus;
import dev.chatserver.application.realtime.CatchUp;
import dev.chatserver.application.realtime.ChannelRegistry;
import dev.chatserver.application.realtime.ListenerPresence;
import dev.chatserver.application.realtime.OpenFeedService;
import dev.chatserver.application.realtime.PollService;
import dev.chatserver.application.realtime.NotificationDispatcher;
import dev.chatserver.application.realtime.OpenConnections;
import dev.chatserver.application.port.in.realtime.RealtimeSettings;
import dev.chatserver.application.realtime.SubscriptionPolicy;
import dev.chatserver.application.realtime.SessionAudience;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.presence.ImStatus;
import dev.chatserver.domain.problem.AccessDenied;
import dev.chatserver.domain.problem.InvalidInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bus on one machine, end to end below HTTP: publish, log, dispatch, feeds, polls and presence. */
class InMemoryBusTest {
    private static final UserId LYNX = UserId.of(5);
    private static final UserId OCELOT = UserId.of(6);
    private static final UserId STRANGER = UserId.of(7);
    private static final AccountId TENANT = new AccountId("backend", "usr.example.org");
    private static final String ROOM = "room:91e03d34-1929-4a02-9486-4c3e708686b3";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private InMemoryNotificationLog log;
    private InMemoryNotificationBus bus;
    private InMemorySignals signals;
    private ReadPresenceService presence;
    private TrackPresenceService tracking;
    private NotificationDispatcher dispatcher;
    private OpenFeedService feeds;
    private PollService polls;

    /** Lynx and Ocelot know each other; the backend account is the tenant of the audience "usr.example.org". */
    private final SubscriptionFacts facts = new SubscriptionFacts() {
        @Override
        public Set<UserId> acquaintances(UserId reader, Collection<UserId> subjects) {
            Set<UserId> circle = Set.of(LYNX, OCELOT);
            return circle.contains(reader) ? subjects.stream().filter(circle::contains).collect(Collectors.toSet()) : Set.of();
        }

        @Override
        public boolean isTenantOf(AccountId account, String audience) {
            return account.equals(TENANT) && audience.equals("usr.example.org");
        }

        @Override
        public Set<java.util.UUID> roomsBanning(AccountId account, Collection<java.util.UUID> rooms) {
            return Set.of();
        }

        @Override
        public Set<java.util.UUID> sessionsOf(UserId member) {
            return sessionMembers.entrySet().stream().filter(session -> session.getValue().contains(member))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
        }

        @Override
        public Map<java.util.UUID, Set<UserId>> membersOf(Collection<java.util.UUID> sessions) {
            return sessions.stream().filter(sessionMembers::containsKey)
                    .collect(Collectors.toMap(session -> session, session -> Set.copyOf(sessionMembers.get(session))));
        }
    };
    /** The members of the IM sessions the tests post to, as the facts tell the delivery. */
    private final Map<java.util.UUID, Set<UserId>> sessionMembers = new java.util.concurrent.ConcurrentHashMap<>();

    /** A signed-in user, whose account is {@code <id>.usr.example.org}. */
    private static Listener as(UserId user) {
        return Listener.ofUser(user, new AccountId(String.valueOf(user.value()), "usr.example.org"));
    }

    private void start(NotificationRetention retention, RealtimeSettings settings) {
        log = new InMemoryNotificationLog(clock, retention);
        signals = new InMemorySignals(clock);
        bus = new InMemoryNotificationBus(log, signals, transactions);
        NodePresence node = new NodePresence(clock, PresenceSettings.DEFAULT, bus, new InMemoryPresenceBoard(),
                new InMemoryConnectionSightings(),
                java.util.UUID::randomUUID);
        presence = new ReadPresenceService(node);
        tracking = new TrackPresenceService(node);
        deliverFrom(log, settings);
    }

    /** Real-time delivery on {@code log}, its parts put together as the wiring does. */
    private void deliverFrom(NotificationLog log, RealtimeSettings settings) {
        ChannelRegistry registry = new ChannelRegistry();
        SessionAudience audience = new SessionAudience(facts);
        dispatcher = new NotificationDispatcher(log, signals, registry, settings, scheduler, audience);
        CatchUp catchUp = new CatchUp(log, registry, dispatcher, settings, clock, audience);
        SubscriptionPolicy policy = new SubscriptionPolicy(facts);
        ListenerPresence listening = new ListenerPresence(tracking);
        OpenConnections connections = new OpenConnections(ConnectionLimits.DEFAULT);
        feeds = new OpenFeedService(registry, dispatcher, catchUp, policy, listening, connections, ConnectionLimits.DEFAULT,
                Meters.NONE);
        polls = new PollService(registry, dispatcher, catchUp, policy, listening, settings, scheduler, connections,
                ConnectionLimits.DEFAULT, Meters.NONE);
    }

    private void start() {
        start(NotificationRetention.DEFAULT, RealtimeSettings.DEFAULT);
    }

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    private static final class RecordingSink implements FeedSink {
        final List<Notification> received = new ArrayList<>();
        final List<Long> expired = new ArrayList<>();

        @Override
        public synchronized void deliver(List<Notification> batch) {
            received.addAll(batch);
        }

        @Override
        public synchronized void expired(long last) {
            expired.add(last);
        }

        @Override
        public boolean hasRoom() {
            return true;
        }

        @Override
        public void sessionEnded() {
        }

        /** The numbers of {@link SampleEvents#numbered} events received, in order. */
        synchronized List<Object> numbers() {
            return received.stream().map(n -> (Object) (int) SampleEvents.numberOf(n.event())).toList();
        }

        synchronized List<String> statuses() {
            return received.stream().map(n -> ((PresenceChanged) n.event()).status().wireName()).toList();
        }

        synchronized List<String> channels() {
            return received.stream().map(n -> n.channel().name()).toList();
        }
    }

    private void publish(Channel channel, int n) {
        bus.publish(channel, SampleEvents.numbered(n));
    }

    private static final UserId PANGOLIN = UserId.of(7);

    /** A session of these members, as the facts tell the delivery. */
    private java.util.UUID sessionOf(UserId... members) {
        java.util.UUID session = java.util.UUID.randomUUID();
        sessionMembers.put(session, new java.util.concurrent.CopyOnWriteArraySet<>(List.of(members)));
        return session;
    }

    private RecordingSink following(UserId user, long last) {
        RecordingSink sink = new RecordingSink();
        feeds.open(as(user), sink).subscribe(new SubscribeCommand(List.of("user:" + user.value()), last));
        return sink;
    }

    @Test
    void a_session_notification_is_kept_once_and_each_member_hears_it_on_their_own_channel() {
        start();
        java.util.UUID session = sessionOf(LYNX, OCELOT);
        List<RecordingSink> sinks = List.of(LYNX, OCELOT, PANGOLIN).stream().map(user -> following(user, log.lastId())).toList();
        RecordingSink lynx = sinks.get(0);
        RecordingSink ocelot = sinks.get(1);
        RecordingSink pangolin = sinks.get(2);
        long before = log.lastId();

        publish(Channel.ofSession(session), 1);
        dispatcher.dispatch();

        assertThat(log.lastId() - before).as("one notification for both members").isEqualTo(1);
        assertThat(lynx.numbers()).containsExactly(1);
        assertThat(lynx.channels()).containsExactly("user:5");
        assertThat(ocelot.numbers()).containsExactly(1);
        assertThat(ocelot.channels()).containsExactly("user:6");
        assertThat(pangolin.received).as("no member").isEmpty();
        assertThat(lynx.received.get(0).id()).isEqualTo(ocelot.received.get(0).id());
    }

    @Test
    void a_member_who_goes_hears_nothing_more_of_the_session_even_what_was_kept_before_it_is_delivered() {
        start();
        java.util.UUID session = sessionOf(LYNX, OCELOT);
        RecordingSink lynx = following(LYNX, log.lastId());
        RecordingSink ocelot = following(OCELOT, log.lastId());
        publish(Channel.ofSession(session), 1);
        dispatcher.dispatch();

        // the scheduler's own dispatch after the append waits until ocelot is gone
        java.util.concurrent.CountDownLatch gone = new java.util.concurrent.CountDownLatch(1);
        scheduler.execute(() -> {
            try {
                gone.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        publish(Channel.ofSession(session), 2);
        sessionMembers.get(session).remove(OCELOT);
        gone.countDown();
        dispatcher.dispatch();
        publish(Channel.ofSession(session), 3);
        dispatcher.dispatch();

        assertThat(ocelot.numbers()).containsExactly(1);
        assertThat(lynx.numbers()).containsExactly(1, 2, 3);
        RecordingSink resumed = following(OCELOT, 0);
        assertThat(resumed.received).as("nor on resuming").isEmpty();
        assertThat(polls.poll(as(OCELOT), new SubscribeCommand(List.of("user:6"), 0)).getNow(null))
                .as("a held poll: nothing to answer at once").isNull();
    }

    @Test
    void a_member_who_joins_hears_the_session_from_the_unit_of_work_that_tells_them() {
        start();
        java.util.UUID session = sessionOf(LYNX);
        RecordingSink ocelot = following(OCELOT, log.lastId());
        publish(Channel.ofSession(session), 1);
        dispatcher.dispatch();

        transactions.inTransaction(() -> {
            sessionMembers.get(session).add(OCELOT);
            publish(Channel.ofSession(session), 2);
            bus.publish(Channel.ofUser(OCELOT), SampleEvents.joined(OCELOT, session));
        });
        dispatcher.dispatch();
        publish(Channel.ofSession(session), 3);
        dispatcher.dispatch();

        assertThat(ocelot.received).extracting(n -> n.event().getClass().getSimpleName())
                .containsExactly("MessagePosted", "SessionChanged", "MessagePosted");
        assertThat(ocelot.received).extracting(n -> n.channel().name()).containsOnly("user:6");
        assertThat(ocelot.received.get(0).event()).isEqualTo(SampleEvents.numbered(2));
        assertThat(ocelot.received.get(2).event()).isEqualTo(SampleEvents.numbered(3));
    }

    @Test
    void resuming_is_exact_across_a_users_own_and_session_notifications_on_a_feed_and_a_poll() throws Exception {
        start(NotificationRetention.DEFAULT, new RealtimeSettings(Duration.ofSeconds(50), 3, 256,
                Duration.ofSeconds(25), Duration.ofSeconds(75)));
        java.util.UUID group = sessionOf(LYNX, OCELOT, PANGOLIN);
        java.util.UUID other = sessionOf(OCELOT, PANGOLIN);
        publish(Channel.ofUser(LYNX), 0);
        long seen = log.lastId();
        for (int n = 1; n <= 10; n++) {
            publish(n % 3 == 0 ? Channel.ofUser(LYNX) : Channel.ofSession(group), n);
            publish(Channel.ofSession(other), 100 + n);
        }

        RecordingSink sink = following(LYNX, seen);
        dispatcher.dispatch();
        publish(Channel.ofSession(group), 11);
        dispatcher.dispatch();

        assertThat(sink.numbers()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        long fifth = sink.received.get(4).id();
        LogRead polled = polls.poll(as(LYNX), new SubscribeCommand(List.of("user:5"), fifth)).get(30, TimeUnit.SECONDS);
        assertThat(polled.notifications()).extracting(n -> SampleEvents.numberOf(n.event())).containsExactly(6L, 7L, 8L);
        assertThat(polled.notifications()).extracting(n -> n.channel().name()).containsOnly("user:5");
    }

    @Test
    void a_feed_gets_what_is_published_on_its_channels_once_and_in_order() {
        start();
        RecordingSink sink = new RecordingSink();
        Feed feed = feeds.open(as(LYNX), sink);
        feed.subscribe(new SubscribeCommand(List.of("user:5", ROOM), log.lastId()));

        publish(Channel.ofUser(LYNX), 1);
        publish(Channel.ofUser(OCELOT), 2);
        publish(new Channel(ROOM), 3);
        publish(Channel.ofUser(LYNX), 4);
        dispatcher.dispatch();
        dispatcher.dispatch();

        assertThat(sink.numbers()).containsExactly(1, 3, 4);
    }

    @Test
    void a_notification_published_in_a_unit_of_work_is_delivered_only_once_it_commits() {
        start();
        RecordingSink sink = new RecordingSink();
        feeds.open(as(LYNX), sink).subscribe(new SubscribeCommand(List.of("user:5"), log.lastId()));
        long before = log.lastId();

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            publish(Channel.ofUser(LYNX), 1);
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        transactions.inTransaction(() -> {
            publish(Channel.ofUser(LYNX), 2);
            assertThat(log.lastId()).as("not appended before the commit").isEqualTo(before);
        });
        dispatcher.dispatch();

        assertThat(sink.numbers()).containsExactly(2);
    }

    @Test
    void publishing_returns_before_delivery_which_happens_on_the_dispatcher_thread() throws Exception {
        start();
        RecordingSink sink = new RecordingSink();
        feeds.open(as(LYNX), sink).subscribe(new SubscribeCommand(List.of("user:5"), log.lastId()));
        java.util.concurrent.CountDownLatch dispatcherBusy = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        scheduler.execute(() -> {
            dispatcherBusy.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        dispatcherBusy.await();

        transactions.inTransaction(() -> publish(Channel.ofUser(LYNX), 1));

        assertThat(log.lastId()).as("stored at once").isPositive();
        assertThat(sink.numbers()).as("not delivered on the publisher's thread").isEmpty();
        release.countDown();
        scheduler.submit(() -> { }).get(30, TimeUnit.SECONDS);
        assertThat(sink.numbers()).containsExactly(1);
    }

    @Test
    void resuming_after_missing_ten_notifications_yields_exactly_those_ten() {
        start();
        publish(Channel.ofUser(LYNX), 0);
        long seen = log.lastId();
        for (int n = 1; n <= 10; n++) {
            publish(Channel.ofUser(LYNX), n);
            publish(Channel.ofUser(OCELOT), 100 + n);
        }

        RecordingSink sink = new RecordingSink();
        feeds.open(as(LYNX), sink).subscribe(new SubscribeCommand(List.of("user:5"), seen));
        dispatcher.dispatch();
        publish(Channel.ofUser(LYNX), 11);
        dispatcher.dispatch();

        assertThat(sink.numbers()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    }

    @Test
    void a_catch_up_larger_than_one_batch_arrives_whole_in_batches() {
        start(NotificationRetention.DEFAULT, new RealtimeSettings(Duration.ofSeconds(50), 3, 256,
                Duration.ofSeconds(25), Duration.ofSeconds(75)));
        long seen = log.lastId();
        for (int n = 1; n <= 10; n++) {
            publish(Channel.ofUser(LYNX), n);
        }
        RecordingSink sink = new RecordingSink();

        feeds.open(as(LYNX), sink).subscribe(new SubscribeCommand(List.of("user:5"), seen));

        assertThat(sink.numbers()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void resuming_from_an_id_older_than_the_retention_is_told_so() {
        start(new NotificationRetention(Duration.ofMinutes(10), 5), RealtimeSettings.DEFAULT);
        publish(Channel.ofUser(LYNX), 0);
        long seen = log.lastId();
        for (int n = 1; n <= 10; n++) {
            publish(Channel.ofUser(LYNX), n);
        }
        RecordingSink sink = new RecordingSink();

        feeds.open(as(LYNX), sink).subscribe(new SubscribeCommand(List.of("user:5"), seen));
        publish(Channel.ofUser(LYNX), 11);
        dispatcher.dispatch();

        assertThat(sink.expired).containsExactly(seen);
        assertThat(sink.numbers()).as("live delivery goes on after the warning").containsExactly(11);
    }

    @Test
    void a_forbidden_subscription_is_refused_and_the_previous_one_stays() {
        start();
        RecordingSink sink = new RecordingSink();
        Feed feed = feeds.open(as(STRANGER), sink);
        feed.subscribe(new SubscribeCommand(List.of("user:7"), log.lastId()));

        assertThatThrownBy(() -> feed.subscribe(new SubscribeCommand(List.of("user:7", "user:5"), 0)))
                .isInstanceOf(AccessDenied.class).hasMessageContaining("user:5");
        assertThatThrownBy(() -> feed.subscribe(new SubscribeCommand(List.of("presence:5"), 0)))
                .isInstanceOf(AccessDenied.class).hasMessageContaining("presence:5");
        assertThatThrownBy(() -> feed.subscribe(new SubscribeCommand(List.of("audience:usr.example.org"), 0)))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> feed.subscribe(new SubscribeCommand(List.of("bus:everything"), 0)))
                .isInstanceOf(InvalidInput.class).hasFieldOrPropertyWithValue("field", "channels");
        publish(Channel.ofUser(STRANGER), 1);
        publish(Channel.ofUser(LYNX), 2);
        dispatcher.dispatch();

        assertThat(sink.numbers()).containsExactly(1);
    }

    @Test
    void rights_follow_the_policy_for_every_kind_of_channel() {
        start();
        SubscriptionPolicy policy = new SubscriptionPolicy(facts);

        assertThat(policy.permitted(as(LYNX), List.of("user:5", "presence:6", "presence:5", ROOM))).hasSize(4);
        assertThat(policy.permitted(Listener.ofAccount(TENANT), List.of(ROOM, "audience:usr.example.org"))).hasSize(2);
        assertThatThrownBy(() -> policy.permitted(Listener.ofAccount(TENANT), List.of("presence:5")))
                .as("a backend has no presence circle").isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> policy.permitted(Listener.ofAccount(TENANT), List.of("user:5")))
                .isInstanceOf(AccessDenied.class);
        assertThat(policy.permitted(as(STRANGER), List.of(ROOM.toUpperCase().replace("ROOM", "room"), "presence:7")))
                .as("a room's uuid is read in any case").contains(new Channel(ROOM));
        assertThatThrownBy(() -> policy.permitted(as(OCELOT), List.of("audience:usr.example.org")))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> policy.permitted(as(STRANGER), List.of("presence:6"))).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> policy.permitted(as(LYNX), List.of("room:nope"))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> policy.permitted(as(LYNX), List.of("user:x"))).isInstanceOf(InvalidInput.class);
    }

    @Test
    void a_poll_answers_at_once_when_something_newer_exists() throws Exception {
        start();
        publish(Channel.ofUser(LYNX), 0);
        long seen = log.lastId();
        publish(Channel.ofUser(LYNX), 1);

        CompletableFuture<LogRead> answer = polls.poll(as(LYNX), new SubscribeCommand(List.of("user:5"), seen));

        assertThat(answer).isDone();
        assertThat(answer.get().notifications()).extracting(n -> SampleEvents.numberOf(n.event())).containsExactly(1L);
    }

    @Test
    void a_held_poll_is_answered_by_the_next_notification_on_its_channels() throws Exception {
        start();
        CompletableFuture<LogRead> answer = polls.poll(as(LYNX), new SubscribeCommand(List.of("user:5"), log.lastId()));
        assertThat(answer).isNotDone();

        publish(Channel.ofUser(OCELOT), 1);
        dispatcher.dispatch();
        assertThat(answer).as("another user's notification does not answer it").isNotDone();
        publish(Channel.ofUser(LYNX), 2);
        dispatcher.dispatch();

        assertThat(answer.get(30, TimeUnit.SECONDS).notifications()).extracting(n -> SampleEvents.numberOf(n.event())).containsExactly(2L);
    }

    @Test
    void a_held_poll_answers_nothing_once_the_poll_timeout_passed() throws Exception {
        start(NotificationRetention.DEFAULT, new RealtimeSettings(Duration.ofMillis(50), 500, 256,
                Duration.ofSeconds(25), Duration.ofSeconds(75)));

        LogRead read = polls.poll(as(LYNX), new SubscribeCommand(List.of("user:5"), log.lastId())).get(30, TimeUnit.SECONDS);

        assertThat(read.expired()).isFalse();
        assertThat(read.notifications()).isEmpty();
    }

    @Test
    void a_poll_from_an_expired_id_is_told_so_and_a_forbidden_poll_is_refused() throws Exception {
        start(new NotificationRetention(Duration.ofMinutes(10), 2), RealtimeSettings.DEFAULT);
        publish(Channel.ofUser(LYNX), 0);
        long seen = log.lastId();
        for (int n = 1; n <= 3; n++) {
            publish(Channel.ofUser(LYNX), n);
        }

        assertThat(polls.poll(as(LYNX), new SubscribeCommand(List.of("user:5"), seen)).get().expired()).isTrue();
        assertThatThrownBy(() -> polls.poll(as(STRANGER), new SubscribeCommand(List.of("user:5"), seen)))
                .isInstanceOf(AccessDenied.class);
    }

    @Test
    void presence_goes_online_away_and_offline_as_the_clock_moves() {
        start();
        RecordingSink watcher = new RecordingSink();
        feeds.open(as(OCELOT), watcher).subscribe(new SubscribeCommand(List.of("presence:5"), log.lastId()));
        assertThat(presence.statusOf(LYNX)).isEqualTo(ImStatus.OFFLINE);

        Feed lynx = feeds.open(as(LYNX), new RecordingSink());
        assertThat(presence.statusOf(LYNX)).isEqualTo(ImStatus.ONLINE);

        clock.advance(Duration.ofMinutes(9));
        tracking.sweep();
        assertThat(presence.statusOf(LYNX)).isEqualTo(ImStatus.ONLINE);
        clock.advance(Duration.ofMinutes(1));
        tracking.sweep();
        assertThat(presence.statusOf(LYNX)).isEqualTo(ImStatus.AWAY);

        lynx.reportInactivity(Duration.ZERO);
        assertThat(presence.statusOf(LYNX)).isEqualTo(ImStatus.ONLINE);
        lynx.close();
        assertThat(presence.statusOf(LYNX)).isEqualTo(ImStatus.OFFLINE);
        dispatcher.dispatch();

        assertThat(watcher.statuses()).containsExactly("online", "away", "online", "offline");
        assertThat(watcher.received).extracting(n -> ((PresenceChanged) n.event()).user()).containsOnly(LYNX);
    }

    @Test
    void a_poll_keeps_its_user_online_for_a_minute() {
        start();
        RecordingSink watcher = new RecordingSink();
        feeds.open(as(OCELOT), watcher).subscribe(new SubscribeCommand(List.of("presence:5"), log.lastId()));
        tracking.polled(LYNX);
        assertThat(presence.statusOf(List.of(LYNX, STRANGER)))
                .containsEntry(LYNX, ImStatus.ONLINE).containsEntry(STRANGER, ImStatus.OFFLINE);

        clock.advance(Duration.ofSeconds(59));
        tracking.sweep();
        assertThat(presence.statusOf(LYNX)).isEqualTo(ImStatus.ONLINE);
        clock.advance(Duration.ofSeconds(1));
        tracking.sweep();
        assertThat(presence.statusOf(LYNX)).isEqualTo(ImStatus.OFFLINE);

        dispatcher.dispatch();
        assertThat(watcher.statuses()).containsExactly("online", "offline");
    }

    @Test
    void a_feed_whose_sink_breaks_during_catch_up_stays_unregistered_and_closes() {
        start();
        publish(Channel.ofUser(LYNX), 1);
        List<Set<Channel>> dispatcherReads = new ArrayList<>();
        NotificationLog watched = new WatchedLog(log, dispatcherReads);
        deliverFrom(watched, RealtimeSettings.DEFAULT);
        List<Notification> deliveredAfterBreaking = new ArrayList<>();
        FeedSink breaksOnCatchUp = new FeedSink() {
            private boolean broken;

            @Override
            public void deliver(List<Notification> batch) {
                if (!broken) {
                    broken = true;
                    throw new IllegalStateException("the connection is gone");
                }
                deliveredAfterBreaking.addAll(batch);
            }

            @Override
            public void expired(long last) {
            }

            @Override
            public boolean hasRoom() {
                return true;
            }

            @Override
            public void sessionEnded() {
            }
        };
        Feed feed = feeds.open(as(LYNX), breaksOnCatchUp);
        assertThat(presence.statusOf(LYNX)).isEqualTo(ImStatus.ONLINE);

        feed.subscribe(new SubscribeCommand(List.of("user:5"), 0));
        feed.close();
        publish(Channel.ofUser(LYNX), 2);
        dispatcherReads.clear();
        dispatcher.dispatch();

        assertThat(dispatcherReads).as("nobody is left listening, so the dispatcher reads nothing").isEmpty();
        assertThat(deliveredAfterBreaking).as("nothing is delivered to a broken, closed feed").isEmpty();
        assertThat(presence.statusOf(LYNX)).as("closing the feed ends its connection").isEqualTo(ImStatus.OFFLINE);
    }

    @Test
    void a_notification_dispatched_while_a_subscription_reads_its_catch_up_reaches_it_once() {
        start();
        long last = log.lastId();
        publish(Channel.ofUser(LYNX), 1);
        OvertakenLog overtaken = new OvertakenLog(log, () -> {
            publish(Channel.ofUser(LYNX), 2);
            dispatcher.dispatch();
        });
        deliverFrom(overtaken, RealtimeSettings.DEFAULT);
        RecordingSink sink = new RecordingSink();
        Feed feed = feeds.open(as(LYNX), sink);

        overtaken.overtakeNextRead();
        feed.subscribe(new SubscribeCommand(List.of("user:5"), last));
        publish(Channel.ofUser(LYNX), 3);
        dispatcher.dispatch();

        assertThat(overtaken.overtook()).as("the dispatcher ran during the catch-up's read").isTrue();
        assertThat(sink.numbers()).containsExactly(1, 2, 3);
    }

    @Test
    void a_poll_whose_read_the_dispatcher_overtook_reads_on_rather_than_wait() {
        start();
        long last = log.lastId();
        OvertakenLog overtaken = new OvertakenLog(log, () -> {
            publish(Channel.ofUser(LYNX), 1);
            dispatcher.dispatch();
        });
        deliverFrom(overtaken, RealtimeSettings.DEFAULT);

        overtaken.overtakeNextRead();
        CompletableFuture<LogRead> answer = polls.poll(as(LYNX), new SubscribeCommand(List.of("user:5"), last));

        assertThat(overtaken.overtook()).isTrue();
        assertThat(answer.getNow(LogRead.of(List.of())).notifications())
                .extracting(n -> (Object) (int) SampleEvents.numberOf(n.event())).containsExactly(1);
    }

    /**
     * The log, where the next read answers what the log held when it began, but only after {@code meanwhile} ran
     * on another thread: a read that the dispatcher overtakes. Reads from any other thread are not held up.
     */
    private static final class OvertakenLog extends ForwardingLog {
        private final Runnable meanwhile;
        private volatile Thread overtaking;
        private volatile boolean overtook;

        OvertakenLog(NotificationLog log, Runnable meanwhile) {
            super(log);
            this.meanwhile = meanwhile;
        }

        void overtakeNextRead() {
            overtaking = Thread.currentThread();
        }

        boolean overtook() {
            return overtook;
        }

        private LogRead overtaken(LogRead read) {
            if (overtaking != Thread.currentThread()) {
                return read;
            }
            overtaking = null;
            Thread other = new Thread(meanwhile);
            other.start();
            try {
                // a read made holding the registry would keep the dispatcher waiting: it is not overtaken then
                other.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            overtook = !other.isAlive();
            return read;
        }

        @Override
        public LogRead readNotingLosses(long after, Set<Channel> channels, int limit) {
            return overtaken(super.readNotingLosses(after, channels, limit));
        }

        @Override
        public LogRead readAllNotingLosses(long after, Set<Channel> watched, int limit) {
            return overtaken(super.readAllNotingLosses(after, watched, limit));
        }

        @Override
        public LogRead readSince(Instant since, Set<Channel> channels, int limit) {
            return overtaken(super.readSince(since, channels, limit));
        }
    }

    /** The log, noting the channels of every read after an id (the dispatcher's reads). */
    private static final class WatchedLog extends ForwardingLog {
        private final List<Set<Channel>> readsAfter;

        WatchedLog(NotificationLog log, List<Set<Channel>> readsAfter) {
            super(log);
            this.readsAfter = readsAfter;
        }

        @Override
        public LogRead readNotingLosses(long after, Set<Channel> channels, int limit) {
            readsAfter.add(channels);
            return super.readNotingLosses(after, channels, limit);
        }

        @Override
        public LogRead readAllNotingLosses(long after, Set<Channel> watched, int limit) {
            readsAfter.add(watched);
            return super.readAllNotingLosses(after, watched, limit);
        }
    }

    /** A log that hands every call to another: what a test's log changes, it overrides. */
    private static class ForwardingLog implements NotificationLog {
        private final NotificationLog log;

        ForwardingLog(NotificationLog log) {
            this.log = log;
        }

        @Override
        public Notification append(Channel channel, DomainEvent event) {
            return log.append(channel, event);
        }

        @Override
        public LogRead readNotingLosses(long after, Set<Channel> channels, int limit) {
            return log.readNotingLosses(after, channels, limit);
        }

        @Override
        public LogRead readAllNotingLosses(long after, Set<Channel> watched, int limit) {
            return log.readAllNotingLosses(after, watched, limit);
        }

        @Override
        public LogRead readSince(Instant since, Set<Channel> channels, int limit) {
            return log.readSince(since, channels, limit);
        }

        @Override
        public long lastId() {
            return log.lastId();
        }

        @Override
        public void onAppend(Runnable listener) {
            log.onAppend(listener);
        }

        @Override
        public int prune() {
            return log.prune();
        }
    }
}

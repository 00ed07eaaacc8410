package dev.chatserver.application.contract;

import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.im.ImPolicy;
import dev.chatserver.application.im.ImServices;
import dev.chatserver.application.im.SessionAccess;
import dev.chatserver.application.notify.AwayDigests;
import dev.chatserver.application.notify.EmailSettings;
import dev.chatserver.application.notify.MuteSessionService;
import dev.chatserver.application.notify.SetPreferencesService;
import dev.chatserver.application.port.in.im.MarkReadCommand;
import dev.chatserver.application.port.in.notify.MuteCommand;
import dev.chatserver.application.port.in.notify.SetPreferencesCommand;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.application.port.out.MailDraft;
import dev.chatserver.application.port.out.MailQueue;
import dev.chatserver.application.port.out.MailedSession;
import dev.chatserver.application.port.out.QueuedMail;
import dev.chatserver.application.port.out.UnreadSession;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.Unread;
import dev.chatserver.domain.notify.EmailChoice;
import dev.chatserver.domain.notify.SessionMute;
import dev.chatserver.domain.problem.NotFound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Being told while away, on each storage: preferences and mutes kept per user, the last sighting of a connection,
 * the digests owed (one per session until read), and the mail queue (once per key, one claimer per mail, retries).
 */
public abstract class AwayMailContract extends StorageContract {
    private static final Instant START = Instant.parse("2026-12-07T08:00:00Z");
    private static final Duration AFTER = Duration.ofMinutes(10);

    private final MutableClock clock = new MutableClock(START);
    private ImServices im;
    private AwayDigests digests;
    private User lynx;
    private User ocelot;
    private User pangolin;

    @BeforeEach
    void openIm() {
        im = closeAfter(new ImServices(storage.ports(), new ImPolicy(ImPolicy.STANDARD_TYPES, 1000, 20, 50), clock));
        EmailSettings settings = EmailSettings.DEFAULT.withNotifyAfter(AFTER).withLink("https://chat.example.org/");
        digests = new AwayDigests(clock, settings, ports().imMessages(), ports().users(), ports().mailPreferences(),
                ports().connectionSightings(), ports().mailQueue());
        lynx = newUser("lynx", "Lucid Lynx");
        ocelot = newUser("ocelot", "Oneiric <b>Ocelot</b>");
        pangolin = newUser("pangolin", "Precise Pangolin");
    }

    private long sessionId(SessionView session) {
        return ports().imSessions().byUuid(session.uuid()).orElseThrow().id();
    }

    /** What the queue holds now, claimed at the clock's time and marked sent. */
    private List<QueuedMail> claimAll() {
        List<QueuedMail> claimed = ports().mailQueue().claim(clock.instant(), Duration.ofMinutes(5), 100);
        claimed.forEach(mail -> ports().mailQueue().sent(mail.id(), clock.instant()));
        return claimed;
    }

    @Test
    void email_choices_and_mutes_are_kept_per_user() {
        var preferences = ports().mailPreferences();
        SessionView pair = im.openPrivate(lynx, ocelot);
        preferences.setEmail(lynx.id(), EmailChoice.MENTIONS);
        preferences.setEmail(lynx.id(), EmailChoice.NONE);
        preferences.setEmail(ocelot.id(), EmailChoice.ALL);
        preferences.mute(new SessionMute(lynx.id(), sessionId(pair), START.plusSeconds(60)));
        preferences.mute(new SessionMute(lynx.id(), sessionId(pair), START.plusSeconds(120)));
        preferences.mute(new SessionMute(ocelot.id(), sessionId(pair), START.plusSeconds(60)));

        assertThat(preferences.emailOf(List.of(lynx.id(), ocelot.id(), pangolin.id())))
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of(lynx.id(), EmailChoice.NONE,
                        ocelot.id(), EmailChoice.ALL));
        assertThat(preferences.mutesOf(List.of(lynx.id()))).containsExactly(
                new SessionMute(lynx.id(), sessionId(pair), START.plusSeconds(120)));
        preferences.unmute(lynx.id(), sessionId(pair));
        assertThat(preferences.mutesOf(List.of(lynx.id(), ocelot.id()))).containsExactly(
                new SessionMute(ocelot.id(), sessionId(pair), START.plusSeconds(60)));
        assertThat(preferences.emailOf(List.of())).isEmpty();
    }

    @Test
    void the_use_cases_mute_only_a_members_session_and_keep_the_choice() {
        SessionView pair = im.openPrivate(lynx, ocelot);
        var muting = new MuteSessionService(new SessionAccess(ports().imSessions()), ports().mailPreferences(),
                UserBudgets.unlimited());
        new SetPreferencesService(ports().mailPreferences(), UserBudgets.unlimited())
                .setPreferences(new SetPreferencesCommand(ocelot.id(), EmailChoice.MENTIONS));

        assertThat(muting.mute(new MuteCommand(ocelot.id(), pair.uuid(), Optional.of(START.plusSeconds(600)))))
                .contains(START.plusSeconds(600));
        assertThatThrownBy(() -> muting.mute(new MuteCommand(pangolin.id(), pair.uuid(), Optional.empty())))
                .isInstanceOfSatisfying(NotFound.class, p -> assertThat(p.field()).isEqualTo("session"));
        assertThatThrownBy(() -> muting.mute(new MuteCommand(ocelot.id(), UUID.randomUUID(), Optional.empty())))
                .isInstanceOf(NotFound.class);
        assertThat(ports().mailPreferences().mutesOf(List.of(ocelot.id(), pangolin.id()))).hasSize(1);
        assertThat(ports().mailPreferences().emailOf(List.of(ocelot.id()))).containsEntry(ocelot.id(), EmailChoice.MENTIONS);
        muting.mute(new MuteCommand(ocelot.id(), pair.uuid(), Optional.empty()));
        assertThat(ports().mailPreferences().mutesOf(List.of(ocelot.id()))).isEmpty();
    }

    @Test
    void a_sighting_keeps_the_latest_time() {
        var sightings = ports().connectionSightings();
        sightings.seen(List.of(lynx.id(), ocelot.id()), START.plusSeconds(10));
        sightings.seen(List.of(lynx.id()), START);
        sightings.seen(List.of(ocelot.id()), START.plusSeconds(20));
        sightings.seen(List.of(), START.plusSeconds(30));

        assertThat(sightings.lastSeen(List.of(lynx.id(), ocelot.id(), pangolin.id())))
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of(lynx.id(), START.plusSeconds(10),
                        ocelot.id(), START.plusSeconds(20)));
    }

    @Test
    void a_member_away_with_old_unread_messages_is_owed_one_digest_per_session_until_they_read_it() {
        SessionView pair = im.openPrivate(lynx, ocelot);
        im.post(lynx, pair, "first <script>alert(1)</script> & more");
        clock.advance(Duration.ofMinutes(5));
        assertThat(digests.queueOwed()).isZero();
        MessageView second = im.post(lynx, pair, "second");
        clock.advance(Duration.ofMinutes(6));

        assertThat(digests.queueOwed()).isEqualTo(1);
        assertThat(digests.queueOwed()).isZero();
        List<QueuedMail> queued = claimAll();
        assertThat(queued).hasSize(1);
        MailDraft digest = queued.get(0).draft();
        assertThat(digest.user()).isEqualTo(ocelot.id());
        assertThat(digest.to()).isEqualTo("ocelot@example.org");
        assertThat(digest.upToMessageId()).isEqualTo(second.id());
        assertThat(digest.subject()).isEqualTo("2 unread messages from Lucid Lynx");
        assertThat(digest.text()).contains("Lucid Lynx: first <script>alert(1)</script> & more", "Lucid Lynx: second",
                "https://chat.example.org/#session=" + pair.uuid());
        assertThat(digest.html()).contains("first &lt;script&gt;alert(1)&lt;/script&gt; &amp; more",
                        "Hello Oneiric &lt;b&gt;Ocelot&lt;/b&gt;")
                .doesNotContain("<script>", "<b>Ocelot");

        // read up to the first only: still nothing new; read past what was emailed, then a new message: a new digest
        MessageView third = im.post(lynx, pair, "third");
        clock.advance(AFTER.plusMinutes(1));
        assertThat(digests.queueOwed()).isZero();
        im.reads.markRead(new MarkReadCommand(ocelot, pair.uuid(), second.id()));
        assertThat(digests.queueOwed()).isEqualTo(1);
        assertThat(ports().mailQueue().mailedUpTo(List.of(ocelot.id())))
                .containsExactly(new MailedSession(ocelot.id(), sessionId(pair), third.id()));
    }

    @Test
    void no_digest_while_connected_muted_or_refused() {
        SessionView withOcelot = im.openPrivate(lynx, ocelot);
        SessionView withPangolin = im.openPrivate(lynx, pangolin);
        SessionView pangolinOcelot = im.openPrivate(pangolin, ocelot);
        im.post(lynx, withOcelot, "hi ocelot");
        im.post(lynx, withPangolin, "hi pangolin");
        im.post(pangolin, pangolinOcelot, "hi from pangolin");
        ports().mailPreferences().setEmail(pangolin.id(), EmailChoice.NONE);
        ports().mailPreferences().mute(new SessionMute(ocelot.id(), sessionId(withOcelot), START.plus(Duration.ofDays(1))));
        clock.advance(AFTER.plusMinutes(1));
        ports().connectionSightings().seen(List.of(lynx.id()), clock.instant());

        // ocelot: one session muted, the other owed; pangolin wants none
        assertThat(digests.queueOwed()).isEqualTo(1);
        assertThat(claimAll()).extracting(m -> m.draft().sessionId()).containsExactly(sessionId(pangolinOcelot));

        // seen connected since the message: nothing; a mute that ended: owed again
        im.post(pangolin, pangolinOcelot, "again");
        ports().connectionSightings().seen(List.of(ocelot.id()), clock.instant());
        clock.advance(Duration.ofDays(1));
        ports().connectionSightings().seen(List.of(ocelot.id()), clock.instant().minus(AFTER).plusSeconds(1));
        assertThat(digests.queueOwed()).isZero();
        clock.advance(AFTER);
        assertThat(digests.queueOwed()).isEqualTo(1);
        assertThat(claimAll()).extracting(m -> m.draft().sessionId()).containsExactly(sessionId(withOcelot));
    }

    @Test
    void mentions_only_emails_a_session_whose_unread_messages_call_the_member_by_name() {
        SessionView pair = im.openPrivate(lynx, ocelot);
        SessionView other = im.openPrivate(pangolin, ocelot);
        ports().mailPreferences().setEmail(ocelot.id(), EmailChoice.MENTIONS);
        im.post(lynx, pair, "ask @ocelot.");
        im.post(pangolin, other, "mail @ocelots or me@ocelot");
        clock.advance(AFTER.plusMinutes(1));

        assertThat(digests.queueOwed()).isEqualTo(1);
        assertThat(claimAll()).extracting(m -> m.draft().sessionId()).containsExactly(sessionId(pair));
    }

    @Test
    void a_digest_shows_the_newest_messages_with_each_text_cut() {
        SessionView pair = im.openPrivate(lynx, ocelot);
        int digestMessages = EmailSettings.DEFAULT.digestMessages();
        for (int i = 1; i <= digestMessages + 3; i++) {
            im.post(lynx, pair, "message " + i + " " + "x".repeat(600));
        }
        clock.advance(AFTER.plusMinutes(1));

        digests.queueOwed();
        MailDraft digest = claimAll().get(0).draft();
        assertThat(digest.text()).doesNotContain("message 3 ").contains("message 4 ", "message " + (digestMessages + 3),
                "... and 3 more").doesNotContain("x".repeat(501));
        assertThat(digest.subject()).startsWith((digestMessages + 3) + " unread messages");
    }

    @Test
    void the_store_pages_members_with_old_unread_messages_and_reads_the_newest_of_each() {
        SessionView pair = im.openPrivate(lynx, ocelot);
        SessionView group = im.createGroup.create(new dev.chatserver.application.port.in.im.CreateGroupCommand(
                pangolin, new dev.chatserver.domain.im.GroupName("All"), List.of(lynx.id(), ocelot.id())));
        MessageView old = im.post(lynx, pair, "old");
        im.post(pangolin, group, "group old");
        clock.advance(Duration.ofMinutes(20));
        MessageView recent = im.post(lynx, pair, "recent");
        var messages = ports().imMessages();

        List<UnreadSession> all = messages.unreadPostedBefore(clock.instant().minusSeconds(60), Optional.empty(), 10);
        assertThat(all).extracting(u -> u.unread().member()).containsExactlyInAnyOrder(
                ocelot.id(), lynx.id(), ocelot.id());
        List<UnreadSession> first = messages.unreadPostedBefore(clock.instant().minusSeconds(60), Optional.empty(), 2);
        List<UnreadSession> rest = messages.unreadPostedBefore(clock.instant().minusSeconds(60),
                Optional.of(first.get(1).unread()), 2);
        assertThat(first).hasSize(2);
        assertThat(rest).hasSize(1);
        assertThat(new ArrayList<UnreadSession>() {{ addAll(first); addAll(rest); }}).isEqualTo(all);
        assertThat(messages.unreadPostedBefore(START.minusSeconds(1), Optional.empty(), 10)).isEmpty();

        Unread ocelotsPair = new Unread(sessionId(pair), ocelot.id(), 0);
        Unread lynxInPair = new Unread(sessionId(pair), lynx.id(), 0);
        List<List<ImMessage>> newest = messages.newestUnread(List.of(ocelotsPair, lynxInPair,
                new Unread(sessionId(pair), ocelot.id(), old.id())), 1);
        assertThat(newest.get(0)).extracting(ImMessage::id).containsExactly(recent.id());
        assertThat(newest.get(1)).isEmpty();
        assertThat(newest.get(2)).extracting(ImMessage::id).containsExactly(recent.id());
        assertThat(messages.newestUnread(List.of(ocelotsPair), 5).get(0)).extracting(ImMessage::id)
                .containsExactly(old.id(), recent.id());
    }

    private MailDraft draft(User user, long sessionId, long pointer) {
        return new MailDraft(user.id(), sessionId, pointer, pointer + 1, user.email(), "subject", "text", "<p>html</p>",
                clock.instant());
    }

    @Test
    void the_queue_keeps_a_draft_once_hands_each_mail_to_one_claimer_and_retries_failures() {
        long session = sessionId(im.openPrivate(lynx, ocelot));
        MailQueue queue = ports().mailQueue();
        assertThat(queue.enqueue(List.of(draft(ocelot, session, 0), draft(lynx, session, 0)))).isEqualTo(2);
        assertThat(queue.enqueue(List.of(draft(ocelot, session, 0)))).isZero();
        assertThat(queue.waitingFor(List.of(ocelot.id(), lynx.id(), pangolin.id())))
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of(ocelot.id(), 1, lynx.id(), 1));

        List<QueuedMail> claimed = queue.claim(clock.instant(), Duration.ofMinutes(5), 1);
        assertThat(claimed).hasSize(1);
        assertThat(claimed.get(0).draft()).isEqualTo(draft(ocelot, session, 0));
        List<QueuedMail> next = queue.claim(clock.instant(), Duration.ofMinutes(5), 10);
        assertThat(next).extracting(m -> m.draft().user()).containsExactly(lynx.id());
        assertThat(queue.claim(clock.instant(), Duration.ofMinutes(5), 10)).isEmpty();

        queue.sent(claimed.get(0).id(), clock.instant());
        queue.failed(next.get(0).id(), clock.instant().plusSeconds(60));
        assertThat(queue.claim(clock.instant(), Duration.ofMinutes(5), 10)).isEmpty();
        clock.advance(Duration.ofSeconds(61));
        List<QueuedMail> retried = queue.claim(clock.instant(), Duration.ofMinutes(5), 10);
        assertThat(retried).extracting(QueuedMail::failedAttempts).containsExactly(1);

        // a claimer that dies: its lease runs out and another takes the mail
        clock.advance(Duration.ofMinutes(6));
        List<QueuedMail> afterLease = queue.claim(clock.instant(), Duration.ofMinutes(5), 10);
        assertThat(afterLease).extracting(QueuedMail::id).containsExactly(retried.get(0).id());
        queue.gaveUp(afterLease.get(0).id(), clock.instant());
        clock.advance(Duration.ofHours(1));
        assertThat(queue.claim(clock.instant(), Duration.ofMinutes(5), 10)).isEmpty();
        assertThat(queue.waitingFor(List.of(ocelot.id(), lynx.id()))).isEmpty();
        assertThat(queue.mailedUpTo(List.of(ocelot.id(), lynx.id()))).containsExactlyInAnyOrder(
                new MailedSession(ocelot.id(), session, 1), new MailedSession(lynx.id(), session, 1));
    }

    @Test
    void claimers_racing_never_share_a_mail() throws Exception {
        long session = sessionId(im.openPrivate(lynx, ocelot));
        List<MailDraft> drafts = new ArrayList<>();
        for (int pointer = 0; pointer < 60; pointer++) {
            drafts.add(draft(ocelot, session, pointer));
        }
        ports().mailQueue().enqueue(drafts);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<Long>>> claimers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                claimers.add(() -> {
                    List<Long> mine = new ArrayList<>();
                    List<QueuedMail> batch;
                    while (!(batch = ports().mailQueue().claim(clock.instant(), Duration.ofMinutes(5), 7)).isEmpty()) {
                        batch.forEach(m -> mine.add(m.id()));
                    }
                    return mine;
                });
            }
            Set<Long> seen = new HashSet<>();
            int total = 0;
            for (Future<List<Long>> claimed : pool.invokeAll(claimers)) {
                for (long id : claimed.get()) {
                    total++;
                    seen.add(id);
                }
            }
            assertThat(total).isEqualTo(60);
            assertThat(seen).hasSize(60);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void scans_racing_queue_each_digest_once() throws Exception {
        SessionView pair = im.openPrivate(lynx, ocelot);
        im.post(lynx, pair, "hello");
        clock.advance(AFTER.plusMinutes(1));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Integer>> scans = List.of(digests::queueOwed, digests::queueOwed, digests::queueOwed);
            int queued = 0;
            for (Future<Integer> scan : pool.invokeAll(scans)) {
                queued += scan.get();
            }
            assertThat(queued).isEqualTo(1);
            assertThat(claimAll()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}

package dev.chatserver.application.notify;

import dev.chatserver.application.port.out.ConnectionSightings;
import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.MailDraft;
import dev.chatserver.application.port.out.MailPreferences;
import dev.chatserver.application.port.out.MailQueue;
import dev.chatserver.application.port.out.MailedSession;
import dev.chatserver.application.port.out.UnreadSession;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.Unread;
import dev.chatserver.domain.notify.AwayRule;
import dev.chatserver.domain.notify.EmailChoice;
import dev.chatserver.domain.notify.SessionMute;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds the members owed a digest ({@link AwayRule}) and queues one per session. It may run on every node at once:
 * the queue keeps one digest per member, session and read pointer, so a second node's scan queues nothing new.
 * Each page of members costs a fixed number of reads however many members it holds.
 *
 * <p>"Mentions" (the {@link EmailChoice#MENTIONS} choice) emails only a digest holding a message that mentions the
 * member, as its session decided ({@code ImMessage.mentions}).
 */
public final class AwayDigests {
    private static final int PAGE = 500;

    private final Clock clock;
    private final EmailSettings settings;
    private final ImMessages messages;
    private final UserDirectory users;
    private final MailPreferences preferences;
    private final ConnectionSightings sightings;
    private final MailQueue queue;
    private final DigestWriter writer;

    @Inject
    public AwayDigests(Clock clock, EmailSettings settings, ImMessages messages, UserDirectory users,
                       MailPreferences preferences, ConnectionSightings sightings, MailQueue queue) {
        this.clock = clock;
        this.settings = settings;
        this.messages = messages;
        this.users = users;
        this.preferences = preferences;
        this.sightings = sightings;
        this.queue = queue;
        this.writer = new DigestWriter(settings);
    }

    /** Queues every digest owed now; answers how many. */
    public int queueOwed() {
        Instant now = clock.instant();
        AwayRule rule = new AwayRule(now, now.minus(settings.notifyAfter()));
        int queued = 0;
        Optional<Unread> after = Optional.empty();
        while (true) {
            List<UnreadSession> page = messages.unreadPostedBefore(rule.awaySince(), after, PAGE);
            if (page.isEmpty()) {
                return queued;
            }
            queued += queue.enqueue(digestsOf(page, rule));
            if (page.size() < PAGE) {
                return queued;
            }
            after = Optional.of(page.get(page.size() - 1).unread());
        }
    }

    private List<MailDraft> digestsOf(List<UnreadSession> page, AwayRule rule) {
        Set<UserId> readers = page.stream().map(u -> u.unread().member()).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<UserId, EmailChoice> choices = preferences.emailOf(readers);
        Map<UserId, Instant> lastSeen = sightings.lastSeen(readers);
        Set<List<Long>> muted = new HashSet<>();
        for (SessionMute mute : preferences.mutesOf(readers)) {
            if (mute.silencesAt(rule.now())) {
                muted.add(key(mute.member(), mute.sessionId()));
            }
        }
        Map<List<Long>, Long> mailedUpTo = new HashMap<>();
        for (MailedSession mailed : queue.mailedUpTo(readers)) {
            mailedUpTo.put(key(mailed.user(), mailed.sessionId()), mailed.upToMessageId());
        }
        Map<UserId, Integer> waiting = new HashMap<>(queue.waitingFor(readers));
        List<UnreadSession> owed = new ArrayList<>();
        for (UnreadSession candidate : page) {
            Unread unread = candidate.unread();
            List<Long> key = key(unread.member(), unread.sessionId());
            Long upTo = mailedUpTo.get(key);
            boolean owes = rule.owesDigest(choices.getOrDefault(unread.member(), EmailChoice.ALL), muted.contains(key),
                    lastSeen.get(unread.member()), unread.seenMessageId(),
                    upTo == null ? OptionalLong.empty() : OptionalLong.of(upTo));
            if (owes && waiting.getOrDefault(unread.member(), 0) < settings.waitingPerUser()) {
                waiting.merge(unread.member(), 1, Integer::sum);
                owed.add(candidate);
            }
        }
        if (owed.isEmpty()) {
            return List.of();
        }
        List<Unread> unread = owed.stream().map(UnreadSession::unread).toList();
        List<List<ImMessage>> newest = messages.newestUnread(unread, settings.digestMessages());
        List<Long> counts = messages.countUnread(unread);
        Set<UserId> people = new HashSet<>(readers);
        newest.forEach(list -> list.forEach(m -> people.add(m.from())));
        Map<UserId, User> known = users.users(people).stream().collect(Collectors.toMap(User::id, Function.identity()));
        List<MailDraft> drafts = new ArrayList<>();
        for (int i = 0; i < owed.size(); i++) {
            UnreadSession candidate = owed.get(i);
            User reader = known.get(candidate.unread().member());
            List<ImMessage> shown = newest.get(i);
            if (reader == null || reader.email().isBlank() || shown.isEmpty()) {
                continue;
            }
            if (choices.get(reader.id()) == EmailChoice.MENTIONS && shown.stream().noneMatch(m -> mentions(m, reader))) {
                continue;
            }
            long upTo = shown.get(shown.size() - 1).id();
            DigestWriter.Digest digest = writer.write(reader, candidate.session(), shown, counts.get(i), known);
            drafts.add(new MailDraft(reader.id(), candidate.unread().sessionId(), candidate.unread().seenMessageId(),
                    upTo, reader.email(), digest.subject(), digest.text(), digest.html(), rule.now()));
        }
        return drafts;
    }

    /** Whether the message mentions the reader (decided by its session when it was posted or edited). */
    private static boolean mentions(ImMessage message, User reader) {
        return message.mentions().contains(reader.id());
    }

    private static List<Long> key(UserId user, long sessionId) {
        return List.of(user.value(), sessionId);
    }
}

package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.MailDraft;
import dev.chatserver.application.port.out.MailQueue;
import dev.chatserver.application.port.out.MailedSession;
import dev.chatserver.application.port.out.QueuedMail;
import dev.chatserver.domain.account.UserId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The mail queue as a list in this process: it does not survive a restart, as nothing in memory does. */
public final class InMemoryMailQueue implements MailQueue {
    private final List<Entry> entries = new ArrayList<>();

    private static final class Entry {
        final long id;
        final MailDraft draft;
        int failedAttempts;
        Instant notBefore;
        Instant leasedUntil;
        boolean done;

        Entry(long id, MailDraft draft) {
            this.id = id;
            this.draft = draft;
            this.notBefore = draft.queuedAt();
        }

        boolean sameKey(MailDraft other) {
            return draft.user().equals(other.user()) && draft.sessionId() == other.sessionId()
                    && draft.readPointer() == other.readPointer();
        }
    }

    @Override
    public synchronized int enqueue(List<MailDraft> drafts) {
        int queued = 0;
        for (MailDraft draft : drafts) {
            if (entries.stream().noneMatch(e -> e.sameKey(draft))) {
                entries.add(new Entry(entries.size() + 1, draft));
                queued++;
            }
        }
        return queued;
    }

    @Override
    public synchronized List<MailedSession> mailedUpTo(Collection<UserId> users) {
        Set<UserId> wanted = new HashSet<>(users);
        Map<List<Long>, MailedSession> newest = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (wanted.contains(e.draft.user())) {
                newest.merge(List.of(e.draft.user().value(), e.draft.sessionId()),
                        new MailedSession(e.draft.user(), e.draft.sessionId(), e.draft.upToMessageId()),
                        (a, b) -> a.upToMessageId() >= b.upToMessageId() ? a : b);
            }
        }
        return List.copyOf(newest.values());
    }

    @Override
    public synchronized Map<UserId, Integer> waitingFor(Collection<UserId> users) {
        Set<UserId> wanted = new HashSet<>(users);
        Map<UserId, Integer> waiting = new LinkedHashMap<>();
        entries.stream().filter(e -> !e.done && wanted.contains(e.draft.user()))
                .forEach(e -> waiting.merge(e.draft.user(), 1, Integer::sum));
        return waiting;
    }

    @Override
    public synchronized List<QueuedMail> claim(Instant now, Duration lease, int limit) {
        List<QueuedMail> claimed = new ArrayList<>();
        for (Entry e : entries) {
            if (claimed.size() == limit) {
                break;
            }
            if (!e.done && !e.notBefore.isAfter(now) && (e.leasedUntil == null || e.leasedUntil.isBefore(now))) {
                e.leasedUntil = now.plus(lease);
                claimed.add(new QueuedMail(e.id, e.draft, e.failedAttempts));
            }
        }
        return claimed;
    }

    @Override
    public synchronized void sent(long id, Instant at) {
        entry(id).done = true;
    }

    @Override
    public synchronized void failed(long id, Instant retryAt) {
        Entry e = entry(id);
        e.failedAttempts++;
        e.notBefore = retryAt;
        e.leasedUntil = null;
    }

    @Override
    public synchronized void gaveUp(long id, Instant at) {
        Entry e = entry(id);
        e.failedAttempts++;
        e.done = true;
    }

    private Entry entry(long id) {
        return entries.get((int) id - 1);
    }
}

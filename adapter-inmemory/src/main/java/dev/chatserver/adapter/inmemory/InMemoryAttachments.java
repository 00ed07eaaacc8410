package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.Attachments;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.attachment.Attachment;
import dev.chatserver.domain.attachment.AttachmentId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Attachments in memory, in upload order. */
public final class InMemoryAttachments implements Attachments {
    private final Map<AttachmentId, Attachment> byId = new LinkedHashMap<>();

    @Override
    public synchronized void add(Attachment attachment) {
        if (byId.putIfAbsent(attachment.id(), attachment) != null) {
            throw new IllegalStateException("attachment " + attachment.id() + " exists");
        }
    }

    @Override
    public synchronized boolean addWithin(Attachment attachment, long ownerBytes) {
        if (bytesOf(attachment.owner()) + attachment.size() > ownerBytes) {
            return false;
        }
        add(attachment);
        return true;
    }

    @Override
    public synchronized Optional<Attachment> byId(AttachmentId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Held by the unit of work itself: units of work in memory run one at a time. */
    @Override
    public synchronized List<Attachment> byIdsForUpdate(Collection<AttachmentId> ids) {
        return ids.stream().distinct().map(byId::get).filter(a -> a != null).toList();
    }

    @Override
    public synchronized void markPosted(Collection<AttachmentId> ids, long messageId) {
        for (AttachmentId id : ids) {
            Attachment attachment = byId.get(id);
            if (attachment == null || attachment.posted()) {
                throw new IllegalStateException("attachment " + id + " is gone or posted already");
            }
        }
        for (AttachmentId id : ids) {
            byId.computeIfPresent(id, (key, attachment) -> attachment.postedIn(messageId));
        }
    }

    @Override
    public synchronized Map<Long, List<Attachment>> ofMessages(Collection<Long> messageIds) {
        Map<Long, List<Attachment>> found = new TreeMap<>();
        for (Attachment attachment : byId.values()) {
            attachment.messageId().ifPresent(message -> {
                if (messageIds.contains(message)) {
                    found.computeIfAbsent(message, m -> new ArrayList<>()).add(attachment);
                }
            });
        }
        return found;
    }

    @Override
    public synchronized List<Attachment> removeOfMessage(long messageId) {
        return removeIf(a -> a.messageId().isPresent() && a.messageId().getAsLong() == messageId);
    }

    @Override
    public synchronized List<Attachment> removeUnpostedBefore(Instant cutoff) {
        return removeIf(a -> !a.posted() && a.createdAt().isBefore(cutoff));
    }

    private List<Attachment> removeIf(java.util.function.Predicate<Attachment> which) {
        List<Attachment> removed = new ArrayList<>();
        for (Iterator<Attachment> all = byId.values().iterator(); all.hasNext(); ) {
            Attachment attachment = all.next();
            if (which.test(attachment)) {
                removed.add(attachment);
                all.remove();
            }
        }
        return removed;
    }

    @Override
    public synchronized boolean refersTo(String sha256) {
        return byId.values().stream().anyMatch(a -> a.sha256().equals(sha256)
                || a.thumbnailSha256().filter(sha256::equals).isPresent());
    }

    @Override
    public synchronized long bytesOf(UserId owner) {
        return byId.values().stream().filter(a -> a.owner().equals(owner)).mapToLong(Attachment::size).sum();
    }

    @Override
    public synchronized Totals totals() {
        return new Totals(byId.size(), byId.values().stream().mapToLong(Attachment::size).sum());
    }
}

package dev.chatserver.application.attachment;

import dev.chatserver.application.port.out.Attachments;
import dev.chatserver.application.port.out.FileContents;
import dev.chatserver.domain.attachment.Attachment;
import jakarta.inject.Inject;

import java.time.Clock;
import dev.chatserver.application.port.out.Transactions;

import java.util.Collection;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Removes files: those of a deleted message, and uploads never posted once {@code --unposted-attachment-ttl} has
 * passed. A content (or thumbnail) is removed with its last attachment; one another attachment still refers to
 * stays (equal contents are stored once).
 */
public final class AttachmentErasure {
    private final Attachments attachments;
    private final FileContents contents;
    private final AttachmentSettings settings;
    private final Clock clock;
    private final Transactions transactions;

    @Inject
    public AttachmentErasure(Attachments attachments, FileContents contents, AttachmentSettings settings, Clock clock,
                             Transactions transactions) {
        this.transactions = transactions;
        this.attachments = attachments;
        this.contents = contents;
        this.settings = settings;
        this.clock = clock;
    }

    /** Removes the uploads older than the time they are kept for that nobody posted; answers how many. */
    public int removeUnposted() {
        // a unit of work of its own, so that a post of one of them is decided wholly before it or wholly after it
        Collection<Attachment> removed = transactions.inTransaction(() ->
                attachments.removeUnpostedBefore(clock.instant().minus(settings.unpostedKept())));
        removeContentsOf(removed);
        return removed.size();
    }

    /**
     * Removes the files of a message as it is deleted, in the caller's unit of work; their contents go once it has
     * committed (a content is not transactional), where nothing else uses them.
     */
    public void removeOfMessage(long messageId) {
        List<Attachment> removed = attachments.removeOfMessage(messageId);
        if (!removed.isEmpty()) {
            transactions.afterCommit(() -> removeContentsOf(removed));
        }
    }

    private void removeContentsOf(Collection<Attachment> removed) {
        Set<String> digests = new LinkedHashSet<>();
        for (Attachment attachment : removed) {
            digests.add(attachment.sha256());
            attachment.thumbnailSha256().ifPresent(digests::add);
        }
        for (String sha256 : digests) {
            if (!attachments.refersTo(sha256)) {
                contents.remove(sha256);
            }
        }
    }
}

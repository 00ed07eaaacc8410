package dev.chatserver.application.port.out;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.attachment.Attachment;
import dev.chatserver.domain.attachment.AttachmentId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What is known of every uploaded file (its content is in {@link FileContents}). */
public interface Attachments {
    void add(Attachment attachment);

    /**
     * Adds it unless its owner's files, with it, would take more than {@code ownerBytes}; answers whether it was
     * added. Decided atomically against every other add of the same owner, on any node: two uploads at once
     * never together pass the limit.
     */
    boolean addWithin(Attachment attachment, long ownerBytes);

    Optional<Attachment> byId(AttachmentId id);

    /**
     * Those of these ids that exist, in one read, in no particular order, held until the caller's unit of work ends:
     * another post of them (on any node) or the sweep of unposted uploads waits for it, then sees what it did.
     */
    List<Attachment> byIdsForUpdate(Collection<AttachmentId> ids);

    /**
     * Marks them posted by the message; each must exist and be unposted ({@link IllegalStateException} otherwise,
     * which fails the unit of work: a file is never posted twice, nor posted once removed).
     */
    void markPosted(Collection<AttachmentId> ids, long messageId);

    /** The attachments of each of these messages (those with none left out), each message's in upload order. */
    Map<Long, List<Attachment>> ofMessages(Collection<Long> messageIds);

    /** Removes them; answers those removed. */
    List<Attachment> removeOfMessage(long messageId);

    /** Removes the uploads never posted that were made before {@code cutoff}; answers those removed. */
    List<Attachment> removeUnpostedBefore(Instant cutoff);

    /** Whether any attachment (or thumbnail) still refers to the content. */
    boolean refersTo(String sha256);

    /** The bytes of the files {@code owner} uploaded, posted or not. */
    long bytesOf(UserId owner);

    /** How many files there are and their bytes, for the metrics. */
    Totals totals();

    record Totals(long files, long bytes) {
    }
}

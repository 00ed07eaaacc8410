package dev.chatserver.domain.attachment;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.NotFound;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A file a member uploaded to an IM session: who uploaded it where, what it is (its type detected from its bytes,
 * never the client's word), its content's SHA-256 (under which the content is stored, once for equal contents), and
 * the message that posted it once one did.
 *
 * @param thumbnailSha256 the SHA-256 of its thumbnail's content, when it is an image that got one
 */
public record Attachment(
        AttachmentId id,
        UserId owner,
        UUID session,
        FileName name,
        String mimetype,
        long size,
        String sha256,
        java.util.Optional<String> thumbnailSha256,
        OptionalLong messageId,
        Instant createdAt) {

    public Attachment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mimetype, "mimetype");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(thumbnailSha256, "thumbnailSha256");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(createdAt, "createdAt");
        if (size < 0) {
            throw new IllegalArgumentException("a size is not negative: " + size);
        }
    }

    /** What anyone who may not see an attachment is told, the same as for an id that does not exist. */
    public static NotFound unknown(String field) {
        return new NotFound("attachment", field, field + ": no such attachment");
    }

    public boolean posted() {
        return messageId.isPresent();
    }

    /** Whether {@code poster} may post it in {@code session}: their own upload to that session, not posted yet. */
    public boolean postableBy(UserId poster, UUID session) {
        return owner.equals(poster) && this.session.equals(session) && !posted();
    }

    /** The same attachment once {@code message} posted it. */
    public Attachment postedIn(long message) {
        return new Attachment(id, owner, session, name, mimetype, size, sha256, thumbnailSha256,
                OptionalLong.of(message), createdAt);
    }
}

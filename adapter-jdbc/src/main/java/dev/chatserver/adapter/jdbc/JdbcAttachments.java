package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.Attachments;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.attachment.Attachment;
import dev.chatserver.domain.attachment.AttachmentId;
import dev.chatserver.domain.attachment.FileName;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** Attachments in the {@code attachments} table; every list in one statement. */
final class JdbcAttachments implements Attachments {
    private static final String COLUMNS = "id, owner_id, session_uuid, name, mimetype, size_bytes, sha256,"
            + " thumbnail_sha256, message_id, created_at";
    private static final RowMapper<Attachment> ROW = (rs, ctx) -> {
        long message = rs.getLong("message_id");
        OptionalLong messageId = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(message);
        return new Attachment(new AttachmentId(rs.getObject("id", UUID.class)), UserId.of(rs.getLong("owner_id")),
                rs.getObject("session_uuid", UUID.class), new FileName(rs.getString("name")), rs.getString("mimetype"),
                rs.getLong("size_bytes"), rs.getString("sha256").trim(),
                Optional.ofNullable(rs.getString("thumbnail_sha256")).map(String::trim), messageId,
                SqlTime.instant(rs, "created_at"));
    };

    private final Jdbi jdbi;

    JdbcAttachments(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(Attachment attachment) {
        jdbi.useHandle(h -> insert(h, attachment));
    }

    /**
     * The owner's row in {@code users} is held while their bytes are summed and the file added, so that two adds of
     * the same owner (on any node) decide one after the other.
     */
    @Override
    public boolean addWithin(Attachment attachment, long ownerBytes) {
        return jdbi.inTransaction(h -> {
            h.createQuery("select id from users where id = :owner for update")
                    .bind("owner", attachment.owner().value()).mapTo(Long.class).one();
            if (bytesOf(h, attachment.owner()) + attachment.size() > ownerBytes) {
                return false;
            }
            insert(h, attachment);
            return true;
        });
    }

    private static void insert(Handle h, Attachment attachment) {
        h.createUpdate("insert into attachments (" + COLUMNS + ") values (:id, :owner, :session,"
                        + " :name, :mimetype, :size, :sha256, :thumbnail, :message, :created)")
                .bind("id", attachment.id().value())
                .bind("owner", attachment.owner().value())
                .bind("session", attachment.session())
                .bind("name", attachment.name().value())
                .bind("mimetype", attachment.mimetype())
                .bind("size", attachment.size())
                .bind("sha256", attachment.sha256())
                .bind("thumbnail", attachment.thumbnailSha256().orElse(null))
                .bind("message", attachment.messageId().isPresent() ? attachment.messageId().getAsLong() : null)
                .bind("created", SqlTime.utc(attachment.createdAt()))
                .execute();
    }

    @Override
    public Optional<Attachment> byId(AttachmentId id) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from attachments where id = :id")
                .bind("id", id.value()).map(ROW).findOne());
    }

    @Override
    public List<Attachment> byIdsForUpdate(Collection<AttachmentId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // in upload order, as the sweep holds them, so that the two never deadlock
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from attachments where id in (<ids>)"
                        + " order by seq for update")
                .bindList("ids", ids.stream().map(AttachmentId::value).distinct().toList()).map(ROW).list());
    }

    @Override
    public void markPosted(Collection<AttachmentId> ids, long messageId) {
        if (ids.isEmpty()) {
            return;
        }
        List<UUID> distinct = ids.stream().map(AttachmentId::value).distinct().toList();
        int marked = jdbi.withHandle(h -> h.createUpdate("update attachments set message_id = :message"
                        + " where id in (<ids>) and message_id is null")
                .bind("message", messageId).bindList("ids", distinct).execute());
        if (marked != distinct.size()) {
            throw new IllegalStateException("of " + distinct.size() + " attachments to post, " + (distinct.size() - marked)
                    + " are gone or posted already");
        }
    }

    @Override
    public Map<Long, List<Attachment>> ofMessages(Collection<Long> messageIds) {
        Map<Long, List<Attachment>> found = new LinkedHashMap<>();
        if (messageIds.isEmpty()) {
            return found;
        }
        jdbi.useHandle(h -> h.createQuery("select " + COLUMNS + " from attachments where message_id in (<ids>)"
                        + " order by message_id, seq")
                .bindList("ids", List.copyOf(messageIds)).map(ROW)
                .forEach(a -> found.computeIfAbsent(a.messageId().getAsLong(), m -> new java.util.ArrayList<>()).add(a)));
        return found;
    }

    @Override
    public List<Attachment> removeOfMessage(long messageId) {
        return jdbi.inTransaction(h -> removeWhere(h, "message_id = :message", Map.of("message", messageId)));
    }

    @Override
    public List<Attachment> removeUnpostedBefore(Instant cutoff) {
        return jdbi.inTransaction(h -> removeWhere(h, "message_id is null and created_at < :cutoff",
                Map.of("cutoff", SqlTime.utc(cutoff))));
    }

    private static List<Attachment> removeWhere(Handle h, String condition, Map<String, Object> values) {
        List<Attachment> removed = h.createQuery("select " + COLUMNS + " from attachments where " + condition
                + " order by seq for update").bindMap(values).map(ROW).list();
        if (!removed.isEmpty()) {
            h.createUpdate("delete from attachments where id in (<ids>)")
                    .bindList("ids", removed.stream().map(a -> a.id().value()).toList()).execute();
        }
        return removed;
    }

    @Override
    public boolean refersTo(String sha256) {
        return jdbi.withHandle(h -> h.createQuery("select exists (select 1 from attachments where sha256 = :sha)"
                        + " or exists (select 1 from attachments where thumbnail_sha256 = :sha)")
                .bind("sha", sha256).mapTo(Boolean.class).one());
    }

    @Override
    public long bytesOf(UserId owner) {
        return jdbi.withHandle(h -> bytesOf(h, owner));
    }

    private static long bytesOf(Handle h, UserId owner) {
        return h.createQuery("select coalesce(sum(size_bytes), 0) from attachments where owner_id = :owner")
                .bind("owner", owner.value()).mapTo(Long.class).one();
    }

    @Override
    public Totals totals() {
        return jdbi.withHandle(h -> h.createQuery("select count(*), coalesce(sum(size_bytes), 0) from attachments")
                .map((rs, ctx) -> new Totals(rs.getLong(1), rs.getLong(2))).one());
    }
}

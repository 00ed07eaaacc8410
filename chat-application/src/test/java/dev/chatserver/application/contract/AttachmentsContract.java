package dev.chatserver.application.contract;

import dev.chatserver.application.port.out.Attachments;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.attachment.Attachment;
import dev.chatserver.domain.attachment.AttachmentId;
import dev.chatserver.domain.attachment.FileName;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.MessageType;
import dev.chatserver.domain.im.NewSession;
import dev.chatserver.domain.im.PostDraft;
import dev.chatserver.domain.im.SessionKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

public abstract class AttachmentsContract extends StorageContract {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);
    private static final String SHA_THUMB = "c".repeat(64);

    private UserId lynx;
    private UserId ocelot;
    private ImSession session;

    @BeforeEach
    void openSession() {
        lynx = newUser("lynx", "Lucid Lynx").id();
        ocelot = newUser("ocelot", "Odd Ocelot").id();
        session = ports().transactions().inTransaction(() -> ports().imSessions().findOrCreate(new NewSession(
                SessionKey.privateBetween(lynx, ocelot, Optional.empty()), UUID.randomUUID(), NOW, Optional.empty(),
                Optional.empty(), Set.of(lynx, ocelot))));
    }

    private Attachments attachments() {
        return ports().attachments();
    }

    private Attachment upload(UserId owner, String name, long size, String sha256, Instant at) {
        return new Attachment(new AttachmentId(UUID.randomUUID()), owner, session.uuid(), new FileName(name),
                "image/png", size, sha256, Optional.of(SHA_THUMB), OptionalLong.empty(), at);
    }

    private long postedMessage() {
        return ports().transactions().inTransaction(() -> ports().imMessages().appendAll(List.of(
                session.post(PostDraft.plain(lynx, new MessageType("message"), "see"), NOW).message()))
                .get(0).id());
    }

    @Test
    void an_attachment_reads_back_whole() {
        Attachment cat = upload(lynx, "cat photo (1).png", 1234, SHA_A, NOW);
        attachments().add(cat);

        assertThat(attachments().byId(cat.id())).contains(cat);
        assertThat(attachments().byId(new AttachmentId(UUID.randomUUID()))).isEmpty();
        assertThat(attachments().byIds(List.of(cat.id(), new AttachmentId(UUID.randomUUID())))).containsExactly(cat);
    }

    @Test
    void posted_attachments_are_read_per_message_in_upload_order() {
        Attachment first = upload(lynx, "first.png", 10, SHA_A, NOW);
        Attachment second = upload(lynx, "second.png", 20, SHA_B, NOW);
        Attachment unposted = upload(lynx, "third.png", 30, SHA_B, NOW);
        List.of(first, second, unposted).forEach(attachments()::add);
        long message = postedMessage();

        attachments().markPosted(List.of(second.id(), first.id()), message);

        assertThat(attachments().ofMessages(List.of(message, message + 1000)))
                .containsOnlyKeys(message)
                .containsEntry(message, List.of(first.postedIn(message), second.postedIn(message)));
        assertThat(attachments().byId(unposted.id()).orElseThrow().posted()).isFalse();
    }

    @Test
    void removing_a_messages_attachments_answers_them() {
        Attachment first = upload(lynx, "first.png", 10, SHA_A, NOW);
        Attachment other = upload(lynx, "other.png", 10, SHA_B, NOW);
        attachments().add(first);
        attachments().add(other);
        long message = postedMessage();
        attachments().markPosted(List.of(first.id()), message);

        assertThat(attachments().removeOfMessage(message)).containsExactly(first.postedIn(message));

        assertThat(attachments().byId(first.id())).isEmpty();
        assertThat(attachments().byId(other.id())).isPresent();
        assertThat(attachments().refersTo(SHA_A)).isFalse();
        assertThat(attachments().refersTo(SHA_B)).isTrue();
        assertThat(attachments().refersTo(SHA_THUMB)).isTrue();
    }

    @Test
    void only_old_unposted_uploads_are_removed() {
        Attachment old = upload(lynx, "old.png", 10, SHA_A, NOW.minusSeconds(7200));
        Attachment recent = upload(lynx, "recent.png", 10, SHA_A, NOW.minusSeconds(60));
        Attachment oldPosted = upload(lynx, "posted.png", 10, SHA_B, NOW.minusSeconds(7200));
        List.of(old, recent, oldPosted).forEach(attachments()::add);
        attachments().markPosted(List.of(oldPosted.id()), postedMessage());

        assertThat(attachments().removeUnpostedBefore(NOW.minusSeconds(3600))).containsExactly(old);

        assertThat(attachments().byIds(List.of(old.id(), recent.id(), oldPosted.id())))
                .extracting(Attachment::id).containsExactlyInAnyOrder(recent.id(), oldPosted.id());
    }

    @Test
    void bytes_are_counted_per_owner_and_in_total() {
        attachments().add(upload(lynx, "a.png", 100, SHA_A, NOW));
        attachments().add(upload(lynx, "b.png", 23, SHA_B, NOW));
        attachments().add(upload(ocelot, "c.png", 1000, SHA_A, NOW));

        assertThat(attachments().bytesOf(lynx)).isEqualTo(123);
        assertThat(attachments().bytesOf(ocelot)).isEqualTo(1000);
        assertThat(attachments().totals()).isEqualTo(new Attachments.Totals(3, 1123));
    }
}

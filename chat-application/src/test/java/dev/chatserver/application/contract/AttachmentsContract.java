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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /** A 10-byte upload of lynx, added. */
    private Attachment added(String name, String sha256) {
        Attachment attachment = upload(lynx, name, 10, sha256, NOW);
        attachments().add(attachment);
        return attachment;
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
        assertThat(attachments().byIdsForUpdate(List.of(cat.id(), new AttachmentId(UUID.randomUUID())))).containsExactly(cat);
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
        Attachment first = added("first.png", SHA_A);
        Attachment other = added("other.png", SHA_B);
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

        assertThat(attachments().byIdsForUpdate(List.of(old.id(), recent.id(), oldPosted.id())))
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

    @Test
    void an_add_within_the_owners_bytes_is_refused_once_they_would_pass_them() {
        assertThat(attachments().addWithin(upload(lynx, "a.png", 300, SHA_A, NOW), 350)).isTrue();
        Attachment tooMuch = upload(lynx, "b.png", 51, SHA_B, NOW);

        assertThat(attachments().addWithin(tooMuch, 350)).isFalse();
        assertThat(attachments().byId(tooMuch.id())).isEmpty();
        assertThat(attachments().addWithin(upload(lynx, "c.png", 50, SHA_B, NOW), 350)).as("exactly full").isTrue();
        assertThat(attachments().addWithin(upload(ocelot, "d.png", 350, SHA_B, NOW), 350)).as("per owner").isTrue();
        assertThat(attachments().bytesOf(lynx)).isEqualTo(350);
    }

    @Test
    void adds_racing_past_the_owners_bytes_add_only_what_fits() throws Exception {
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        int added = 0;
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Attachment file = upload(lynx, "file-" + i + ".png", 100, SHA_A, NOW);
                answers.add(pool.submit(() -> {
                    start.await();
                    return attachments().addWithin(file, 350);
                }));
            }
            start.countDown();
            for (Future<Boolean> answer : answers) {
                added += answer.get() ? 1 : 0;
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(added).isEqualTo(3);
        assertThat(attachments().bytesOf(lynx)).isEqualTo(300);
    }

    @Test
    void a_file_is_never_marked_posted_twice_nor_once_removed() {
        Attachment cat = added("cat.png", SHA_A);
        Attachment dog = added("dog.png", SHA_B);
        long first = postedMessage();
        long second = postedMessage();
        attachments().markPosted(List.of(cat.id()), first);

        assertThatThrownBy(() -> ports().transactions().inTransaction(() -> {
            attachments().markPosted(List.of(dog.id(), cat.id()), second);
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> attachments().markPosted(List.of(new AttachmentId(UUID.randomUUID())), second))
                .isInstanceOf(IllegalStateException.class);
        assertThat(attachments().byId(cat.id())).contains(cat.postedIn(first));
        assertThat(attachments().byId(dog.id())).as("its unit of work failed whole").contains(dog);
    }

    /** Runs {@code work} in a unit of work on another thread. */
    private <T> Future<T> inUnitElsewhere(ExecutorService pool, java.util.concurrent.Callable<T> work) {
        return pool.submit(() -> ports().transactions().inTransaction(() -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    /** Gives another thread the time to reach a lock held here; the test holds whether or not it did. */
    private static void letOthersReachTheLock() throws InterruptedException {
        Thread.sleep(300);
    }

    @Test
    void a_second_post_of_a_held_upload_waits_and_then_reads_it_posted() throws Exception {
        Attachment cat = added("cat.png", SHA_A);
        long message = postedMessage();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            Future<Void> first = inUnitElsewhere(pool, () -> {
                assertThat(attachments().byIdsForUpdate(List.of(cat.id()))).containsExactly(cat);
                held.countDown();
                release.await();
                attachments().markPosted(List.of(cat.id()), message);
                return null;
            });
            held.await();
            Future<List<Attachment>> second = inUnitElsewhere(pool, () -> attachments().byIdsForUpdate(List.of(cat.id())));
            letOthersReachTheLock();
            release.countDown();
            first.get();

            assertThat(second.get()).as("read once the first post committed").containsExactly(cat.postedIn(message));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void the_sweep_waits_for_a_post_holding_an_old_upload_and_then_leaves_it() throws Exception {
        Attachment old = added("old.png", SHA_A);
        long message = postedMessage();
        Instant after = NOW.plusSeconds(60);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            Future<Void> post = inUnitElsewhere(pool, () -> {
                attachments().byIdsForUpdate(List.of(old.id()));
                held.countDown();
                release.await();
                attachments().markPosted(List.of(old.id()), message);
                return null;
            });
            held.await();
            Future<List<Attachment>> sweep = inUnitElsewhere(pool, () -> attachments().removeUnpostedBefore(after));
            letOthersReachTheLock();
            release.countDown();
            post.get();

            assertThat(sweep.get()).as("posted meanwhile").isEmpty();
            assertThat(attachments().byId(old.id())).contains(old.postedIn(message));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }
}

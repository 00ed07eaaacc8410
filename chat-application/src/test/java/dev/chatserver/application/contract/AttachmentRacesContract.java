package dev.chatserver.application.contract;

import dev.chatserver.application.attachment.AttachmentErasure;
import dev.chatserver.application.attachment.AttachmentSettings;
import dev.chatserver.application.im.ImPolicy;
import dev.chatserver.application.im.ImServices;
import dev.chatserver.application.port.in.im.HistoryCommand;
import dev.chatserver.application.port.in.im.PostMessageCommand;
import dev.chatserver.application.port.in.view.AttachmentView;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.application.port.out.FileContents;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.attachment.Attachment;
import dev.chatserver.domain.attachment.AttachmentId;
import dev.chatserver.domain.attachment.FileName;
import dev.chatserver.domain.im.PostDraft;
import dev.chatserver.domain.problem.NotFound;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Posts of uploads racing each other on two nodes (two writers on one storage) and racing the sweep of unposted
 * uploads: a file is posted by one message at most, and a posted message never names a removed file.
 */
public abstract class AttachmentRacesContract extends ImContract {
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Override
    protected ImPolicy policy() {
        return ImPolicy.defaults();
    }

    /** An upload of {@code owner} to the session made {@code age} ago, its content stored. */
    private Attachment uploaded(User owner, SessionView session, String text, Duration age) {
        FileContents.StoredContent content = ports().fileContents()
                .store(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        Attachment attachment = new Attachment(new AttachmentId(UUID.randomUUID()), owner.id(), session.uuid(),
                new FileName(text + ".txt"), "text/plain", content.size(), content.sha256(), Optional.empty(),
                OptionalLong.empty(), NOW.minus(age));
        ports().attachments().add(attachment);
        return attachment;
    }

    private static PostMessageCommand filePost(User poster, SessionView session, Attachment file) {
        return new PostMessageCommand(poster, session.uuid(), new PostDraft(poster.id(), PostDraft.ATTACHMENT, "",
                List.of(file.id()), Optional.empty()), null);
    }

    /** Runs them all at once; each answers its view, or null when it was refused as naming an unknown file. */
    private static List<MessageView> race(List<Callable<MessageView>> racers) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers.size());
        try {
            List<Future<MessageView>> futures = new ArrayList<>();
            for (Callable<MessageView> racer : racers) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return racer.call();
                }));
            }
            start.countDown();
            List<MessageView> answers = new ArrayList<>();
            for (Future<MessageView> future : futures) {
                try {
                    answers.add(future.get());
                } catch (ExecutionException failed) {
                    assertThat(failed.getCause()).isInstanceOfSatisfying(NotFound.class,
                            refused -> assertThat(refused.field()).isEqualTo("attachmentIds"));
                    answers.add(null);
                }
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void two_nodes_posting_the_same_upload_at_once_post_it_exactly_once() throws Exception {
        ImServices otherNode = closeAfter(new ImServices(storage.ports(), policy(), CLOCK));
        SessionView pair = im.openPrivate(lynx, ocelot);
        Attachment file = uploaded(lynx, pair, "minutes", Duration.ZERO);
        List<Callable<MessageView>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ImServices node = i % 2 == 0 ? im : otherNode;
            racers.add(() -> node.messages.post(filePost(lynx, pair, file)));
        }

        List<MessageView> posted = race(racers).stream().filter(view -> view != null).toList();

        assertThat(posted).singleElement().satisfies(view ->
                assertThat(view.attachments()).extracting(AttachmentView::id).containsExactly(file.id()));
        assertThat(im.history.history(HistoryCommand.newest(ocelot, pair.uuid())))
                .singleElement().satisfies(view -> assertThat(view.id()).isEqualTo(posted.get(0).id()));
        assertThat(ports().attachments().byId(file.id()).orElseThrow().messageId())
                .hasValue(posted.get(0).id());
    }

    @Test
    void the_sweep_racing_posts_of_old_uploads_never_leaves_a_posted_file_removed() throws Exception {
        ImServices otherNode = closeAfter(new ImServices(storage.ports(), policy(), CLOCK));
        AttachmentErasure sweep = new AttachmentErasure(ports().attachments(), ports().fileContents(),
                AttachmentSettings.DEFAULT, CLOCK, ports().transactions());
        SessionView pair = im.openPrivate(lynx, ocelot);
        List<Attachment> files = new ArrayList<>();
        List<Callable<MessageView>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Attachment file = uploaded(lynx, pair, "old upload " + i, Duration.ofDays(2));
            files.add(file);
            ImServices node = i % 2 == 0 ? im : otherNode;
            racers.add(() -> node.messages.post(filePost(lynx, pair, file)));
        }
        racers.add(() -> {
            sweep.removeUnposted();
            return null;
        });

        List<MessageView> answers = race(racers);

        for (int i = 0; i < files.size(); i++) {
            Attachment file = files.get(i);
            MessageView answer = answers.get(i);
            Optional<Attachment> kept = ports().attachments().byId(file.id());
            if (answer != null) {
                assertThat(kept).as("a posted file stays").hasValueSatisfying(a ->
                        assertThat(a.messageId()).hasValue(answer.id()));
                assertThat(ports().fileContents().has(file.sha256())).as("with its content").isTrue();
            } else {
                assertThat(kept).as("a file refused to its post was swept").isEmpty();
                assertThat(ports().fileContents().has(file.sha256())).isFalse();
            }
        }
        assertThat(im.history.history(HistoryCommand.newest(ocelot, pair.uuid())))
                .allSatisfy(view -> assertThat(view.attachments()).hasSize(1))
                .hasSize((int) answers.stream().limit(files.size()).filter(view -> view != null).count());
    }
}

package dev.chatserver.application.contract;

import dev.chatserver.application.port.out.NotificationBus;
import dev.chatserver.application.port.out.NotificationLog;
import dev.chatserver.application.port.out.NotificationStorage;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.Notification;
import dev.chatserver.application.port.out.notification.NotificationRetention;
import dev.chatserver.domain.account.Partner;
import dev.chatserver.domain.account.PartnerId;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.application.port.out.notification.event.DomainEvent;
import dev.chatserver.application.port.out.notification.event.MessageDeleted;
import dev.chatserver.application.port.out.notification.event.MessageEdited;
import dev.chatserver.application.port.out.notification.event.MessagePosted;
import dev.chatserver.application.port.out.notification.event.SessionChanged;
import dev.chatserver.application.port.in.view.MessageSummary;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.MessageViews;
import dev.chatserver.application.port.in.view.QuotedMessage;
import dev.chatserver.application.port.in.view.SessionMember;
import dev.chatserver.domain.im.SessionState;
import dev.chatserver.domain.im.SessionStatus;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.domain.presence.ImStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A deleted message's text leaves the notification log with the deletion: every kept notification that
 * carried it (the post, its edits, sessions showing it as a last message) is read back as the tombstone, with
 * its id and place, while other messages' text stays.
 */
public abstract class ForgottenTextContract extends StorageContract {
    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");
    private static final UUID SESSION = UUID.fromString("6f1c1a2e-7d4b-4f53-9a51-2b1e4f0c9d11");
    private static final Channel LYNX = Channel.ofUser(UserId.of(5));
    private static final Channel OCELOT = Channel.ofUser(UserId.of(6));
    private static final Partner LYNX_PARTNER = new Partner(PartnerId.of(11), "Lucid Lynx");
    private static final long SECRET = 42;
    private static final long KEPT = 41;
    private static final long REPLY = 43;

    private NotificationStorage.Opened opened;

    /** The storage's own bus. */
    protected abstract NotificationStorage.Opened openBus(Clock clock, NotificationRetention retention);

    private NotificationBus bus() {
        if (opened == null) {
            opened = openBus(Clock.systemUTC(), NotificationRetention.DEFAULT);
        }
        return opened.bus();
    }

    private NotificationLog log() {
        bus();
        return opened.log();
    }

    private static MessageView message(long id, String text) {
        return MessageViews.restored(id, 7, SESSION, UserId.of(5), "Lucid Lynx", LYNX_PARTNER, "message", text, AT,
                List.of(), Optional.empty(), List.of());
    }

    private static SessionChanged sessionShowing(UserId viewer, long lynxLast, String lynxText, long ocelotLast,
                                                 String ocelotText) {
        SessionView view = new SessionView(7, SESSION, AT, false, List.of(), List.of(), List.of(
                new SessionMember(UserId.of(5), "Lucid Lynx", LYNX_PARTNER, ImStatus.ONLINE,
                        Optional.of(new MessageSummary(lynxLast, "message", lynxText, AT))),
                new SessionMember(UserId.of(6), "Oneiric Ocelot", new Partner(PartnerId.of(12), "Oneiric Ocelot"),
                        ImStatus.OFFLINE, Optional.of(new MessageSummary(ocelotLast, "message", ocelotText, AT)))),
                SessionState.OPEN, SessionStatus.ACTIVE, false);
        return new SessionChanged(viewer, view);
    }

    private static final MessageDeleted DELETION = new MessageDeleted(SESSION, SECRET, AT.plusSeconds(60));

    /** Ocelot's reply to the secret, quoting it. */
    private static MessageView replyToTheSecret() {
        return MessageViews.restored(REPLY, 7, SESSION, UserId.of(6), "Oneiric Ocelot",
                new Partner(PartnerId.of(12), "Oneiric Ocelot"), "message", "reply words", AT,
                List.of(), Optional.of(new QuotedMessage(SECRET, UserId.of(5), "secret words", false)), List.of());
    }

    /** Lynx's earlier message (kept), then the secret one posted, shown in sessions, replied to and edited. */
    private void publishTheSecret() {
        Transactions transactions = ports().transactions();
        NotificationBus bus = bus();
        transactions.inTransaction(() -> {
            bus.publish(LYNX, new MessagePosted(message(KEPT, "kept words")));
            bus.publish(OCELOT, new MessagePosted(message(KEPT, "kept words")));
        });
        transactions.inTransaction(() -> {
            bus.publish(LYNX, new MessagePosted(message(SECRET, "secret words")));
            bus.publish(OCELOT, new MessagePosted(message(SECRET, "secret words")));
            bus.publish(OCELOT, sessionShowing(UserId.of(6), SECRET, "secret words", KEPT, "kept words"));
        });
        transactions.inTransaction(() -> {
            bus.publish(LYNX, new MessagePosted(replyToTheSecret()));
            bus.publish(OCELOT, new MessagePosted(replyToTheSecret()));
        });
        transactions.inTransaction(() -> {
            bus.publish(LYNX, new MessageEdited(SESSION, SECRET, "secret edit", AT.plusSeconds(30), List.of()));
            bus.publish(OCELOT, new MessageEdited(SESSION, SECRET, "secret edit", AT.plusSeconds(30), List.of()));
        });
    }

    private void delete() {
        ports().transactions().inTransaction(() -> {
            bus().forgetText(DELETION);
            bus().publish(LYNX, DELETION);
            bus().publish(OCELOT, DELETION);
        });
    }

    private List<Notification> everything() {
        return log().readAfter(0, Set.of(LYNX, OCELOT), 1_000).notifications();
    }

    @Test
    void after_a_deletion_no_notification_carries_its_text_and_each_keeps_its_id_and_place() {
        publishTheSecret();
        List<Notification> before = everything();
        assertThat(before.toString()).contains("secret words", "secret edit");

        delete();

        List<Notification> after = everything();
        assertThat(after).hasSize(before.size() + 2);
        assertThat(after.subList(0, before.size())).extracting(Notification::id, Notification::channel)
                .containsExactlyElementsOf(before.stream()
                        .map(n -> org.assertj.core.groups.Tuple.tuple(n.id(), n.channel())).toList());
        assertThat(after.toString()).doesNotContain("secret");
        assertThat(log().readSince(AT.minusSeconds(3_600), Set.of(LYNX, OCELOT), 1_000).notifications().toString())
                .doesNotContain("secret");
        assertThat(after.toString()).as("other messages' text stays").contains("kept words");
    }

    @Test
    void the_post_reads_as_the_tombstone_an_edit_as_the_deletion_and_a_session_shows_the_tombstone() {
        publishTheSecret();

        delete();

        List<DomainEvent> events = everything().stream().map(Notification::event).toList();
        assertThat(events).filteredOn(e -> e instanceof MessagePosted p && p.message().id() == SECRET)
                .hasSize(2).allSatisfy(e -> {
                    MessageView shown = ((MessagePosted) e).message();
                    assertThat(shown.deleted()).isTrue();
                    assertThat(shown.message()).isEmpty();
                    assertThat(shown.createDate()).isEqualTo(AT);
                });
        assertThat(events).filteredOn(MessagePosted.class::isInstance).map(e -> ((MessagePosted) e).message())
                .filteredOn(m -> m.id() == KEPT).allSatisfy(m -> assertThat(m.deleted()).isFalse());
        assertThat(events).filteredOn(MessagePosted.class::isInstance).map(e -> ((MessagePosted) e).message())
                .filteredOn(m -> m.id() == REPLY).hasSize(2).allSatisfy(m -> {
                    assertThat(m.message()).as("the reply's own text stays").isEqualTo("reply words");
                    assertThat(m.replyTo()).contains(new QuotedMessage(SECRET, UserId.of(5), "", true));
                });
        assertThat(events).noneMatch(MessageEdited.class::isInstance);
        assertThat(events).filteredOn(MessageDeleted.class::isInstance).hasSize(4).containsOnly(DELETION);
        SessionChanged session = (SessionChanged) events.stream().filter(SessionChanged.class::isInstance)
                .findFirst().orElseThrow();
        assertThat(session.session().users()).extracting(u -> u.lastMessage().orElseThrow()).containsExactly(
                new MessageSummary(SECRET, "message", "", AT, true),
                new MessageSummary(KEPT, "message", "kept words", AT));
    }

    @Test
    void a_deletion_that_rolls_back_leaves_the_log_as_it_was() {
        publishTheSecret();
        List<Notification> before = everything();

        assertThatThrownBy(() -> ports().transactions().inTransaction(() -> {
            bus().forgetText(DELETION);
            throw new IllegalStateException("the deletion failed");
        })).hasMessage("the deletion failed");

        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void a_message_deleted_twice_or_never_posted_changes_nothing_else() {
        publishTheSecret();
        delete();
        List<Notification> once = everything();

        delete();
        ports().transactions().inTransaction(() -> bus().forgetText(new MessageDeleted(SESSION, 999, AT)));

        assertThat(everything().subList(0, once.size())).isEqualTo(once);
    }
}

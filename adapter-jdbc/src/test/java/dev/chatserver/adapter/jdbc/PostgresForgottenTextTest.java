package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.NotificationBus;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.NotificationRetention;
import dev.chatserver.domain.account.Partner;
import dev.chatserver.domain.account.PartnerId;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.application.port.out.notification.event.MessageDeleted;
import dev.chatserver.application.port.out.notification.event.MessageEdited;
import dev.chatserver.application.port.out.notification.event.MessagePosted;
import dev.chatserver.application.port.in.view.MessageViews;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the shared notification table itself keeps of a deleted message: no text, in no row. */
class PostgresForgottenTextTest {
    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");
    private static final UUID SESSION = UUID.fromString("6f1c1a2e-7d4b-4f53-9a51-2b1e4f0c9d11");
    private static final Channel LYNX = Channel.ofUser(UserId.of(5));

    private final JdbcStorage storage = PostgresTestDatabases.newStorage();
    private final NotificationBus bus = storage.ports().realtime().orElseThrow().notifications()
            .open(Clock.systemUTC(), NotificationRetention.DEFAULT).bus();
    private final Transactions transactions = storage.ports().transactions();

    @AfterEach
    void close() {
        storage.close();
    }

    private static MessagePosted posted(long id, String text) {
        return new MessagePosted(MessageViews.restored(id, 7, SESSION, UserId.of(5), "Lucid Lynx",
                new Partner(PartnerId.of(11), "Lucid Lynx"), "message", text, AT, java.util.List.of(),
                Optional.empty(), java.util.List.of()));
    }

    private List<String> rows() {
        return storage.jdbi().withHandle(h -> h.createQuery("select message from bus_notifications order by id")
                .mapTo(String.class).list());
    }

    private List<Long> indexedMessages() {
        return storage.jdbi().withHandle(h -> h.createQuery(
                "select message_id from bus_notification_texts order by notification_id, message_id")
                .mapTo(Long.class).list());
    }

    @Test
    void the_rows_that_carried_the_text_are_rewritten_and_leave_the_index() {
        transactions.inTransaction(() -> bus.publish(LYNX, posted(42, "secret words")));
        bus.publish(LYNX, posted(43, "other words"));
        transactions.inTransaction(() -> bus.publish(LYNX, new MessageEdited(SESSION, 42, "secret edit", AT, java.util.List.of())));
        assertThat(indexedMessages()).containsExactly(42L, 43L, 42L);

        transactions.inTransaction(() -> {
            MessageDeleted deletion = new MessageDeleted(SESSION, 42, AT.plusSeconds(5));
            bus.forgetText(deletion);
            bus.publish(LYNX, deletion);
        });

        assertThat(rows()).hasSize(4).noneMatch(row -> row.contains("secret"));
        assertThat(rows().get(0)).contains("\"deleted\":true");
        assertThat(rows().get(1)).contains("other words");
        assertThat(indexedMessages()).containsExactly(43L);
    }

    @Test
    void a_row_the_retention_drops_takes_its_index_rows_along() {
        bus.publish(LYNX, posted(42, "secret words"));
        storage.jdbi().useHandle(h -> h.execute("delete from bus_notifications"));

        assertThat(indexedMessages()).isEmpty();
    }
}

package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.IdempotencyKeys;
import dev.chatserver.application.port.out.IdempotencyKeys.Key;
import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.Event;
import dev.chatserver.domain.chats.EventId;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V40 stores a Chats account as its pair's key: an event and an idempotency key stored before, as the text
 * {@code label.audience}, keep the account they were read as (the label ends at the first dot).
 */
class ChatAccountPairsMigrationTest {
    private static final UUID ROOM = UUID.fromString("91e03d34-1929-4a02-9486-4c3e708686b3");
    private static final UUID EVENT = UUID.fromString("0b6f7d1e-64a8-4f4b-9d0c-3a3f2f7b9a11");
    private static final String CHAT = "5d1f6a8e-2b1c-4e7a-8f0d-9c2b7e6a4d33";

    @Test
    void on_h2_stored_accounts_keep_their_pair() throws SQLException {
        storedBefore(DatabaseSettings.h2Memory("accounts_" + UUID.randomUUID().toString().replace("-", "")));
    }

    @Test
    void on_postgres_stored_accounts_keep_their_pair() throws SQLException {
        DatabaseSettings database = PostgresTestDatabases.newEmptyDatabase();
        try {
            storedBefore(database);
        } finally {
            PostgresTestDatabases.drop(database);
        }
    }

    private static void storedBefore(DatabaseSettings database) throws SQLException {
        Migrations.of(Flyway.configure().dataSource(database.url(), database.user(), database.password()),
                database.kind()).target("36").load().migrate();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement statement = connection.createStatement()) {
            statement.execute("insert into event_rooms (id, audience, tags, opened_at, last_occurred_at, created_at) values ('"
                    + ROOM + "', 'example.org', '{}', current_timestamp, 1, current_timestamp)");
            statement.execute("insert into chat_events (id, room_id, type, set_name, label, data, occurred_at,"
                    + " original_occurred_at, created_by, created_at) values ('" + EVENT + "', '" + ROOM
                    + "', 'message', 'default', '', '1', 1, 1, 'backend.svc.example.org', current_timestamp)");
            statement.execute("insert into idempotency_keys (scope, client_key, answer, kept_at) values"
                    + " ('chat:" + CHAT + ":backend.svc.example.org', 'k-1', '" + EVENT + "', current_timestamp),"
                    + " ('im:7:5', 'k-1', '42', current_timestamp)");
        }

        try (JdbcStorage storage = JdbcStorage.open(database)) {
            List<Event> events = storage.ports().events().byIds(List.of(new EventId(EVENT)));
            assertThat(events).extracting(Event::createdBy).containsExactly(new AccountId("backend", "svc.example.org"));
            IdempotencyKeys keys = storage.ports().idempotencyKeys();
            String scope = "chat:" + CHAT + ":" + new AccountId("backend", "svc.example.org").key();
            assertThat(keys.find(List.of(new Key(scope, "k-1"), new Key("im:7:5", "k-1"))))
                    .extracting(IdempotencyKeys.Kept::answer).containsExactlyInAnyOrder(EVENT.toString(), "42");
        }
    }
}

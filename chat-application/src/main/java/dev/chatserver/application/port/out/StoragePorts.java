package dev.chatserver.application.port.out;

import java.util.Objects;
import java.util.Optional;

/**
 * Every outgoing port one storage provides, one component each: a storage that leaves one out does not compile.
 * The wiring binds each component and the contract suite takes each port from here, so neither ever asks which
 * storage it got.
 *
 * @param realtime the bus and the presence board, when the storage keeps them (memory, H2 and PostgreSQL do); a
 *                 storage that keeps neither (an embedder's own may) has none, and each node keeps its own in memory
 */
public record StoragePorts(
        StorageProbe probe,
        Transactions transactions,
        UserDirectory users,
        AccountRegistry accounts,
        AccountStandings standings,
        AuditLog audit,
        SignInTokens signInTokens,
        SignInFailures signInFailures,
        ImSessions imSessions,
        ImMessages imMessages,
        MessageReactions messageReactions,
        MessageSearch messageSearch,
        AddressBooks addressBooks,
        ChatStore chats,
        EventRoomStore eventRooms,
        EventStore events,
        IdempotencyKeys idempotencyKeys,
        Attachments attachments,
        FileContents fileContents,
        GroupConversations groupConversations,
        UserBlocks userBlocks,
        RoomBans roomBans,
        MailPreferences mailPreferences,
        ConnectionSightings connectionSightings,
        MailQueue mailQueue,
        Optional<Realtime> realtime) {

    public StoragePorts {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(standings, "standings");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(signInTokens, "signInTokens");
        Objects.requireNonNull(signInFailures, "signInFailures");
        Objects.requireNonNull(imSessions, "imSessions");
        Objects.requireNonNull(imMessages, "imMessages");
        Objects.requireNonNull(messageReactions, "messageReactions");
        Objects.requireNonNull(messageSearch, "messageSearch");
        Objects.requireNonNull(addressBooks, "addressBooks");
        Objects.requireNonNull(chats, "chats");
        Objects.requireNonNull(eventRooms, "eventRooms");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(idempotencyKeys, "idempotencyKeys");
        Objects.requireNonNull(attachments, "attachments");
        Objects.requireNonNull(fileContents, "fileContents");
        Objects.requireNonNull(groupConversations, "groupConversations");
        Objects.requireNonNull(userBlocks, "userBlocks");
        Objects.requireNonNull(roomBans, "roomBans");
        Objects.requireNonNull(mailPreferences, "mailPreferences");
        Objects.requireNonNull(connectionSightings, "connectionSightings");
        Objects.requireNonNull(mailQueue, "mailQueue");
        Objects.requireNonNull(realtime, "realtime");
    }

    /**
     * The notification log and bus (opened by the wiring with the clock and the retention) and the presence board a
     * storage keeps: in the database (shared by several nodes on PostgreSQL, one node's on H2), or in memory (the
     * memory storage).
     */
    public record Realtime(NotificationStorage notifications, PresenceBoard presence) {
        public Realtime {
            Objects.requireNonNull(notifications, "notifications");
            Objects.requireNonNull(presence, "presence");
        }
    }
}

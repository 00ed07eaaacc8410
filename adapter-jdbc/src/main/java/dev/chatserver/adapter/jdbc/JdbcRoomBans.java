package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.RoomBans;
import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.RoomBan;
import dev.chatserver.domain.chats.RoomId;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Room bans in room_bans (V65), an account stored by its key. */
final class JdbcRoomBans implements RoomBans {
    private static final String COLUMNS = "room_id, account_key, reason, banned_by, banned_at";
    private static final RowMapper<RoomBan> BAN = (rs, ctx) -> new RoomBan(
            new RoomId(rs.getObject("room_id", UUID.class)),
            AccountId.fromKey(rs.getString("account_key")),
            rs.getString("reason"),
            AccountId.fromKey(rs.getString("banned_by")),
            SqlTime.instant(rs, "banned_at"));

    private final Jdbi jdbi;

    JdbcRoomBans(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean add(RoomBan ban) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        insert into room_bans (room_id, account_key, reason, banned_by, banned_at)
                        values (:room, :account, :reason, :by, :at)
                        on conflict do nothing""")
                .bind("room", ban.room().value())
                .bind("account", ban.account().key())
                .bind("reason", ban.reason())
                .bind("by", ban.by().key())
                .bind("at", SqlTime.utc(ban.at()))
                .execute()) > 0;
    }

    @Override
    public boolean remove(RoomId room, AccountId account) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "delete from room_bans where room_id = :room and account_key = :account")
                .bind("room", room.value()).bind("account", account.key()).execute()) > 0;
    }

    @Override
    public Optional<RoomBan> ban(RoomId room, AccountId account) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS
                        + " from room_bans where room_id = :room and account_key = :account")
                .bind("room", room.value()).bind("account", account.key()).map(BAN).findOne());
    }

    @Override
    public int count(RoomId room) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from room_bans where room_id = :room")
                .bind("room", room.value()).mapTo(Integer.class).one());
    }

    @Override
    public List<RoomBan> page(RoomId room, String afterKey, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from room_bans where room_id = :room"
                        + (afterKey == null ? "" : " and account_key > :after")
                        + " order by account_key limit :limit")
                .bind("room", room.value())
                .bind("after", afterKey)
                .bind("limit", limit)
                .map(BAN).list());
    }

    @Override
    public Map<RoomId, Set<AccountId>> bannedAmong(Collection<RoomId> rooms, Collection<AccountId> accounts) {
        if (rooms.isEmpty() || accounts.isEmpty()) {
            return Map.of();
        }
        Map<RoomId, Set<AccountId>> banned = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        select room_id, account_key from room_bans
                        where room_id = any(:rooms) and account_key = any(:accounts)""")
                .bindArray("rooms", UUID.class, rooms.stream().map(RoomId::value).distinct().toList())
                .bindArray("accounts", String.class, accounts.stream().map(AccountId::key).distinct().toList())
                .map((rs, ctx) -> Map.entry(new RoomId(rs.getObject("room_id", UUID.class)),
                        AccountId.fromKey(rs.getString("account_key"))))
                .forEach(row -> banned.computeIfAbsent(row.getKey(), room -> new HashSet<>()).add(row.getValue())));
        return banned;
    }
}

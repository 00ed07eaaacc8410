package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.MessageReactions;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.Emoji;
import dev.chatserver.domain.im.Reaction;
import dev.chatserver.application.port.in.view.ReactionCount;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reactions in SQL; the unique key keeps one row per member, message and emoji whatever races. */
final class JdbcMessageReactions implements MessageReactions {
    private final Jdbi jdbi;

    JdbcMessageReactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean has(Reaction reaction) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select count(*) from im_message_reactions where message_id = :m and user_id = :u and emoji = :e""")
                .bind("m", reaction.messageId()).bind("u", reaction.user().value()).bind("e", reaction.emoji().value())
                .mapTo(Integer.class).one() > 0);
    }

    @Override
    public boolean add(Reaction reaction) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        insert into im_message_reactions (message_id, user_id, emoji) values (:m, :u, :e)
                        on conflict do nothing""")
                .bind("m", reaction.messageId()).bind("u", reaction.user().value()).bind("e", reaction.emoji().value())
                .execute() > 0);
    }

    @Override
    public boolean remove(Reaction reaction) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        delete from im_message_reactions where message_id = :m and user_id = :u and emoji = :e""")
                .bind("m", reaction.messageId()).bind("u", reaction.user().value()).bind("e", reaction.emoji().value())
                .execute() > 0);
    }

    @Override
    public int count(long messageId, Emoji emoji) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select count(*) from im_message_reactions where message_id = :m and emoji = :e""")
                .bind("m", messageId).bind("e", emoji.value()).mapTo(Integer.class).one());
    }

    /** One row per member, message and emoji (the unique key), so the rows are the distinct emoji. */
    @Override
    public int distinctOf(long messageId, UserId user) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select count(*) from im_message_reactions where message_id = :m and user_id = :u""")
                .bind("m", messageId).bind("u", user.value()).mapTo(Integer.class).one());
    }

    @Override
    public void clear(long messageId) {
        jdbi.useHandle(h -> h.createUpdate("delete from im_message_reactions where message_id = :m")
                .bind("m", messageId).execute());
    }

    @Override
    public Map<Long, List<ReactionCount>> of(Collection<Long> messageIds, UserId viewer) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<ReactionCount>> out = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        select message_id, emoji, count(*) as members,
                               max(case when user_id = :viewer then 1 else 0 end) as mine
                        from im_message_reactions where message_id = any(:ids)
                        group by message_id, emoji order by message_id, min(id)""")
                .bindArray("ids", Long.class, messageIds.stream().distinct().toList())
                .bind("viewer", viewer.value())
                .map((rs, ctx) -> {
                    out.computeIfAbsent(rs.getLong("message_id"), id -> new ArrayList<>()).add(new ReactionCount(
                            rs.getString("emoji"), rs.getInt("members"), rs.getInt("mine") == 1));
                    return null;
                }).list());
        return out;
    }
}

package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.UserBlocks;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.Block;
import org.jdbi.v3.core.Jdbi;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Blocks in user_blocks (V52). */
final class JdbcUserBlocks implements UserBlocks {
    private final Jdbi jdbi;

    JdbcUserBlocks(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean add(Block block) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        insert into user_blocks (blocker_id, blocked_id) values (:blocker, :blocked)
                        on conflict do nothing""")
                .bind("blocker", block.blocker().value()).bind("blocked", block.blocked().value()).execute()) > 0;
    }

    @Override
    public boolean remove(Block block) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "delete from user_blocks where blocker_id = :blocker and blocked_id = :blocked")
                .bind("blocker", block.blocker().value()).bind("blocked", block.blocked().value()).execute()) > 0;
    }

    @Override
    public Set<Block> existing(Collection<Block> blocks) {
        if (blocks.isEmpty()) {
            return Set.of();
        }
        List<Block> wanted = List.copyOf(new LinkedHashSet<>(blocks));
        // two arrays side by side: one statement for any number of pairs, on both databases
        Set<Block> found = new LinkedHashSet<>();
        jdbi.useHandle(h -> h.createQuery("""
                        select blocker_id, blocked_id from user_blocks
                        where blocker_id = any(:blockers) and blocked_id = any(:blockeds)""")
                .bindArray("blockers", Long.class, wanted.stream().map(b -> b.blocker().value()).distinct().toList())
                .bindArray("blockeds", Long.class, wanted.stream().map(b -> b.blocked().value()).distinct().toList())
                .map((rs, ctx) -> new Block(UserId.of(rs.getLong("blocker_id")), UserId.of(rs.getLong("blocked_id"))))
                .forEach(block -> {
                    if (wanted.contains(block)) {
                        found.add(block);
                    }
                }));
        return found;
    }

    @Override
    public List<UserId> blockedBy(UserId blocker) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select blocked_id from user_blocks where blocker_id = :blocker order by blocked_id")
                .bind("blocker", blocker.value()).mapTo(Long.class).map(UserId::of).list());
    }

    @Override
    public int countBlockedBy(UserId blocker) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from user_blocks where blocker_id = :blocker")
                .bind("blocker", blocker.value()).mapTo(Integer.class).one());
    }
}

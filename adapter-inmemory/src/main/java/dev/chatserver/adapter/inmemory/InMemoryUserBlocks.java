package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.UserBlocks;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.Block;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Blocks in memory. */
public final class InMemoryUserBlocks implements UserBlocks {
    private final Set<Block> blocks = new HashSet<>();

    @Override
    public synchronized boolean add(Block block) {
        return blocks.add(block);
    }

    @Override
    public synchronized boolean remove(Block block) {
        return blocks.remove(block);
    }

    @Override
    public synchronized Set<Block> existing(Collection<Block> wanted) {
        Set<Block> found = new LinkedHashSet<>();
        wanted.stream().filter(blocks::contains).forEach(found::add);
        return found;
    }

    @Override
    public synchronized List<UserId> blockedBy(UserId blocker) {
        return blocks.stream().filter(b -> b.blocker().equals(blocker)).map(Block::blocked)
                .sorted(Comparator.comparingLong(UserId::value)).toList();
    }

    @Override
    public synchronized int countBlockedBy(UserId blocker) {
        return (int) blocks.stream().filter(b -> b.blocker().equals(blocker)).count();
    }
}

package dev.chatserver.application.port.out;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.Block;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Who blocked whom ({@link Block}). */
public interface UserBlocks {
    /** Keeps the block; false when it was kept already. */
    boolean add(Block block);

    /** Forgets the block; false when there was none. */
    boolean remove(Block block);

    /** Those of these blocks that exist, in one read however many. */
    Set<Block> existing(Collection<Block> blocks);

    /** The users {@code blocker} blocked, in id order. */
    List<UserId> blockedBy(UserId blocker);

    /** How many users {@code blocker} blocked. */
    int countBlockedBy(UserId blocker);
}

package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;

import java.util.List;

/**
 * A user blocks another (see {@link dev.chatserver.domain.im.Block}) or lifts the block; each answers the users
 * the caller now blocks, in id order. An unknown user is {@code NotFound} naming {@code user}; blocking oneself is
 * {@code InvalidInput}; past {@link #MAX_BLOCKS} blocks a new one is refused ({@code block_limit}).
 */
public interface BlockUsers {
    int MAX_BLOCKS = 1000;

    List<UserId> block(BlockCommand command);

    List<UserId> unblock(BlockCommand command);

    List<UserId> blocked(User caller);
}

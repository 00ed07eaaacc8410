package dev.chatserver.domain.im;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.AccessDenied;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code blocker} blocked {@code blocked}: the blocked user can neither open a private session with the blocker
 * nor post into their private sessions, and hears only a refusal (never that it is a block).
 */
public record Block(UserId blocker, UserId blocked) {
    public Block {
        Objects.requireNonNull(blocker, "blocker");
        Objects.requireNonNull(blocked, "blocked");
    }

    /** A block {@code blocker} asks for; nobody blocks themselves ({@code field} names the other user). */
    public static Block of(UserId blocker, UserId blocked, String field) {
        if (blocker.equals(blocked)) {
            throw new InvalidInput(field, field + " is another user than yourself");
        }
        return new Block(blocker, blocked);
    }

    /** The blocks that would stop a post into this session: in a private pair, each member blocking the other. */
    public static List<Block> thatWouldStopPostsIn(ImSession session) {
        if (!session.isPrivatePair()) {
            return List.of();
        }
        UserId one = session.members().get(0).user();
        UserId other = session.members().get(1).user();
        return List.of(new Block(one, other), new Block(other, one));
    }

    /** Who may post in {@code session}, given the blocks of {@link #thatWouldStopPostsIn} that exist. */
    public static PostingRights postingRightsIn(ImSession session, Collection<Block> existing) {
        if (!session.isPrivatePair() || existing.isEmpty()) {
            return PostingRights.MEMBERS;
        }
        return sender -> existing.stream().anyMatch(b -> b.blocked().equals(sender) && session.hasMember(b.blocker()))
                ? Optional.of(refusal("session")) : Optional.empty();
    }

    /** Opening a private session with someone who blocked the opener is refused naming {@code field}. */
    public static void checkOpening(boolean openerIsBlocked, String field) {
        if (openerIsBlocked) {
            throw refusal(field);
        }
    }

    private static AccessDenied refusal(String field) {
        return new AccessDenied(field, "You cannot write to this user");
    }
}

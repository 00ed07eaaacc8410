package dev.chatserver.domain.im;

import dev.chatserver.domain.account.Group;
import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.InvalidInput;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A session to create when none has its key yet. */
public record NewSession(SessionKey key, UUID uuid, Instant createDate, Optional<GroupId> group,
                         Optional<DocumentRef> document, Set<UserId> members) {
    public NewSession {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(document, "document");
        members = Set.copyOf(members);
    }

    /** How its members join it (open, active, read, having said nothing), in user order. */
    public List<Membership> memberships() {
        return members.stream().sorted(Comparator.comparingLong(UserId::value)).map(Membership::joining).toList();
    }

    /**
     * The private session of {@code opener} with {@code other}, about the document or not: one per pair and
     * document whoever opens it. Nobody has a session with themselves ({@link InvalidInput} on {@code userTo},
     * the field of the command that names the other user).
     */
    public static NewSession privateBetween(UserId opener, UserId other, Optional<DocumentRef> document, UUID uuid,
                                            Instant now) {
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(other, "other");
        if (opener.equals(other)) {
            throw new InvalidInput("userTo", "userTo is another user than yourself");
        }
        return new NewSession(SessionKey.privateBetween(opener, other, document), uuid, now, Optional.empty(),
                document, Set.of(opener, other));
    }

    /**
     * A group conversation {@code creator} starts with {@code others} (see {@link GroupConversation}): found by its
     * own uuid only, never by a pair's or a provisioned group's key.
     */
    public static NewSession groupConversation(UserId creator, Set<UserId> others, UUID uuid, Instant now) {
        Objects.requireNonNull(creator, "creator");
        Set<UserId> members = new java.util.HashSet<>(others);
        members.add(creator);
        return new NewSession(SessionKey.adHoc(uuid), uuid, now, Optional.empty(), Optional.empty(), members);
    }

    /** The session of the group, about the document or not: one per group and document, its members joining. */
    public static NewSession ofGroup(Group group, Optional<DocumentRef> document, UUID uuid, Instant now) {
        return new NewSession(SessionKey.ofGroup(group.id(), document), uuid, now, Optional.of(group.id()),
                document, group.members());
    }
}

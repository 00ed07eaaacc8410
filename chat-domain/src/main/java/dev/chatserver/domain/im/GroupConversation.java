package dev.chatserver.domain.im;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.AccessDenied;
import dev.chatserver.domain.problem.InvalidInput;
import dev.chatserver.domain.problem.NotFound;
import dev.chatserver.domain.problem.Refused;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A group conversation people made themselves (not a provisioned user group's): its session with the members,
 * its name, who may post, and its admins. It decides who may change what: any member adds people; only admins
 * rename it, remove members, set roles and posting; the last admin leaves only by naming another. Anyone but a
 * member is answered as if the conversation did not exist. Each change answers the conversation as it becomes.
 */
public record GroupConversation(ImSession session, GroupName name, Posting posting, Set<UserId> admins) {
    public GroupConversation {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(posting, "posting");
        admins = Set.copyOf(admins);
        if (!session.memberIds().containsAll(admins)) {
            throw new IllegalArgumentException("every admin of " + session.uuid() + " is a member of it");
        }
    }

    /** The conversation of {@code session} (its members as read, under lock for a change) with what it keeps. */
    public static GroupConversation of(ImSession session, GroupSettings settings) {
        return new GroupConversation(session, settings.name(), settings.posting(), settings.admins());
    }

    public GroupSettings settings() {
        return new GroupSettings(name, posting, admins);
    }

    /** How a new conversation starts: everyone may post, and its creator is its one admin. */
    public static GroupConversation created(ImSession session, GroupName name, UserId creator) {
        return new GroupConversation(session, name, Posting.ALL, Set.of(creator));
    }

    public GroupRole roleOf(UserId member) {
        member(member);
        return admins.contains(member) ? GroupRole.ADMIN : GroupRole.MEMBER;
    }

    /** Whether {@code member} may post here: everyone in an open group, admins only in an announcement group. */
    public boolean mayPost(UserId member) {
        return session.hasMember(member) && (posting == Posting.ALL || admins.contains(member));
    }

    /** Who may post, as {@link ImSession#postAll} asks it: everyone, or only admins in an announcement group. */
    public PostingRights postingRights() {
        return sender -> mayPost(sender) ? Optional.empty() : Optional.of(onlyAdminsPost());
    }

    /** What anyone but an admin hears when they try to post into an announcement group. */
    public static AccessDenied onlyAdminsPost() {
        return new AccessDenied("session", "Only the admins of this group may post in it");
    }

    public Optional<GroupConversation> rename(UserId actor, GroupName newName) {
        admin(actor, "rename the group");
        return changed(new GroupConversation(session, newName, posting, admins));
    }

    public Optional<GroupConversation> setPosting(UserId actor, Posting newPosting) {
        admin(actor, "set who may post");
        return changed(new GroupConversation(session, name, newPosting, admins));
    }

    /**
     * How those of {@code users} who are not members yet join, in the order given (any member may add people);
     * empty when they all are.
     */
    public List<Membership> add(UserId actor, Collection<UserId> users) {
        member(actor);
        return session.newcomers(users);
    }

    /** The conversation once these newcomers joined (as members, not admins). */
    public GroupConversation joinedBy(Collection<Membership> newcomers) {
        ImSession joined = session;
        for (Membership newcomer : newcomers) {
            joined = joined.joinedBy(newcomer);
        }
        return new GroupConversation(joined, name, posting, admins);
    }

    /** An admin removes another member; removing oneself is leaving ({@link #leave}). */
    public GroupConversation remove(UserId actor, UserId member) {
        admin(actor, "remove members");
        if (actor.equals(member)) {
            throw new InvalidInput("member", "member is someone else: to go yourself, leave the group");
        }
        if (!session.hasMember(member)) {
            throw notAMember("member");
        }
        return without(member, admins);
    }

    /**
     * The member goes. The last admin, while others stay, names one of them ({@code successor}) who becomes
     * admin; anyone else leaves without naming anybody.
     */
    public GroupConversation leave(UserId member, Optional<UserId> successor) {
        member(member);
        Set<UserId> remaining = new HashSet<>(admins);
        remaining.remove(member);
        boolean othersStay = session.members().size() > 1;
        if (successor.isPresent()) {
            if (!admins.contains(member)) {
                throw new AccessDenied("successor", "Only an admin names a successor");
            }
            UserId next = successor.get();
            if (next.equals(member) || !session.hasMember(next)) {
                throw notAMember("successor");
            }
            remaining.add(next);
        } else if (remaining.isEmpty() && othersStay) {
            throw new Refused("last_admin", "successor",
                    "successor is required: the last admin names another member, who becomes admin, to leave");
        }
        return without(member, remaining);
    }

    /** An admin makes a member admin, or an admin member; the last admin cannot stop being one. */
    public Optional<GroupConversation> setRole(UserId actor, UserId member, GroupRole role) {
        admin(actor, "set roles");
        if (!session.hasMember(member)) {
            throw notAMember("member");
        }
        Set<UserId> changed = new HashSet<>(admins);
        if (role == GroupRole.ADMIN) {
            changed.add(member);
        } else {
            changed.remove(member);
        }
        if (changed.isEmpty()) {
            throw new Refused("last_admin", "role",
                    "role stays admin for the last admin until another member is made admin");
        }
        return changed(new GroupConversation(session, name, posting, changed));
    }

    private GroupConversation without(UserId member, Set<UserId> newAdmins) {
        Set<UserId> kept = new HashSet<>(newAdmins);
        kept.remove(member);
        return new GroupConversation(session.leftBy(member), name, posting, kept);
    }

    private Optional<GroupConversation> changed(GroupConversation after) {
        return after.equals(this) ? Optional.empty() : Optional.of(after);
    }

    private void member(UserId user) {
        if (!session.hasMember(user)) {
            throw ImSession.unknown();
        }
    }

    private void admin(UserId actor, String what) {
        member(actor);
        if (!admins.contains(actor)) {
            throw new AccessDenied("session", "Only an admin of this group may " + what);
        }
    }

    private static NotFound notAMember(String field) {
        return new NotFound("user", field, field + " is not a member of this group");
    }
}

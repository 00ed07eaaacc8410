package dev.chatserver.domain.im;

import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.InvalidInput;
import dev.chatserver.domain.problem.NotFound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An IM conversation, private between two users or of a group, optionally about one document, with what each
 * member sees of it. It decides what a post and a member's changes do; the stores keep what it decided.
 */
public record ImSession(long id, UUID uuid, Instant createDate, Optional<GroupId> group,
                        Optional<DocumentLink> document, List<Membership> members) {
    public ImSession {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(document, "document");
        members = List.copyOf(members);
    }

    /** What anyone but a member hears of a session, whether it exists or not. */
    public static NotFound unknown() {
        return new NotFound("session", "session", "Session does not exist");
    }

    public boolean isGroup() {
        return group.isPresent();
    }

    public boolean hasMember(UserId user) {
        return membershipOf(user).isPresent();
    }

    public Optional<Membership> membershipOf(UserId user) {
        return members.stream().filter(m -> m.user().equals(user)).findFirst();
    }

    public List<UserId> memberIds() {
        return members.stream().map(Membership::user).toList();
    }

    /**
     * A member says something: the message to store, and the others whose view changes (they turn unread, a
     * closed session comes back folded). Anyone else is refused as if the session did not exist; a reply, which
     * needs the message it answers ({@link #postAll}), is refused naming {@code replyToId}.
     */
    public MessagePost post(PostDraft draft, Instant now) {
        member(draft.sender());
        SessionPosts.Decision decision = postedAs(draft, Map.of(), Map.of(), now);
        decision.refusal().ifPresent(problem -> {
            throw problem;
        });
        return decided(decision.message().orElseThrow());
    }

    /**
     * Several posts arriving {@code now}, decided at once in the order given: each sender who is a member says
     * what they drafted, anyone else is refused (as {@link #post} refuses) without changing what the others do.
     * A reply must answer one of this session's messages among {@code repliedTo} (those its drafts name that
     * exist): one of another session, or none, is refused naming {@code replyToId}, alike.
     */
    public SessionPosts postAll(List<PostDraft> drafts, Collection<ImMessage> repliedTo, Instant now) {
        return postAll(drafts, repliedTo, now, PostingRights.MEMBERS);
    }

    /**
     * {@link #postAll}, where a member's post is also subject to {@code rights} (an announcement group's, a
     * block's): a post they refuse is answered with their refusal, the others are decided as usual.
     */
    public SessionPosts postAll(List<PostDraft> drafts, Collection<ImMessage> repliedTo, Instant now,
                                PostingRights rights) {
        return postAll(drafts, repliedTo, Map.of(), now, rights);
    }

    /**
     * {@link #postAll}, each message mentioning the members its text calls by {@code @login}
     * ({@link #mentionsIn}), found among {@code mentionable}: the users of the logins the drafts call that exist.
     */
    public SessionPosts postAll(List<PostDraft> drafts, Collection<ImMessage> repliedTo,
                                Map<Login, UserId> mentionable, Instant now, PostingRights rights) {
        Map<Long, ImMessage> ownById = repliedTo.stream().filter(message -> message.sessionId() == id)
                .collect(Collectors.toMap(ImMessage::id, Function.identity(), (a, b) -> a));
        return new SessionPosts(this, drafts.stream().map(draft -> !hasMember(draft.sender())
                ? SessionPosts.Decision.refused(unknown())
                : rights.refusalOf(draft.sender()).map(SessionPosts.Decision::refused)
                        .orElseGet(() -> postedAs(draft, ownById, mentionable, now))).toList());
    }

    /**
     * The members {@code text}, said by {@code author}, calls by {@code @login} ({@link Mentions}), in user id
     * order, looked up in {@code users} (the users of the logins it calls that exist): nobody outside the
     * session, and never the author.
     */
    public List<UserId> mentionsIn(String text, Map<Login, UserId> users, UserId author) {
        return Mentions.in(text).membersOf(this, users, author);
    }

    /** {@link #postAll} of posts that reply to nothing (a reply among them is refused). */
    public SessionPosts postAll(List<PostDraft> drafts, Instant now) {
        return postAll(drafts, List.of(), now);
    }

    /** {@link #postAll} of posts that reply to nothing, subject to {@code rights}. */
    public SessionPosts postAll(List<PostDraft> drafts, Instant now, PostingRights rights) {
        return postAll(drafts, List.of(), now, rights);
    }

    private SessionPosts.Decision postedAs(PostDraft draft, Map<Long, ImMessage> ownById,
                                           Map<Login, UserId> mentionable, Instant now) {
        if (draft.replyToId().isPresent() && !ownById.containsKey(draft.replyToId().get())) {
            return SessionPosts.Decision.refused(unknownRepliedTo());
        }
        List<UserId> mentions = mentionable.isEmpty() ? List.of()
                : mentionsIn(draft.content(), mentionable, draft.sender());
        return SessionPosts.Decision.accepted(ImMessage.unsaved(id, draft, mentions, now));
    }

    /** What a reply to a message that is not in this session hears, whether the message exists or not. */
    public static InvalidInput unknownRepliedTo() {
        return new InvalidInput("replyToId", "replyToId names no message of this session");
    }

    /** A member's message, not stored yet: the others whose view it changes. */
    MessagePost decided(ImMessage message) {
        List<Membership> othersChanged = members.stream().filter(m -> !m.user().equals(message.from()))
                .flatMap(m -> m.seeMessageFromOther().stream()).toList();
        return new MessagePost(this, message, othersChanged);
    }

    /** The member opens, folds or closes the session for themselves: their membership if it changed. */
    public Optional<Membership> changeState(UserId member, SessionState state) {
        return member(member).changeState(state);
    }

    /** The member files the session as active, favorite or archive: their membership if it changed. */
    public Optional<Membership> changeStatus(UserId member, SessionStatus status) {
        return member(member).changeStatus(status);
    }

    /** The member has read the session: their membership if it was unread. */
    public Optional<Membership> markRead(UserId member) {
        return member(member).markRead();
    }

    /**
     * The member has seen the session up to {@code message} (one of this session's: any other is refused naming
     * {@code messageId}): their membership if their read pointer moved or the session turned read. With
     * {@code nothingNewer} (no other member's message is newer), the session turns read too.
     */
    public Optional<Membership> markSeen(UserId member, ImMessage message, boolean nothingNewer) {
        Membership own = member(member);
        if (message.sessionId() != id) {
            throw unknownMessage();
        }
        return own.seenUpTo(message.id(), nothingNewer);
    }

    /** What anyone hears of a message that is not in a session of theirs, whether it exists or not. */
    public static NotFound unknownMessage() {
        return new NotFound("message", "messageId", "Message does not exist in this session");
    }

    /** What {@code member} has not read here (see {@link Unread}). */
    public Unread unreadOf(UserId member) {
        return member(member).unreadIn(id);
    }

    /** How those of {@code users} who are not members yet join (open, active, read), in the order given. */
    public List<Membership> newcomers(Collection<UserId> users) {
        return new LinkedHashSet<>(users).stream().filter(u -> !hasMember(u)).map(Membership::joining).toList();
    }

    /**
     * A member invites {@code newcomer} in: how the session takes them, or nothing when they are a member already.
     * A private session that takes a third member stops being its pair's ({@link Invitation#newKey}); the pair's
     * next session is a new one. Anyone but a member is refused as if the session did not exist.
     */
    public Optional<Invitation> invite(UserId inviter, UserId newcomer) {
        member(inviter);
        Objects.requireNonNull(newcomer, "newcomer");
        if (hasMember(newcomer)) {
            return Optional.empty();
        }
        Optional<SessionKey> newKey = isPrivatePair() ? Optional.of(SessionKey.adHoc(uuid)) : Optional.empty();
        return Optional.of(new Invitation(this, Membership.joining(newcomer), newKey));
    }

    /** Whether this is the canonical private session of its two members. */
    public boolean isPrivatePair() {
        return !isGroup() && members.size() == 2;
    }

    /** The session with {@code newcomer}'s membership added (members in user order, as the stores keep them). */
    public ImSession joinedBy(Membership newcomer) {
        if (hasMember(newcomer.user())) {
            throw new IllegalArgumentException("user " + newcomer.user() + " is a member already");
        }
        List<Membership> joined = new ArrayList<>(members);
        joined.add(newcomer);
        joined.sort(Comparator.comparingLong(m -> m.user().value()));
        return new ImSession(id, uuid, createDate, group, document, joined);
    }

    /** The session without {@code member}'s membership (a member left or was removed). */
    public ImSession leftBy(UserId member) {
        member(member);
        List<Membership> kept = members.stream().filter(m -> !m.user().equals(member)).toList();
        return new ImSession(id, uuid, createDate, group, document, kept);
    }

    /** The session with these memberships in place of the members' current ones (members stay in their order). */
    public ImSession with(Collection<Membership> changed) {
        Map<UserId, Membership> byUser = changed.stream()
                .collect(Collectors.toMap(Membership::user, Function.identity(), (a, b) -> b));
        List<Membership> updated = members.stream().map(m -> byUser.getOrDefault(m.user(), m)).toList();
        return new ImSession(id, uuid, createDate, group, document, updated);
    }

    private Membership member(UserId user) {
        return membershipOf(user).orElseThrow(ImSession::unknown);
    }
}

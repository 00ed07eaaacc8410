package dev.chatserver.domain.im;

import dev.chatserver.domain.account.UserId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a post decides before the message has an id: the message to store ({@link ImMessage#unsaved}), and the
 * other members whose view it changes (they turn unread; those who had closed the session see it folded again).
 */
public record MessagePost(ImSession session, ImMessage message, List<Membership> othersChanged) {
    public MessagePost {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(message, "message");
        if (message.isStored()) {
            throw new IllegalArgumentException("message " + message.id() + " is stored already");
        }
        othersChanged = List.copyOf(othersChanged);
    }

    /** The other members whose view changed, in member order: the ones to tell. */
    public List<UserId> membersChanged() {
        return othersChanged.stream().map(Membership::user).toList();
    }

    /** The others who had read the session and now have not. */
    public List<UserId> turnedUnread() {
        return othersChanged.stream().filter(m -> before(m).read()).map(Membership::user).toList();
    }

    /** The others who had closed the session and now see it folded. */
    public List<UserId> reopenedFolded() {
        return othersChanged.stream().filter(m -> before(m).isClosed()).map(Membership::user).toList();
    }

    /** Once stored under {@code messageId}: the message becomes its sender's last one too. */
    public PostedMessage stored(long messageId) {
        Membership sender = before(message.from()).sent(messageId);
        List<Membership> changed = new ArrayList<>(othersChanged);
        changed.add(sender);
        changed.sort(Comparator.comparingLong(m -> m.user().value()));
        return new PostedMessage(message.storedAs(messageId), session.with(changed), changed);
    }

    private Membership before(Membership after) {
        return before(after.user());
    }

    private Membership before(UserId user) {
        return session.membershipOf(user).orElseThrow();
    }
}

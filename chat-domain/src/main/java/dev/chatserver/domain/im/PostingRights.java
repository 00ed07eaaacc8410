package dev.chatserver.domain.im;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.ChatProblem;

import java.util.Optional;

/**
 * Who of a session's members may post in it, beyond being a member: in an announcement group only its admins
 * ({@link GroupConversation#postingRights}), in a private session not someone the other member blocked. A
 * session asks it in {@link ImSession#postAll} for each member's post; the refusal it gives is that post's answer.
 */
@FunctionalInterface
public interface PostingRights {
    /** Every member may post. */
    PostingRights MEMBERS = sender -> Optional.empty();

    Optional<ChatProblem> refusalOf(UserId sender);

    /** This rule, then {@code other} for whoever this one lets post. */
    default PostingRights and(PostingRights other) {
        return sender -> refusalOf(sender).or(() -> other.refusalOf(sender));
    }
}

package dev.chatserver.application.port.in.im;

import dev.chatserver.application.port.in.view.SessionView;

import java.util.Optional;

/**
 * A member changes a group conversation: renames it, adds or removes people, leaves it, sets a member's role or
 * who may post. Each change is a meta message in the conversation and a live notification to its members; the
 * conversation decides who may make it. Answers the conversation as the caller now sees it, or nothing once the
 * caller left. A session the caller is not in is {@code NotFound} naming {@code session}.
 */
public interface ChangeGroup {
    Optional<SessionView> change(GroupChangeCommand command);
}

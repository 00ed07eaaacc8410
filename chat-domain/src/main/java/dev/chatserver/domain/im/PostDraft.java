package dev.chatserver.domain.im;

import dev.chatserver.domain.attachment.AttachmentId;

import java.util.HashSet;
import java.util.List;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;
import java.util.Optional;

/**
 * A post as its sender makes it, before its session decides on it: who says what. Everything a poster sets on a
 * message is a component here, and nowhere else on the way in (the command carries the draft). The message is
 * built whole from it ({@link ImMessage#unsaved}), so a component added to the message leads the compiler here,
 * and the HTTP face builds it whole, so a component added here leads to the parameter that sets it.
 * {@code replyToId} names the message the post answers, which its session checks is one of its own
 * ({@link ImSession#postAll}).
 */
public record PostDraft(UserId sender, MessageType type, String content, List<AttachmentId> attachmentIds,
                        Optional<Long> replyToId) {
    /** The message type that posts files; its content is an optional caption. */
    public static final MessageType ATTACHMENT = new MessageType("money4_chat_attach_msg");
    /** The most files one message posts. */
    public static final int MAX_ATTACHMENTS = 10;

    public PostDraft {
        Objects.requireNonNull(sender, "sender");
        if (type == null) {
            throw new InvalidInput("type", "type is required");
        }
        if (content == null) {
            throw new InvalidInput("content", "content is required");
        }
        if (attachmentIds == null) {
            throw new InvalidInput("attachmentIds", "attachmentIds is required");
        }
        attachmentIds = List.copyOf(attachmentIds);
        if (type.equals(ATTACHMENT) && attachmentIds.isEmpty()) {
            throw new InvalidInput("attachmentIds", "attachmentIds names at least one file for a " + ATTACHMENT.value());
        }
        if (!type.equals(ATTACHMENT) && !attachmentIds.isEmpty()) {
            throw new InvalidInput("attachmentIds", "attachmentIds only go with the type " + ATTACHMENT.value());
        }
        if (attachmentIds.size() > MAX_ATTACHMENTS) {
            throw new InvalidInput("attachmentIds", "attachmentIds names at most " + MAX_ATTACHMENTS + " files");
        }
        if (new HashSet<>(attachmentIds).size() != attachmentIds.size()) {
            throw new InvalidInput("attachmentIds", "attachmentIds names a file twice");
        }
        Objects.requireNonNull(replyToId, "replyToId");
        if (replyToId.isPresent() && replyToId.get() <= 0) {
            throw new InvalidInput("replyToId", "replyToId is a message id, a positive integer");
        }
    }

    /**
     * A post that says only this and sets nothing else a post may (the server's own notices, embedders and tests
     * that need no more): the one place a component added to drafts gets its value for them.
     */
    public static PostDraft plain(UserId sender, MessageType type, String content) {
        return new PostDraft(sender, type, content, List.of(), Optional.empty());
    }
}

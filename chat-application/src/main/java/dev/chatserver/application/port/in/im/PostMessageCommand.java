package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.account.User;
import dev.chatserver.domain.im.MessageType;
import dev.chatserver.domain.im.PostDraft;
import dev.chatserver.domain.problem.InvalidInput;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The caller says something in a session: what they drafted ({@link PostDraft}, whose sender is the caller). The
 * content is not empty (but for a post of files, {@link PostDraft#ATTACHMENT}, whose content is an optional
 * caption); how long it may be and which types are accepted is the server's configuration, checked by
 * the service. {@code clientId}, when given, is the caller's own key for this post: a retry with the same key in
 * the same session answers the first post (see {@link PostMessage}). A client never posts {@code meta}: those are
 * the server's own notices (a member joined), posted by the server alone, so no member can forge one.
 */
public record PostMessageCommand(User caller, UUID session, PostDraft draft, String clientId) {
    public static final int MAX_CLIENT_ID_LENGTH = 64;
    /**
     * A typing signal is never stored and travels between nodes in a bounded wake-up (PostgreSQL's 8000-byte
     * notification payload), so its content is short whatever the server allows a message.
     */
    public static final int MAX_TYPING_CONTENT_BYTES = 1024;

    public PostMessageCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(draft, "draft");
        if (!draft.sender().equals(caller.id())) {
            throw new IllegalArgumentException("a caller posts their own draft, not user " + draft.sender());
        }
        if (session == null) {
            throw new InvalidInput("session", "session is required");
        }
        MessageType type = draft.type();
        String content = draft.content();
        if (type.isServerNotice()) {
            throw new InvalidInput("type", "meta messages are posted by the server only");
        }
        if (content.isBlank() && draft.attachmentIds().isEmpty()) {
            throw new InvalidInput("content", "content is not empty");
        }
        if (type.isTyping() && content.getBytes(StandardCharsets.UTF_8).length > MAX_TYPING_CONTENT_BYTES) {
            throw new InvalidInput("content",
                    "content of a typing signal has at most " + MAX_TYPING_CONTENT_BYTES + " bytes (UTF-8)");
        }
        if (clientId != null && (clientId.isEmpty()
                || clientId.codePointCount(0, clientId.length()) > MAX_CLIENT_ID_LENGTH)) {
            throw new InvalidInput("clientId", "clientId has 1 to " + MAX_CLIENT_ID_LENGTH + " characters");
        }
    }

    /** A plain post ({@link PostDraft#plain}) with a client key, or without one ({@code null}). */
    public PostMessageCommand(User caller, UUID session, MessageType type, String content, String clientId) {
        this(caller, session, PostDraft.plain(caller.id(), type, content), clientId);
    }

    /** A plain post ({@link PostDraft#plain}) without a client key. */
    public PostMessageCommand(User caller, UUID session, MessageType type, String content) {
        this(caller, session, type, content, null);
    }

    public Optional<String> clientIdIfAny() {
        return Optional.ofNullable(clientId);
    }
}

package dev.chatserver.application.port.out.notification.event;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.application.port.in.view.MessageSummary;
import dev.chatserver.application.port.in.view.SessionView;

import java.util.List;
import java.util.Objects;

/** An IM session was opened, joined or rearranged: how it now looks to {@code viewer}, one of its members. */
public record SessionChanged(UserId viewer, SessionView session) implements DomainEvent {
    public SessionChanged {
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(session, "session");
    }

    /** The members' last messages, which a session shows with their text. */
    @Override
    public List<Long> messageTextsCarried() {
        return session.users().stream().flatMap(u -> u.lastMessage().stream())
                .filter(last -> !last.deleted()).map(MessageSummary::id).toList();
    }

    /** Its members' names and last messages, and the names of its groups and documents, roughly. */
    @Override
    public int textLength() {
        int members = session.users().stream().mapToInt(u -> u.name().length() + u.partner().name().length()
                + u.lastMessage().map(last -> last.message().length() + last.type().length()).orElse(0)).sum();
        return members + session.groups().toString().length() + session.docs().toString().length();
    }

    @Override
    public DomainEvent afterDeletion(MessageDeleted deletion) {
        return messageTextsCarried().contains(deletion.messageId())
                ? new SessionChanged(viewer, session.withLastMessageDeleted(deletion.messageId())) : this;
    }
}

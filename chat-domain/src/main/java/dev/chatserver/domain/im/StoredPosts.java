package dev.chatserver.domain.im;

import java.util.List;
import java.util.Objects;

/**
 * Posts to one session as stored: each message with the session as it left it ({@code posted}, in order), the
 * session after the last ({@code session}), and every membership they changed as it now is, in user order
 * ({@code changed}): what is to be saved.
 */
public record StoredPosts(List<PostedMessage> posted, ImSession session, List<Membership> changed) {
    public StoredPosts {
        posted = List.copyOf(posted);
        Objects.requireNonNull(session, "session");
        changed = List.copyOf(changed);
    }
}

package dev.chatserver.application.im;

import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.Mentions;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The users that texts call by {@code @login} ({@link Mentions}), looked up for a whole batch of them at once:
 * one read however many texts, none when no text calls anyone. Whether they are mentioned is the session's to
 * decide ({@code ImSession#mentionsIn}): these are only the candidates.
 */
public final class MentionedUsers {
    private final UserDirectory directory;

    @Inject
    public MentionedUsers(UserDirectory directory) {
        this.directory = directory;
    }

    /** The users of the logins {@code texts} call that exist, by login. */
    public Map<Login, UserId> calledIn(Collection<String> texts) {
        List<Login> logins = texts.stream().flatMap(text -> Mentions.in(text).logins().stream()).distinct().toList();
        if (logins.isEmpty()) {
            return Map.of();
        }
        return directory.usersByLogins(logins).stream().collect(Collectors.toMap(User::login, User::id));
    }
}

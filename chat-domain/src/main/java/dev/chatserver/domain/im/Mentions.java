package dev.chatserver.domain.im;

import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.UserId;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The logins a message's text calls by {@code @login}, in the order they first appear, at most {@link #MAX} of
 * them. A mention starts at an {@code @} that does not follow a letter, digit or one of {@code _ . + - @} (so the
 * {@code @} inside an email address such as {@code a@b.c} mentions nobody) and runs over letters, digits and
 * {@code _ . + - @}, ending on a letter, digit or {@code _} (so {@code @lynx,} and {@code @lynx.} call
 * {@code lynx}). Who is mentioned is decided against a session's members ({@link #membersOf}).
 */
public record Mentions(List<Login> logins) {
    /** The most distinct logins one message calls; any after them are plain text. */
    public static final int MAX = 50;

    private static final String LOGIN_CHAR = "\\p{L}\\p{N}_.+@\\-";
    private static final Pattern MENTION = Pattern.compile(
            "(?<![" + LOGIN_CHAR + "])@([" + LOGIN_CHAR + "]*[\\p{L}\\p{N}_])");

    public Mentions {
        logins = List.copyOf(logins);
        if (logins.size() > MAX) {
            throw new IllegalArgumentException("at most " + MAX + " mentions");
        }
    }

    /** What {@code text} calls by {@code @login}. */
    public static Mentions in(String text) {
        Objects.requireNonNull(text, "text");
        Set<Login> found = new LinkedHashSet<>();
        if (text.indexOf('@') >= 0) {
            Matcher matcher = MENTION.matcher(text);
            while (found.size() < MAX && matcher.find()) {
                String login = matcher.group(1);
                if (login.length() <= Login.MAX_LENGTH) {
                    found.add(new Login(login));
                }
            }
        }
        return new Mentions(List.copyOf(found));
    }

    public boolean isEmpty() {
        return logins.isEmpty();
    }

    /**
     * The members of {@code session} these logins name, by {@code users} (the users of those logins that exist),
     * in user id order: anyone outside the session is not mentioned, nor is {@code author}, who needs no telling.
     */
    public List<UserId> membersOf(ImSession session, Map<Login, UserId> users, UserId author) {
        return logins.stream().map(users::get).filter(Objects::nonNull).distinct()
                .filter(user -> !user.equals(author) && session.hasMember(user))
                .sorted(Comparator.comparingLong(UserId::value)).toList();
    }
}

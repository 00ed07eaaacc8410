package dev.chatserver.adapter.jdbc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Users this node has read, by id, for a minute. A user is never removed, and only an administrator's rename changes
 * one: the node that renames forgets it at once, every other node reads it again within {@link #FRESH_FOR}. Bounded,
 * so that a directory of millions stays a cache of the users in use.
 */
final class KnownUsers {
    static final int MAX_USERS = 100_000;
    static final Duration FRESH_FOR = Duration.ofMinutes(1);

    private final Cache<UserId, User> byId = Caffeine.newBuilder()
            .maximumSize(MAX_USERS)
            .expireAfterWrite(FRESH_FOR)
            .build();

    Optional<User> get(UserId id) {
        return Optional.ofNullable(byId.getIfPresent(id));
    }

    /** Those of {@code ids} this node knows. */
    Map<UserId, User> known(Collection<UserId> ids) {
        return byId.getAllPresent(ids);
    }

    void forget(UserId user) {
        byId.invalidate(user);
    }

    void remember(Collection<User> users) {
        users.forEach(user -> byId.put(user.id(), user));
    }
}

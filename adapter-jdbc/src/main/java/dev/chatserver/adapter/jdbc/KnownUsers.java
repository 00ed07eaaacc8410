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
 * Users this node has read, by id. A stored user never changes (this server registers users and has no statement
 * that renames or removes one), so a remembered user is the stored one, on every node; only a user not read yet
 * costs a statement. Bounded, so that a directory of millions stays a cache of the users in use.
 */
final class KnownUsers {
    static final int MAX_USERS = 100_000;

    private final Cache<UserId, User> byId = Caffeine.newBuilder()
            .maximumSize(MAX_USERS)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    Optional<User> get(UserId id) {
        return Optional.ofNullable(byId.getIfPresent(id));
    }

    /** Those of {@code ids} this node knows. */
    Map<UserId, User> known(Collection<UserId> ids) {
        return byId.getAllPresent(ids);
    }

    void remember(Collection<User> users) {
        users.forEach(user -> byId.put(user.id(), user));
    }
}

package dev.chatserver.application.im;

import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.NotFound;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The people a group change names, read in one go: each exists, or {@code NotFound} names the field and the id. */
final class GroupPeople {
    private GroupPeople() {
    }

    static Map<UserId, User> read(UserDirectory directory, Collection<UserId> ids, String field) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UserId, User> found = directory.users(ids).stream()
                .collect(Collectors.toMap(User::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        for (UserId id : ids) {
            if (!found.containsKey(id)) {
                throw new NotFound("user", field, "no user has the id " + id.value());
            }
        }
        return found;
    }

    static Set<UserId> existing(UserDirectory directory, Collection<UserId> ids, String field) {
        return read(directory, ids, field).keySet();
    }

    static String names(List<User> users) {
        return users.stream().map(User::name).collect(Collectors.joining(", "));
    }
}

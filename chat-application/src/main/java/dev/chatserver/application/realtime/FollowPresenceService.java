package dev.chatserver.application.realtime;

import dev.chatserver.application.port.in.presence.FollowPresence;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.PartnerId;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The same rule as {@link SubscriptionPolicy} for {@code presence:} channels, for users named by partner. */
public final class FollowPresenceService implements FollowPresence {
    private final UserDirectory directory;
    private final SubscriptionFacts facts;

    @Inject
    public FollowPresenceService(UserDirectory directory, SubscriptionFacts facts) {
        this.directory = directory;
        this.facts = facts;
    }

    @Override
    public Set<UserId> followableBy(UserId viewer, Collection<PartnerId> partners) {
        Set<UserId> followable = new LinkedHashSet<>();
        if (partners.isEmpty()) {
            return followable;
        }
        List<UserId> named = directory.usersByPartners(partners).stream().map(User::id).toList();
        List<UserId> others = named.stream().filter(user -> !user.equals(viewer)).toList();
        if (others.size() < named.size()) {
            followable.add(viewer);
        }
        if (!others.isEmpty()) {
            followable.addAll(facts.acquaintances(viewer, others));
        }
        return followable;
    }
}

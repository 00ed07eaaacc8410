package dev.chatserver.application.account;

import dev.chatserver.application.port.in.account.FindPartners;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.Partner;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Users' partners, read from the directory in one call. */
public final class FindPartnersService implements FindPartners {
    private final UserDirectory directory;

    @Inject
    public FindPartnersService(UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Map<UserId, Partner> partnersOf(Collection<UserId> users) {
        Map<UserId, Partner> partners = new LinkedHashMap<>();
        if (users.isEmpty()) {
            return partners;
        }
        for (User user : directory.users(users)) {
            partners.put(user.id(), user.partner());
        }
        return partners;
    }
}

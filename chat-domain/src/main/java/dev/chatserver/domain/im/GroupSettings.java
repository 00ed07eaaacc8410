package dev.chatserver.domain.im;

import dev.chatserver.domain.account.UserId;

import java.util.Objects;
import java.util.Set;

/** What a group conversation keeps beside its session: its name, who may post, and its admins. */
public record GroupSettings(GroupName name, Posting posting, Set<UserId> admins) {
    public GroupSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(posting, "posting");
        admins = Set.copyOf(admins);
    }
}

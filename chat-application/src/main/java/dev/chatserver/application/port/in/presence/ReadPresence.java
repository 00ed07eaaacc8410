package dev.chatserver.application.port.in.presence;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.presence.ImStatus;

import java.util.Collection;
import java.util.Map;

/** The live presence of users, as every route that shows {@code im_status} shows it. */
public interface ReadPresence {
    ImStatus statusOf(UserId user);

    /** The status of each given user, in one call however many. */
    Map<UserId, ImStatus> statusOf(Collection<UserId> users);
}

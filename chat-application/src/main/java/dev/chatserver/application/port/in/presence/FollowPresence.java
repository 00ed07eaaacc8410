package dev.chatserver.application.port.in.presence;

import dev.chatserver.domain.account.PartnerId;
import dev.chatserver.domain.account.UserId;

import java.util.Collection;
import java.util.Set;

/** Whose presence a user may follow, asked as Odoo's clients name people: by partner. */
public interface FollowPresence {
    /**
     * The users behind {@code partners} whose {@code presence:} channel {@code viewer} may listen to (themselves,
     * users in their address book or sharing a session with them); the others, and unknown partners, are left
     * out. A fixed number of reads however many partners.
     */
    Set<UserId> followableBy(UserId viewer, Collection<PartnerId> partners);
}

package dev.chatserver.application.port.in.account;

import dev.chatserver.domain.account.Partner;
import dev.chatserver.domain.account.UserId;

import java.util.Collection;
import java.util.Map;

/** The partner record behind each user: Odoo's payloads name people by partner. */
public interface FindPartners {
    /** The partner of each given user that exists, in one read however many. */
    Map<UserId, Partner> partnersOf(Collection<UserId> users);
}

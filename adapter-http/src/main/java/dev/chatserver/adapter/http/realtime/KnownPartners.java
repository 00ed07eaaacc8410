package dev.chatserver.adapter.http.realtime;

import dev.chatserver.application.port.in.account.FindPartners;
import dev.chatserver.domain.account.Partner;
import dev.chatserver.domain.account.UserId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The partner of a user, for Odoo payloads that name people by partner. A user's partner never changes, so
 * the most recent {@value #KEPT} answers are kept: rendering a presence change costs a read only the first
 * time that user's presence is rendered.
 */
final class KnownPartners {
    private static final int KEPT = 10_000;

    private final FindPartners find;
    private final Map<UserId, Partner> known = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UserId, Partner> eldest) {
            return size() > KEPT;
        }
    };

    KnownPartners(FindPartners find) {
        this.find = find;
    }

    /** The partners of these users that exist, in the order given; those not kept yet read in one go. */
    List<Partner> partnersOf(List<UserId> users) {
        Map<UserId, Partner> found = new LinkedHashMap<>();
        List<UserId> unknown = new java.util.ArrayList<>();
        synchronized (known) {
            for (UserId user : users) {
                Partner partner = known.get(user);
                if (partner != null) {
                    found.put(user, partner);
                } else {
                    unknown.add(user);
                }
            }
        }
        if (!unknown.isEmpty()) {
            Map<UserId, Partner> read = find.partnersOf(unknown);
            synchronized (known) {
                known.putAll(read);
            }
            found.putAll(read);
        }
        return users.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    Optional<Partner> partnerOf(UserId user) {
        synchronized (known) {
            Partner partner = known.get(user);
            if (partner != null) {
                return Optional.of(partner);
            }
        }
        Partner found = find.partnersOf(List.of(user)).get(user);
        if (found != null) {
            synchronized (known) {
                known.put(user, found);
            }
        }
        return Optional.ofNullable(found);
    }
}

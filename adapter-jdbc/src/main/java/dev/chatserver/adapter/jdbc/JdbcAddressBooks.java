package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.AddressBooks;
import dev.chatserver.domain.account.UserId;
import org.jdbi.v3.core.Jdbi;

import java.util.Collection;
import java.util.List;

final class JdbcAddressBooks implements AddressBooks {
    private final Jdbi jdbi;

    JdbcAddressBooks(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(UserId owner, Collection<UserId> contacts) {
        if (contacts.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> {
            var batch = h.prepareBatch(
                    "insert into im_address_books (owner_id, contact_id) values (:owner, :contact) on conflict do nothing");
            contacts.stream().distinct().forEach(c -> batch.bind("owner", owner.value()).bind("contact", c.value()).add());
            batch.execute();
        });
    }

    @Override
    public void remove(UserId owner, Collection<UserId> contacts) {
        if (contacts.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> h.createUpdate("delete from im_address_books where owner_id = :owner and contact_id in (<ids>)")
                .bind("owner", owner.value())
                .bindList("ids", contacts.stream().map(UserId::value).distinct().toList()).execute());
    }

    @Override
    public List<UserId> contactsOf(UserId owner) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select contact_id from im_address_books where owner_id = :owner order by contact_id")
                .bind("owner", owner.value()).mapTo(Long.class).map(UserId::of).list());
    }
}

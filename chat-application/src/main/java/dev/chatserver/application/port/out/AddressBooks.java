package dev.chatserver.application.port.out;

import dev.chatserver.domain.account.UserId;

import java.util.Collection;
import java.util.List;

/** Each user's own book of contacts. */
public interface AddressBooks {
    /** Adds the contacts not in the book yet. */
    void add(UserId owner, Collection<UserId> contacts);

    /** Removes the contacts that are in the book. */
    void remove(UserId owner, Collection<UserId> contacts);

    /** The owner's contacts, in id order. */
    List<UserId> contactsOf(UserId owner);
}

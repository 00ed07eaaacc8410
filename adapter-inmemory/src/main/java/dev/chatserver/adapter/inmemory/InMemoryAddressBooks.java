package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.AddressBooks;
import dev.chatserver.domain.account.UserId;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Each user's address book, held in memory. */
public final class InMemoryAddressBooks implements AddressBooks {
    private final Map<UserId, Set<UserId>> books = new HashMap<>();

    @Override
    public synchronized void add(UserId owner, Collection<UserId> contacts) {
        books.computeIfAbsent(owner, o -> new TreeSet<>(Comparator.comparingLong(UserId::value))).addAll(contacts);
    }

    @Override
    public synchronized void remove(UserId owner, Collection<UserId> contacts) {
        Set<UserId> book = books.get(owner);
        if (book != null) {
            book.removeAll(contacts);
        }
    }

    @Override
    public synchronized List<UserId> contactsOf(UserId owner) {
        return List.copyOf(books.getOrDefault(owner, Set.of()));
    }
}

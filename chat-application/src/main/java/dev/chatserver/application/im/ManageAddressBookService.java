package dev.chatserver.application.im;

import dev.chatserver.application.budget.Budget;
import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.port.in.im.AddPartnerCommand;
import dev.chatserver.application.port.in.im.ChangeBookCommand;
import dev.chatserver.application.port.in.view.ContactView;
import dev.chatserver.application.port.in.im.ManageAddressBook;
import dev.chatserver.application.port.in.presence.ReadPresence;
import dev.chatserver.application.port.out.AddressBooks;
import dev.chatserver.application.realtime.SubscriptionFacts;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.presence.ImStatus;
import dev.chatserver.domain.problem.InvalidInput;
import dev.chatserver.domain.problem.NotFound;
import jakarta.inject.Inject;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

public final class ManageAddressBookService implements ManageAddressBook {
    private final AddressBooks books;
    private final UserDirectory directory;
    private final ReadPresence presence;
    private final SubscriptionFacts facts;
    private final Transactions transactions;
    private final UserBudgets budgets;

    @Inject
    public ManageAddressBookService(AddressBooks books, UserDirectory directory, ReadPresence presence,
                                    SubscriptionFacts facts, Transactions transactions, UserBudgets budgets) {
        this.budgets = budgets;
        this.facts = facts;
        this.books = books;
        this.directory = directory;
        this.presence = presence;
        this.transactions = transactions;
    }

    /**
     * Every other user outside the caller's book, with the live status only of those whose presence the caller may
     * follow (sharing a session: the rule of the {@code presence:<id>} channel) and {@code offline} for the others,
     * as a user without presence shows: a stranger's comings and goings are theirs.
     */
    @Override
    public List<ContactView> usersOutsideBook(User caller) {
        Set<UserId> book = new HashSet<>(books.contactsOf(caller.id()));
        List<User> others = directory.allUsers().stream()
                .filter(u -> !u.id().equals(caller.id()) && !book.contains(u.id())).toList();
        if (others.isEmpty()) {
            return List.of();
        }
        Set<UserId> followed = facts.acquaintances(caller.id(), others.stream().map(User::id).toList());
        return contacts(others).stream().map(contact -> followed.contains(contact.id()) ? contact
                : new ContactView(contact.id(), contact.name(), ImStatus.OFFLINE)).toList();
    }

    @Override
    public List<ContactView> usersInBook(User caller) {
        List<UserId> book = books.contactsOf(caller.id());
        return book.isEmpty() ? List.of() : contacts(directory.users(book));
    }

    @Override
    public void addUsers(ChangeBookCommand command) {
        budgets.spend(Budget.WRITES, command.caller().id());
        transactions.inTransaction(() -> {
            checkKnown(command);
            if (command.userIds().contains(command.caller().id())) {
                throw new InvalidInput("userIds", "userIds cannot hold your own id: the book lists others");
            }
            books.add(command.caller().id(), command.userIds());
        });
    }

    @Override
    public void removeUsers(ChangeBookCommand command) {
        budgets.spend(Budget.WRITES, command.caller().id());
        transactions.inTransaction(() -> {
            checkKnown(command);
            books.remove(command.caller().id(), command.userIds());
        });
    }

    @Override
    public void addPartner(AddPartnerCommand command) {
        User caller = command.caller();
        budgets.spend(Budget.WRITES, caller.id());
        if (!command.parent().equals(caller.partner().id())) {
            throw new InvalidInput("parent", "parent is the partner of the signed-in user");
        }
        transactions.inTransaction(() -> {
            User child = directory.userByPartner(command.child()).orElseThrow(() -> new NotFound("partner",
                    "child", "no user has the partner " + command.child()));
            if (child.id().equals(caller.id())) {
                throw new InvalidInput("child", "child is another partner than your own");
            }
            books.add(caller.id(), List.of(child.id()));
        });
    }

    private void checkKnown(ChangeBookCommand command) {
        if (command.userIds().isEmpty()) {
            return;
        }
        Set<UserId> known = directory.users(command.userIds()).stream().map(User::id).collect(Collectors.toSet());
        List<String> unknown = command.userIds().stream().filter(id -> !known.contains(id))
                .map(UserId::toString).toList();
        if (!unknown.isEmpty()) {
            throw new NotFound("user", "userIds", "no user has the id " + String.join(", ", unknown));
        }
    }

    private List<ContactView> contacts(List<User> users) {
        if (users.isEmpty()) {
            return List.of();
        }
        Map<UserId, ImStatus> statuses = presence.statusOf(users.stream().map(User::id).toList());
        return users.stream()
                .map(u -> new ContactView(u.id(), u.name(), statuses.getOrDefault(u.id(), ImStatus.OFFLINE))).toList();
    }
}

package dev.chatserver.adapter.http.odoo8;

import dev.chatserver.application.port.in.view.ContactView;
import dev.chatserver.application.port.in.im.ListGroupSessionsCommand;
import dev.chatserver.application.port.in.im.ListSessions;
import dev.chatserver.application.port.in.im.ListSessionsCommand;
import dev.chatserver.application.port.in.im.ManageAddressBook;
import dev.chatserver.application.port.in.presence.ReadPresence;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.application.port.in.view.SessionMember;
import dev.chatserver.application.port.in.view.SessionView;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What Odoo 8 looks up that this server's routes do not offer one by one: a caller's session by its numeric id
 * or uuid (among all their private and group sessions), every user (8.0 lists every employee), and whose
 * presence a caller follows. Each is a fixed number of reads, however many sessions or users.
 */
final class Odoo8Directory {
    private final ListSessions sessions;
    private final ManageAddressBook book;
    private final ReadPresence presence;

    @Inject
    Odoo8Directory(ListSessions sessions, ManageAddressBook book, ReadPresence presence) {
        this.sessions = sessions;
        this.book = book;
        this.presence = presence;
    }

    /** Every session of the caller, private ones first, as the caller sees them. */
    List<SessionView> sessionsOf(User caller) {
        List<SessionView> all = new ArrayList<>(sessions.privateSessions(ListSessionsCommand.all(caller)));
        all.addAll(sessions.groupSessions(ListGroupSessionsCommand.all(caller)));
        return all;
    }

    Optional<SessionView> sessionById(User caller, long id) {
        return sessionsOf(caller).stream().filter(session -> session.id() == id).findFirst();
    }

    Optional<SessionView> sessionByUuid(User caller, UUID uuid) {
        return sessionsOf(caller).stream().filter(session -> session.uuid().equals(uuid)).findFirst();
    }

    /**
     * Every user, the caller included, in id order, with the live status of those whose presence the caller may
     * follow and {@code offline} for the others (the address book's rule, {@code usersOutsideBook}).
     */
    List<ContactView> everyone(User caller) {
        List<ContactView> users = new ArrayList<>(book.usersInBook(caller));
        users.addAll(book.usersOutsideBook(caller));
        users.add(new ContactView(caller.id(), caller.name(), presence.statusOf(caller.id())));
        users.sort((a, b) -> Long.compare(a.id().value(), b.id().value()));
        return users;
    }

    /** The users whose presence the caller may follow: themselves, their book, and everyone sharing a session. */
    Set<UserId> followed(User caller) {
        Set<UserId> followed = new LinkedHashSet<>();
        followed.add(caller.id());
        book.usersInBook(caller).forEach(contact -> followed.add(contact.id()));
        for (SessionView session : sessionsOf(caller)) {
            for (SessionMember member : session.users()) {
                followed.add(member.id());
            }
        }
        return followed;
    }
}

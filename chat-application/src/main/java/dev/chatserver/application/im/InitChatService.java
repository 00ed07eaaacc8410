package dev.chatserver.application.im;

import dev.chatserver.application.port.in.im.InitChat;
import dev.chatserver.application.port.in.im.InitCommand;
import dev.chatserver.application.port.in.presence.ReadPresence;
import dev.chatserver.application.port.in.view.ContactCard;
import dev.chatserver.application.port.out.AddressBooks;
import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.Membership;
import dev.chatserver.domain.im.SessionKey;
import dev.chatserver.domain.presence.ImStatus;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

public final class InitChatService implements InitChat {
    private final AddressBooks books;
    private final UserDirectory directory;
    private final ImSessions sessions;
    private final ImMessages messages;
    private final ReadPresence presence;

    @Inject
    public InitChatService(AddressBooks books, UserDirectory directory, ImSessions sessions, ImMessages messages,
                           ReadPresence presence) {
        this.books = books;
        this.directory = directory;
        this.sessions = sessions;
        this.messages = messages;
        this.presence = presence;
    }

    @Override
    public List<ContactCard> init(InitCommand command) {
        User caller = command.caller();
        List<UserId> book = books.contactsOf(caller.id());
        if (book.isEmpty()) {
            return List.of();
        }
        String wanted = command.name().toLowerCase(Locale.ROOT);
        List<User> contacts = directory.users(book).stream()
                .filter(u -> u.name().toLowerCase(Locale.ROOT).contains(wanted))
                .sorted(Comparator.comparing((User u) -> u.name().toLowerCase(Locale.ROOT)).thenComparing(u -> u.id().value()))
                .limit(command.limit().orElse(Integer.MAX_VALUE))
                .toList();
        if (contacts.isEmpty()) {
            return List.of();
        }
        PrivateSessions with = privateSessionsWith(caller.id(), contacts);
        Map<UserId, ImStatus> statuses = presence.statusOf(contacts.stream().map(User::id).toList());
        return contacts.stream().map(u -> new ContactCard(u.id(), u.name(), u.email(), u.partner(),
                statuses.getOrDefault(u.id(), ImStatus.OFFLINE),
                Optional.ofNullable(with.lastMessages().get(u.id())).map(SessionViews::summary),
                with.unread().getOrDefault(u.id(), 0L))).toList();
    }

    /** Per contact, the newest message of the private session with the caller and the caller's unread count. */
    private record PrivateSessions(Map<UserId, ImMessage> lastMessages, Map<UserId, Long> unread) {
    }

    /**
     * The caller's private session (no document) with each contact: its newest message and the caller's unread
     * count there, in three reads in all.
     */
    private PrivateSessions privateSessionsWith(UserId caller, List<User> contacts) {
        Map<SessionKey, UserId> contactByKey = new HashMap<>();
        contacts.forEach(u -> contactByKey.put(SessionKey.privateBetween(caller, u.id(), Optional.empty()), u.id()));
        Map<UserId, Long> newestId = new HashMap<>();
        Map<UserId, ImSession> sessionWith = new HashMap<>();
        for (ImSession session : sessions.byKeys(contactByKey.keySet())) {
            UserId contact = session.memberIds().stream().filter(id -> !id.equals(caller)).findFirst().orElse(null);
            if (contact == null || !contactByKey.containsValue(contact) || !session.hasMember(caller)) {
                continue;
            }
            sessionWith.put(contact, session);
            session.members().stream().map(Membership::lastMessageId).filter(OptionalLong::isPresent)
                    .mapToLong(OptionalLong::getAsLong).max()
                    .ifPresent(id -> newestId.put(contact, id));
        }
        if (newestId.isEmpty()) {
            return new PrivateSessions(Map.of(), Map.of());
        }
        Map<Long, ImMessage> byId = messages.byIds(newestId.values()).stream()
                .collect(Collectors.toMap(ImMessage::id, Function.identity()));
        Map<UserId, ImMessage> last = new HashMap<>();
        newestId.forEach((contact, id) -> Optional.ofNullable(byId.get(id)).ifPresent(m -> last.put(contact, m)));
        List<UserId> counted = List.copyOf(sessionWith.keySet());
        List<Long> counts = messages.countUnread(counted.stream().map(c -> sessionWith.get(c).unreadOf(caller)).toList());
        Map<UserId, Long> unread = new HashMap<>();
        for (int i = 0; i < counted.size(); i++) {
            unread.put(counted.get(i), counts.get(i));
        }
        return new PrivateSessions(last, unread);
    }
}

package dev.chatserver.application.im;

import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.chats.Tenants;
import dev.chatserver.application.port.out.SubscriptionFacts;
import dev.chatserver.application.realtime.StoredSubscriptionFacts;
import dev.chatserver.application.port.out.Meters;
import dev.chatserver.application.contract.RecordingBus;
import dev.chatserver.application.port.out.AddressBooks;
import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.MessageReactions;
import dev.chatserver.application.port.out.MessageSearch;
import dev.chatserver.application.port.out.Ports;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.UserDirectory;

import dev.chatserver.application.port.out.IdempotencyKeys;
import dev.chatserver.application.write.ClientKeys;
import dev.chatserver.application.write.GroupCommit;
import dev.chatserver.application.write.WriteLimits;

import dev.chatserver.application.port.in.im.OpenSessionCommand;
import dev.chatserver.application.port.in.im.PostMessageCommand;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.im.MessageType;
import dev.chatserver.domain.im.MessageView;
import dev.chatserver.domain.im.SessionView;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** The IM use cases assembled by hand on one storage's ports, with a recording bus and presence set by tests. */
public final class ImServices implements AutoCloseable {
    public final RecordingBus bus = new RecordingBus();
    public final FixedPresence presence = new FixedPresence();
    public final ImSessionService sessions;
    public final ImMessageService messages;
    public final AddressBookService books;
    public final SessionInvitations invitations;
    public final ReadReceipts reads;
    public final MessageSearchService search;
    /** The writer's thread runs until {@link #close}. */
    public final GroupCommit writer;
    /** The posts lane the writer runs, for tests that hand it a batch themselves. */
    public final PostingLane posting;
    /** Edits, deletions and reactions, with the default edit window. */
    public final MessageChanges changes;

    public ImServices(Ports ports, ImPolicy policy, Clock clock) {
        this(ports, policy, clock, UserBudgets.unlimited());
    }

    /** With these budgets, for tests of what they refuse. */
    public ImServices(Ports ports, ImPolicy policy, Clock clock, UserBudgets budgets) {
        UserDirectory directory = ports.get(UserDirectory.class);
        ImSessions imSessions = ports.get(ImSessions.class);
        ImMessages imMessages = ports.get(ImMessages.class);
        Transactions transactions = ports.get(Transactions.class);
        SessionViews views = new SessionViews(directory, imMessages, presence);
        ImNotifier notifier = new ImNotifier(bus, views);
        this.writer = new GroupCommit(transactions, WriteLimits.DEFAULT);
        SessionAccess access = new SessionAccess(imSessions);
        this.sessions = new ImSessionService(imSessions, access, views, notifier, directory, transactions,
                UUID::randomUUID, clock, budgets);
        ClientKeys clientKeys = new ClientKeys(ports.get(IdempotencyKeys.class), transactions, clock);
        this.posting = new PostingLane(imSessions, imMessages, notifier, views, new SessionHeaders(imSessions),
                clientKeys, clock, Meters.NONE);
        MessageReactions reactions = ports.get(MessageReactions.class);
        this.messages = new ImMessageService(imMessages, imSessions, writer, posting, access, notifier, directory, transactions,
                policy, clientKeys, clock, reactions, budgets);
        this.changes = new MessageChanges(imMessages, imSessions, reactions, notifier, transactions, policy,
                EditWindow.defaults(), clock, budgets);
        this.invitations = new SessionInvitations(imSessions, access, new MessagePosting(imSessions, imMessages),
                views, notifier, directory, transactions, clock, budgets);
        this.reads = new ReadReceipts(imSessions, imMessages, access, notifier, transactions, budgets);
        this.search = new MessageSearchService(ports.get(MessageSearch.class), imSessions, directory, transactions,
                policy, reactions);
        SubscriptionFacts facts = new StoredSubscriptionFacts(ports.get(AddressBooks.class), imSessions,
                new Tenants(Map.of()));
        this.books = new AddressBookService(ports.get(AddressBooks.class), directory, imSessions, imMessages,
                presence, facts, transactions, budgets);
    }

    @Override
    public void close() {
        writer.close();
    }

    /** The private session of {@code caller} with {@code other}, opened (or found) by {@code caller}. */
    public SessionView openPrivate(User caller, User other) {
        return sessions.openPrivate(OpenSessionCommand.of(caller, other.id()));
    }

    /** A plain message posted by {@code caller}, stored once the writer has committed it. */
    public MessageView post(User caller, SessionView session, String text) {
        return messages.post(new PostMessageCommand(caller, session.uuid(), MessageType.MESSAGE, text));
    }
}

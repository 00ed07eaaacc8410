package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.out.AddressBooks;
import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.MessageReactions;
import dev.chatserver.application.port.out.MessageSearch;
import dev.chatserver.application.port.out.ChatStore;
import dev.chatserver.application.port.out.EventRoomStore;
import dev.chatserver.application.port.out.EventStore;
import dev.chatserver.application.port.out.IdempotencyKeys;
import dev.chatserver.application.port.out.NotificationStorage;
import dev.chatserver.application.port.out.Ports;
import dev.chatserver.application.port.out.PresenceBoard;
import dev.chatserver.adapter.inmemory.InMemoryNotificationBus;
import dev.chatserver.adapter.inmemory.InMemoryNotificationLog;
import dev.chatserver.adapter.inmemory.InMemoryPresenceBoard;
import dev.chatserver.application.port.out.SignInFailures;
import dev.chatserver.application.port.out.SignInTokens;
import dev.chatserver.application.port.out.Storage;
import dev.chatserver.application.port.out.StorageProbe;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.UserDirectory;

/** Every storage port held in this process's memory: nothing survives a restart. */
public final class InMemoryStorage implements Storage, StorageProbe {
    private final Ports ports;

    public InMemoryStorage() {
        InMemoryAccounts accounts = new InMemoryAccounts();
        InMemoryImStore im = new InMemoryImStore();
        InMemoryTransactions transactions = new InMemoryTransactions();
        this.ports = Ports.builder()
                .add(StorageProbe.class, this)
                .add(Transactions.class, transactions)
                .add(UserDirectory.class, accounts)
                .add(AccountRegistry.class, accounts)
                .add(SignInTokens.class, new InMemorySignInTokens())
                .add(SignInFailures.class, new InMemorySignInFailures())
                .add(ImSessions.class, im)
                .add(ImMessages.class, im)
                .add(MessageReactions.class, new InMemoryMessageReactions())
                .add(MessageSearch.class, im)
                .add(AddressBooks.class, new InMemoryAddressBooks())
                .add(ChatStore.class, new InMemoryChats())
                .add(EventRoomStore.class, new InMemoryEventRooms())
                .add(EventStore.class, new InMemoryEvents())
                .add(IdempotencyKeys.class, new InMemoryIdempotencyKeys())
                .add(NotificationStorage.class, new InMemoryNotifications(transactions))
                .add(PresenceBoard.class, new InMemoryPresenceBoard())
                .build();
    }

    @Override
    public Ports ports() {
        return ports;
    }

    @Override
    public String kind() {
        return "memory";
    }

    @Override
    public boolean answers() {
        return true;
    }

    @Override
    public void close() {
        // nothing to release
    }
}

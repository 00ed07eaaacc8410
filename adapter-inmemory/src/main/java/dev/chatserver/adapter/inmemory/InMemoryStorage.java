package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.Storage;
import dev.chatserver.application.port.out.StoragePorts;
import dev.chatserver.application.port.out.StorageProbe;

import java.util.Optional;

/** Every storage port held in this process's memory: nothing survives a restart. */
public final class InMemoryStorage implements Storage, StorageProbe {
    private final StoragePorts ports;

    public InMemoryStorage() {
        InMemoryAccounts accounts = new InMemoryAccounts();
        InMemoryImStore im = new InMemoryImStore();
        InMemoryTransactions transactions = new InMemoryTransactions();
        this.ports = new StoragePorts(
                this,
                transactions,
                accounts,
                accounts,
                accounts,
                new InMemoryAuditLog(),
                new InMemorySignInTokens(),
                new InMemorySignInFailures(),
                im,
                im,
                new InMemoryMessageReactions(),
                im,
                new InMemoryAddressBooks(),
                new InMemoryChats(),
                new InMemoryEventRooms(),
                new InMemoryEvents(),
                new InMemoryIdempotencyKeys(),
                new InMemoryAttachments(),
                new InMemoryFileContents(),
                new InMemoryGroupConversations(),
                new InMemoryUserBlocks(),
                new InMemoryRoomBans(),
                new InMemoryMailPreferences(),
                new InMemoryConnectionSightings(),
                new InMemoryMailQueue(),
                Optional.of(new StoragePorts.Realtime(new InMemoryNotifications(transactions), new InMemoryPresenceBoard())));
    }

    @Override
    public StoragePorts ports() {
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

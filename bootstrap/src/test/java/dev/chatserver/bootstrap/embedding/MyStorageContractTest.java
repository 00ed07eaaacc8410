package dev.chatserver.bootstrap.embedding;

import dev.chatserver.adapter.inmemory.InMemoryAccounts;
import dev.chatserver.adapter.inmemory.InMemoryAttachments;
import dev.chatserver.adapter.inmemory.InMemoryFileContents;
import dev.chatserver.adapter.inmemory.InMemoryAuditLog;
import dev.chatserver.adapter.inmemory.InMemoryAddressBooks;
import dev.chatserver.adapter.inmemory.InMemoryChats;
import dev.chatserver.adapter.inmemory.InMemoryEventRooms;
import dev.chatserver.adapter.inmemory.InMemoryEvents;
import dev.chatserver.adapter.inmemory.InMemoryGroupConversations;
import dev.chatserver.adapter.inmemory.InMemoryIdempotencyKeys;
import dev.chatserver.adapter.inmemory.InMemoryConnectionSightings;
import dev.chatserver.adapter.inmemory.InMemoryMailPreferences;
import dev.chatserver.adapter.inmemory.InMemoryMailQueue;
import dev.chatserver.adapter.inmemory.InMemoryUserBlocks;
import dev.chatserver.adapter.inmemory.InMemoryRoomBans;
import dev.chatserver.adapter.inmemory.InMemoryImStore;
import dev.chatserver.adapter.inmemory.InMemoryMessageReactions;
import dev.chatserver.adapter.inmemory.InMemorySignInFailures;
import dev.chatserver.adapter.inmemory.InMemorySignInTokens;
import dev.chatserver.adapter.inmemory.InMemoryTransactions;
import dev.chatserver.application.contract.StorageContractSuite;
import dev.chatserver.application.port.out.Storage;
import dev.chatserver.application.port.out.StoragePorts;
import dev.chatserver.application.port.out.StorageProbe;

import java.util.Optional;

/** An embedder's own storage, run through the whole storage contract; here in-memory parts stand in for its own. */
class MyStorageContractTest extends StorageContractSuite {
    @Override
    protected Storage newStorage() {
        return new MyStorage();
    }

    /** Every port in one record: leave one out and this does not compile. */
    static final class MyStorage implements Storage, StorageProbe {
        private final StoragePorts ports;

        MyStorage() {
            InMemoryAccounts accounts = new InMemoryAccounts();
            InMemoryImStore im = new InMemoryImStore();
            ports = new StoragePorts(
                    this,                           // probe
                    new InMemoryTransactions(),     // transactions
                    accounts,                       // users
                    accounts,                       // accounts
                    accounts,                       // standings
                    new InMemoryAuditLog(),
                    new InMemorySignInTokens(),
                    new InMemorySignInFailures(),
                    im,                             // imSessions
                    im,                             // imMessages
                    new InMemoryMessageReactions(),
                    im,                             // messageSearch
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
                    Optional.empty());              // one node: the chat keeps its bus and presence in memory
        }

        @Override
        public StoragePorts ports() {
            return ports;
        }

        @Override
        public String kind() {
            return "mine";
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
}

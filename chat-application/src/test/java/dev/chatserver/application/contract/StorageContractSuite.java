package dev.chatserver.application.contract;

import dev.chatserver.application.port.out.NotificationLog;
import dev.chatserver.application.port.out.NotificationStorage;
import dev.chatserver.application.port.out.PresenceBoard;
import dev.chatserver.application.port.out.Storage;
import dev.chatserver.application.port.out.StoragePorts;
import dev.chatserver.application.port.out.notification.NotificationRetention;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one storage contract suite: every contract, each a {@code @Nested} class, run against the storage an
 * adapter opens. An adapter runs it with a subclass that answers {@link #newStorage()}; a port the suite needs
 * is taken from the storage's {@link StoragePorts}, never from a concrete class, so every adapter runs every
 * contract.
 */
public abstract class StorageContractSuite {

    /** A new, empty storage of the adapter under test; the suite closes it. */
    protected abstract Storage newStorage();

    @Nested
    class Transactions extends TransactionsContract {
        @Override
        protected Storage newStorage() {
            return StorageContractSuite.this.newStorage();
        }
    }

    @Nested
    class Accounts extends AccountsContract {
        @Override
        protected Storage newStorage() {
            return StorageContractSuite.this.newStorage();
        }
    }

    @Nested
    class Administration extends AdministrationContract {
        @Override
        protected Storage newStorage() {
            return StorageContractSuite.this.newStorage();
        }
    }

    @Nested
    class GroupAdministration extends GroupAdministrationContract {
        @Override
        protected Storage newStorage() {
            return StorageContractSuite.this.newStorage();
        }
    }

    @Nested
    class SignInTokens extends SignInTokensContract {
        @Override
        protected Storage newStorage() {
            return StorageContractSuite.this.newStorage();
        }
    }

    @Nested
    class SignInFailures extends SignInFailuresContract {
        @Override
        protected Storage newStorage() {
            return StorageContractSuite.this.newStorage();
        }
    }

    @Nested
    class GroupConversations extends GroupConversationsContract {
        @Override
        protected Storage newStorage() {
            return StorageContractSuite.this.newStorage();
        }
    }

    @Nested
    class RoomModeration extends RoomModerationContract {
        @Override
        protected Storage newStorage() {
            return StorageContractSuite.this.newStorage();
        }
    }

    @Nested
    class Blocking extends BlockingContract {
        @Override
        protected Storage newStorage() {
            return StorageContractSuite.this.newStorage();
        }
    }

    @Nested
    class AwayMail extends AwayMailContract {
        @Override
        protected Storage newStorage() {
            return StorageContractSuite.this.newStorage();
        }
    }

    @Nested
    class ImStore extends ImStoreContract {
        @Override
        protected Storage newStorage() {
            return StorageContractSuite.this.newStorage();
        }
    }

    @Nested
    class ImReadPointers extends ReadPointerContract {
        @Override
        protected Storage newStorage() {
            return StorageContractSuite.this.newStorage();
        }
    }

    @Nested
    class ImAddressBooks extends AddressBooksContract {
        @Override
        protected Storage newStorage() {
            return StorageContractSuite.this.newStorage();
        }
    }

    @Nested
    class Idempotency extends IdempotencyContract {
        @Override
        protected Storage newStorage() {
            return StorageContractSuite.this.newStorage();
        }
    }

    @Nested
    class ImUseCases extends ImUseCasesContract {
        @Override
        protected Storage newStorage() {
            return StorageContractSuite.this.newStorage();
        }
    }

    @Nested
    class MessageChanges extends MessageChangesContract {
        @Override
        protected Storage newStorage() {
            return StorageContractSuite.this.newStorage();
        }
    }

    @Nested
    class Mentions extends MentionsContract {
        @Override
        protected Storage newStorage() {
            return StorageContractSuite.this.newStorage();
        }
    }

    @Nested
    class Replies extends RepliesContract {
        @Override
        protected Storage newStorage() {
            return StorageContractSuite.this.newStorage();
        }
    }

    @Nested
    class MessageSearch extends MessageSearchContract {
        @Override
        protected Storage newStorage() {
            return StorageContractSuite.this.newStorage();
        }
    }

    @Nested
    class Chats extends ChatsContract {
        @Override
        protected Storage newStorage() {
            return StorageContractSuite.this.newStorage();
        }
    }

    @Nested
    class Events extends EventsContract {
        @Override
        protected Storage newStorage() {
            return StorageContractSuite.this.newStorage();
        }
    }

    @Nested
    class ChatUseCases extends ChatUseCasesContract {
        @Override
        protected Storage newStorage() {
            return StorageContractSuite.this.newStorage();
        }
    }

    @Nested
    class FileContents extends FileContentsContract {
        @Override
        protected Storage newStorage() {
            return StorageContractSuite.this.newStorage();
        }
    }

    @Nested
    class Attachments extends AttachmentsContract {
        @Override
        protected Storage newStorage() {
            return StorageContractSuite.this.newStorage();
        }
    }

    @Nested
    class AttachmentRaces extends AttachmentRacesContract {
        @Override
        protected Storage newStorage() {
            return StorageContractSuite.this.newStorage();
        }
    }

    @Nested
    class Presence extends PresenceBoardContract {
        @Override
        protected Storage newStorage() {
            return StorageContractSuite.this.newStorage();
        }

        @Override
        protected PresenceBoard boardOf(Storage storage) {
            return realtimeOf(storage).presence();
        }
    }

    @Nested
    class Notifications extends NotificationLogContract {
        private final List<Storage> opened = new ArrayList<>();

        @Override
        protected NotificationLog newLog(Clock clock, NotificationRetention retention) {
            Storage storage = StorageContractSuite.this.newStorage();
            opened.add(storage);
            return realtimeOf(storage).notifications().open(clock, retention).log();
        }

        @AfterEach
        void closeStorages() {
            opened.forEach(Storage::close);
        }
    }

    @Nested
    class ForgottenText extends ForgottenTextContract {
        @Override
        protected Storage newStorage() {
            return StorageContractSuite.this.newStorage();
        }

        @Override
        protected NotificationStorage.Opened openBus(Clock clock, NotificationRetention retention) {
            return realtimeOf(storage).notifications().open(clock, retention);
        }
    }

    /**
     * The bus and presence board a storage keeps, or the test is skipped: a storage that keeps neither (an
     * embedder's may; memory, H2 and PostgreSQL keep both) leaves the node the in-memory ones, which the memory run tests.
     */
    private static StoragePorts.Realtime realtimeOf(Storage storage) {
        Optional<StoragePorts.Realtime> kept = storage.ports().realtime();
        Assumptions.assumeTrue(kept.isPresent(),
                "this storage keeps no notification bus or presence board: "
                        + "the node keeps its own in memory (tested on the memory storage)");
        return kept.get();
    }
}

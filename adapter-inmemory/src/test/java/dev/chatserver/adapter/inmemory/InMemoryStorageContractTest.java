package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.contract.AccountsContract;
import dev.chatserver.application.contract.AddressBooksContract;
import dev.chatserver.application.contract.ChatUseCasesContract;
import dev.chatserver.application.contract.ChatsContract;
import dev.chatserver.application.contract.EventsContract;
import dev.chatserver.application.contract.ImStoreContract;
import dev.chatserver.application.contract.ImUseCasesContract;
import dev.chatserver.application.contract.NotificationLogContract;
import dev.chatserver.application.contract.SignInTokensContract;
import dev.chatserver.application.contract.TransactionsContract;
import dev.chatserver.application.port.out.notification.NotificationRetention;
import dev.chatserver.application.port.out.NotificationLog;
import dev.chatserver.application.port.out.Storage;
import dev.chatserver.application.contract.PresenceBoardContract;
import dev.chatserver.application.port.out.PresenceBoard;
import org.junit.jupiter.api.Nested;

/** The one storage contract suite, run against memory. */
class InMemoryStorageContractTest {

    @Nested
    class Transactions extends TransactionsContract {
        @Override
        protected Storage newStorage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class Accounts extends AccountsContract {
        @Override
        protected Storage newStorage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class SignInTokens extends SignInTokensContract {
        @Override
        protected Storage newStorage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class ImStore extends ImStoreContract {
        @Override
        protected Storage newStorage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class ImAddressBooks extends AddressBooksContract {
        @Override
        protected Storage newStorage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class ImUseCases extends ImUseCasesContract {
        @Override
        protected Storage newStorage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class Notifications extends NotificationLogContract {
        @Override
        protected NotificationLog newLog(java.time.Clock clock, NotificationRetention retention) {
            return new InMemoryNotificationLog(clock, retention);
        }
    }

    @Nested
    class Chats extends ChatsContract {
        @Override
        protected Storage newStorage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class Events extends EventsContract {
        @Override
        protected Storage newStorage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class ChatUseCases extends ChatUseCasesContract {
        @Override
        protected Storage newStorage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class Presence extends PresenceBoardContract {
        @Override
        protected Storage newStorage() {
            return new InMemoryStorage();
        }

        @Override
        protected PresenceBoard boardOf(Storage storage) {
            return new InMemoryPresenceBoard();
        }
    }
}

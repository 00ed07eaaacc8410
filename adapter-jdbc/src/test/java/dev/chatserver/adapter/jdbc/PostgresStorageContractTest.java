package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.contract.AccountsContract;
import dev.chatserver.application.contract.AddressBooksContract;
import dev.chatserver.application.contract.ChatUseCasesContract;
import dev.chatserver.application.contract.ChatsContract;
import dev.chatserver.application.contract.EventsContract;
import dev.chatserver.application.contract.ImStoreContract;
import dev.chatserver.application.contract.ImUseCasesContract;
import dev.chatserver.application.contract.SignInTokensContract;
import dev.chatserver.application.contract.TransactionsContract;
import dev.chatserver.application.port.out.Storage;
import dev.chatserver.application.contract.PresenceBoardContract;
import dev.chatserver.application.port.out.PresenceBoard;
import dev.chatserver.application.contract.NotificationLogContract;
import dev.chatserver.application.port.out.notification.NotificationRetention;
import dev.chatserver.application.port.out.NotificationLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The one storage contract suite, run against PostgreSQL. */
class PostgresStorageContractTest {

    @Nested
    class Transactions extends TransactionsContract {
        @Override
        protected Storage newStorage() {
            return PostgresTestDatabases.newStorage();
        }
    }

    @Nested
    class Accounts extends AccountsContract {
        @Override
        protected Storage newStorage() {
            return PostgresTestDatabases.newStorage();
        }
    }

    @Nested
    class SignInTokens extends SignInTokensContract {
        @Override
        protected Storage newStorage() {
            return PostgresTestDatabases.newStorage();
        }
    }

    @Nested
    class ImStore extends ImStoreContract {
        @Override
        protected Storage newStorage() {
            return PostgresTestDatabases.newStorage();
        }
    }

    @Nested
    class ImAddressBooks extends AddressBooksContract {
        @Override
        protected Storage newStorage() {
            return PostgresTestDatabases.newStorage();
        }
    }

    @Nested
    class ImUseCases extends ImUseCasesContract {
        @Override
        protected Storage newStorage() {
            return PostgresTestDatabases.newStorage();
        }
    }

    @Nested
    class Chats extends ChatsContract {
        @Override
        protected Storage newStorage() {
            return PostgresTestDatabases.newStorage();
        }
    }

    @Nested
    class Events extends EventsContract {
        @Override
        protected Storage newStorage() {
            return PostgresTestDatabases.newStorage();
        }
    }

    @Nested
    class ChatUseCases extends ChatUseCasesContract {
        @Override
        protected Storage newStorage() {
            return PostgresTestDatabases.newStorage();
        }
    }

    @Nested
    class Presence extends PresenceBoardContract {
        @Override
        protected Storage newStorage() {
            return PostgresTestDatabases.newStorage();
        }

        @Override
        protected PresenceBoard boardOf(Storage storage) {
            return new JdbcPresenceBoard(((JdbcStorage) storage).jdbi());
        }
    }

    @Nested
    class Notifications extends NotificationLogContract {
        private final List<JdbcStorage> opened = new ArrayList<>();

        @Override
        protected NotificationLog newLog(Clock clock, NotificationRetention retention) {
            JdbcStorage storage = PostgresTestDatabases.newStorage();
            opened.add(storage);
            return storage.sharedNotificationLog(clock, retention).orElseThrow();
        }

        @AfterEach
        void closeStorages() {
            opened.forEach(JdbcStorage::close);
        }
    }
}

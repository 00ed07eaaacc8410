package dev.chatserver.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.util.Modules;
import dev.chatserver.adapter.http.auth.HostSignIn;
import dev.chatserver.adapter.inmemory.InMemoryStorage;
import dev.chatserver.adapter.jdbc.DatabaseSettings;
import dev.chatserver.adapter.jdbc.JdbcStorage;
import dev.chatserver.application.port.out.NotificationBus;
import dev.chatserver.application.port.out.NotificationStorage;
import dev.chatserver.application.port.out.Storage;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.application.write.GroupCommit;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * The chat core in a host application's own JVM, without a server of its own: the use cases ({@code port.in})
 * on a storage, and the domain events they cause. {@link ChatHttp} adds the HTTP face to the host's Javalin app.
 * Built with {@link #builder()}; Guice is used inside, and needed by the host only if it wants {@link ChatModule}.
 */
public final class ChatCore implements AutoCloseable {
    private final Storage storage;
    private final Injector injector;
    private final Settings settings;

    private ChatCore(Storage storage, Injector injector, Settings settings) {
        this.storage = storage;
        this.injector = injector;
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A use case, by its {@code port.in} interface (e.g. {@code PostMessage}, {@code OpenSession}, {@code CreateChats}). */
    public <T> T useCase(Class<T> type) {
        return injector.getInstance(type);
    }

    public Storage storage() {
        return storage;
    }

    /** The wiring, for embedders who want more than the use cases. */
    public Injector injector() {
        return injector;
    }

    Settings settings() {
        return settings;
    }

    /** Lets the writer finish what it accepted, stops the core's timers, then closes the storage. */
    @Override
    public void close() {
        injector.getInstance(GroupCommit.class).close();
        injector.getInstance(ScheduledExecutorService.class).shutdownNow();
        storage.close();
    }

    public static final class Builder {
        private Supplier<Storage> storage = InMemoryStorage::new;
        private UserDirectory users;
        private Clock clock;
        private HostSignIn hostSignIn;
        private ChatOptions options = ChatOptions.defaults();
        private final List<DomainEventListener> listeners = new CopyOnWriteArrayList<>();
        private final List<Module> overrides = new ArrayList<>();

        private Builder() {
        }

        /** Any storage; the core closes it when it closes. The default is {@link #inMemoryStorage()}. */
        public Builder storage(Storage storage) {
            Objects.requireNonNull(storage, "storage");
            this.storage = () -> storage;
            return this;
        }

        /** Everything in memory, gone at close: for tests and single-node runs that keep nothing. */
        public Builder inMemoryStorage() {
            this.storage = InMemoryStorage::new;
            return this;
        }

        /** An H2 database file {@code chat.mv.db} in {@code directory}, created and migrated on first use. */
        public Builder h2File(Path directory) {
            Objects.requireNonNull(directory, "directory");
            this.storage = () -> JdbcStorage.open(DatabaseSettings.h2File(directory, DatabaseSettings.DEFAULT_POOL_SIZE));
            return this;
        }

        /** The host's own pool (PostgreSQL, or H2 in PostgreSQL mode): migrated by the core, left open when it closes. */
        public Builder dataSource(DataSource hostPool) {
            Objects.requireNonNull(hostPool, "hostPool");
            this.storage = () -> JdbcStorage.onDataSource(hostPool);
            return this;
        }

        /** The host's own users instead of the storage's ({@code UserDirectory} port). */
        public Builder userDirectory(UserDirectory users) {
            this.users = Objects.requireNonNull(users, "users");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Who a request to the mounted HTTP face is, when the host signs its users in itself. */
        public Builder hostSignIn(HostSignIn hostSignIn) {
            this.hostSignIn = Objects.requireNonNull(hostSignIn, "hostSignIn");
            return this;
        }

        public Builder onEvent(DomainEventListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** One setting of the server's, typed, e.g. {@code option(ServerFlags.IM_MESSAGE_TYPES, List.of("task"))}; see README.md. */
        public <T> Builder option(Flag<T> flag, T value) {
            options = options.with(flag, value);
            return this;
        }

        /** Every setting at once; what {@code options} does not set keeps its default. */
        public Builder options(ChatOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /** Guice modules whose bindings replace the core's. */
        public Builder override(Module... modules) {
            overrides.addAll(List.of(modules));
            return this;
        }

        public ChatCore build() {
            Settings settings = Settings.from(options);
            Storage opened = storage.get();
            try {
                Module core = Modules.override(new ChatModule(opened, settings)).with(new Embedding());
                Injector injector = Guice.createInjector(Modules.override(core).with(overrides));
                return new ChatCore(opened, injector, settings);
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        }

        /** What the builder was told, over the server's defaults. */
        private final class Embedding extends AbstractModule {
            @Override
            protected void configure() {
                if (users != null) {
                    bind(UserDirectory.class).toInstance(users);
                }
                if (clock != null) {
                    bind(Clock.class).toInstance(clock);
                }
                if (hostSignIn != null) {
                    bind(HostSignIn.class).toInstance(hostSignIn);
                }
            }

            @Provides
            NotificationBus notificationBus(NotificationStorage.Opened opened, Transactions transactions) {
                return listeners.isEmpty() ? opened.bus() : new ListenedBus(opened.bus(), transactions, listeners);
            }
        }
    }

    /** The bus, telling the embedder's listeners of each event once its unit of work has committed. */
    private record ListenedBus(NotificationBus bus, Transactions transactions, List<DomainEventListener> listeners)
            implements NotificationBus {
        @Override
        public void publish(dev.chatserver.application.port.out.notification.Channel channel,
                            dev.chatserver.domain.event.DomainEvent event) {
            bus.publish(channel, event);
            tell(channel, event);
        }

        @Override
        public void signal(dev.chatserver.application.port.out.notification.Channel channel,
                           dev.chatserver.domain.event.DomainEvent event) {
            bus.signal(channel, event);
            tell(channel, event);
        }

        private void tell(dev.chatserver.application.port.out.notification.Channel channel,
                          dev.chatserver.domain.event.DomainEvent event) {
            transactions.afterCommit(() -> {
                for (DomainEventListener listener : listeners) {
                    try {
                        listener.onEvent(channel.name(), event);
                    } catch (RuntimeException failure) {
                        LoggerFactory.getLogger(ChatCore.class).error("a domain event listener failed", failure);
                    }
                }
            });
        }

        @Override
        public void forgetText(dev.chatserver.domain.event.MessageDeleted deletion) {
            bus.forgetText(deletion);
        }
    }
}

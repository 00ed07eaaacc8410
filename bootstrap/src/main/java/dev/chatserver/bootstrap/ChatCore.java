package dev.chatserver.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.TypeLiteral;
import com.google.inject.util.Modules;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.auth.HostSignIn;
import dev.chatserver.adapter.inmemory.InMemoryStorage;
import dev.chatserver.adapter.jdbc.DatabaseSettings;
import dev.chatserver.adapter.jdbc.JdbcStorage;
import dev.chatserver.application.port.in.account.FindPartners;
import dev.chatserver.application.port.in.account.ProvisionAccounts;
import dev.chatserver.application.port.in.account.ManageOwnAccount;
import dev.chatserver.application.port.in.admin.AdministerGroups;
import dev.chatserver.application.port.in.admin.AdministerUsers;
import dev.chatserver.application.port.in.admin.ReadAuditLog;
import dev.chatserver.application.port.in.account.SignIn;
import dev.chatserver.application.port.in.chats.CreateChats;
import dev.chatserver.application.port.in.chats.ManageRooms;
import dev.chatserver.application.port.in.chats.ModerateRooms;
import dev.chatserver.application.port.in.chats.PostEvents;
import dev.chatserver.application.port.in.chats.ReadChats;
import dev.chatserver.application.port.in.chats.ReadEvents;
import dev.chatserver.application.port.in.health.CheckHealth;
import dev.chatserver.application.port.in.im.ArrangeSession;
import dev.chatserver.application.port.in.im.ChangeMessage;
import dev.chatserver.application.port.in.im.InitChat;
import dev.chatserver.application.port.in.im.BlockUsers;
import dev.chatserver.application.port.in.im.ChangeGroup;
import dev.chatserver.application.port.in.im.CreateGroup;
import dev.chatserver.application.port.in.im.InviteToSession;
import dev.chatserver.application.port.in.im.ListSessions;
import dev.chatserver.application.port.in.im.ManageAddressBook;
import dev.chatserver.application.port.in.im.MarkRead;
import dev.chatserver.application.port.in.im.OpenSession;
import dev.chatserver.application.port.in.im.PostMessage;
import dev.chatserver.application.port.in.im.ReactToMessage;
import dev.chatserver.application.port.in.im.ReadHistory;
import dev.chatserver.application.port.in.im.SearchMessages;
import dev.chatserver.application.port.in.presence.FollowPresence;
import dev.chatserver.application.port.in.presence.ReadPresence;
import dev.chatserver.application.port.in.presence.TrackPresence;
import dev.chatserver.application.port.in.realtime.EndConnections;
import dev.chatserver.application.port.in.realtime.OpenFeed;
import dev.chatserver.application.port.in.realtime.Poll;
import dev.chatserver.application.port.out.NotificationBus;
import dev.chatserver.application.port.out.NotificationStorage;
import dev.chatserver.application.port.out.Storage;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.write.GroupCommit;
import dev.chatserver.application.port.out.notification.event.DomainEvent;
import dev.chatserver.application.port.out.notification.event.MessageDeleted;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * The chat core in a host application's own JVM, without a server of its own: the use cases ({@code port.in}),
 * one accessor each, on a storage, and the domain events they cause. {@link ChatHttp} adds the HTTP face to the
 * host's Javalin app. Built with {@link #builder()}; how it is wired inside is its own business ({@link ChatModule}
 * offers the same wiring to hosts that use Guice themselves).
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

    /** {@code ProvisionAccounts}: adds users and sets their passwords. */
    public ProvisionAccounts provisionAccounts() {
        return injector.getInstance(ProvisionAccounts.class);
    }

    /** {@code SignIn}: signs a user in with a password, checks and ends session tokens. */
    public SignIn signIn() {
        return injector.getInstance(SignIn.class);
    }

    /** {@code FindPartners}: the partner record behind each user. */
    public FindPartners findPartners() {
        return injector.getInstance(FindPartners.class);
    }

    /** {@code OpenSession}: opens (or finds) a private or group session. */
    public OpenSession openSession() {
        return injector.getInstance(OpenSession.class);
    }

    /** {@code PostMessage}: posts a message to a session. */
    public PostMessage postMessage() {
        return injector.getInstance(PostMessage.class);
    }

    /** {@code ReadHistory}: reads a session's messages. */
    public ReadHistory readHistory() {
        return injector.getInstance(ReadHistory.class);
    }

    /** {@code ListSessions}: lists the sessions a user is in. */
    public ListSessions listSessions() {
        return injector.getInstance(ListSessions.class);
    }

    /** {@code ArrangeSession}: folds, closes or renames a session for a member. */
    public ArrangeSession arrangeSession() {
        return injector.getInstance(ArrangeSession.class);
    }

    /** {@code CreateGroup}: starts a group conversation of people the caller chooses. */
    public CreateGroup createGroup() {
        return injector.getInstance(CreateGroup.class);
    }

    /** {@code ChangeGroup}: renames, adds, removes, sets roles and posting, leaves a group conversation. */
    public ChangeGroup changeGroup() {
        return injector.getInstance(ChangeGroup.class);
    }

    /** {@code BlockUsers}: blocks and unblocks users. */
    public BlockUsers blockUsers() {
        return injector.getInstance(BlockUsers.class);
    }

    /** {@code SetPreferences}: what a user is emailed while away. */
    public dev.chatserver.application.port.in.notify.SetPreferences setPreferences() {
        return injector.getInstance(dev.chatserver.application.port.in.notify.SetPreferences.class);
    }

    /** {@code MuteSession}: silences a session of a member's until a time, or lets it speak again. */
    public dev.chatserver.application.port.in.notify.MuteSession muteSession() {
        return injector.getInstance(dev.chatserver.application.port.in.notify.MuteSession.class);
    }

    /** {@code InviteToSession}: adds users to a session. */
    public InviteToSession inviteToSession() {
        return injector.getInstance(InviteToSession.class);
    }

    /** {@code ChangeMessage}: edits or deletes one's own message. */
    public ChangeMessage changeMessage() {
        return injector.getInstance(ChangeMessage.class);
    }

    /** {@code ReactToMessage}: toggles a reaction on a message. */
    public ReactToMessage reactToMessage() {
        return injector.getInstance(ReactToMessage.class);
    }

    /** {@code MarkRead}: moves a member's read pointer. */
    public MarkRead markRead() {
        return injector.getInstance(MarkRead.class);
    }

    /** {@code UploadAttachment}: a member uploads a file to a session. */
    public dev.chatserver.application.port.in.attachment.UploadAttachment uploadAttachment() {
        return injector.getInstance(dev.chatserver.application.port.in.attachment.UploadAttachment.class);
    }

    /** {@code SetAvatar}: a user uploads their own avatar. */
    public dev.chatserver.application.port.in.attachment.SetAvatar setAvatar() {
        return injector.getInstance(dev.chatserver.application.port.in.attachment.SetAvatar.class);
    }

    /** {@code ReadAvatar}: the avatar a user uploaded. */
    public dev.chatserver.application.port.in.attachment.ReadAvatar readAvatar() {
        return injector.getInstance(dev.chatserver.application.port.in.attachment.ReadAvatar.class);
    }

    /** {@code ReadAttachment}: a member of its session reads a file or its thumbnail. */
    public dev.chatserver.application.port.in.attachment.ReadAttachment readAttachment() {
        return injector.getInstance(dev.chatserver.application.port.in.attachment.ReadAttachment.class);
    }

    /** {@code SearchMessages}: searches the messages a user may read. */
    public SearchMessages searchMessages() {
        return injector.getInstance(SearchMessages.class);
    }

    /** {@code ManageAddressBook}: the caller's own address book. */
    public ManageAddressBook manageAddressBook() {
        return injector.getInstance(ManageAddressBook.class);
    }

    /** {@code InitChat}: the caller's contact list as the chat window starts with it. */
    public InitChat initChat() {
        return injector.getInstance(InitChat.class);
    }

    /** {@code CreateChats}: creates chat rooms (an audience and a scope). */
    public CreateChats createChats() {
        return injector.getInstance(CreateChats.class);
    }

    /** {@code ReadChats}: reads chat rooms. */
    public ReadChats readChats() {
        return injector.getInstance(ReadChats.class);
    }

    /** {@code PostEvents}: appends events to a chat room. */
    public PostEvents postEvents() {
        return injector.getInstance(PostEvents.class);
    }

    /** {@code ReadEvents}: reads a chat room's events and state. */
    public ReadEvents readEvents() {
        return injector.getInstance(ReadEvents.class);
    }

    /** {@code ManageRooms}: event rooms on their own (create, read, close). */
    public ManageRooms manageRooms() {
        return injector.getInstance(ManageRooms.class);
    }

    /** {@code ModerateRooms}: a room's tenants ban accounts from it and lock event types. */
    public ModerateRooms moderateRooms() {
        return injector.getInstance(ModerateRooms.class);
    }

    /** {@code TrackPresence}: reports what a user is doing (online, away). */
    public TrackPresence trackPresence() {
        return injector.getInstance(TrackPresence.class);
    }

    /** {@code ReadPresence}: reads users' presence. */
    public ReadPresence readPresence() {
        return injector.getInstance(ReadPresence.class);
    }

    /** {@code FollowPresence}: whose presence a user may follow. */
    public FollowPresence followPresence() {
        return injector.getInstance(FollowPresence.class);
    }

    /** {@code OpenFeed}: a live feed of notifications (what a WebSocket uses). */
    public OpenFeed openFeed() {
        return injector.getInstance(OpenFeed.class);
    }

    /** {@code Poll}: one long-poll of notifications. */
    public Poll poll() {
        return injector.getInstance(Poll.class);
    }

    /** {@code EndConnections}: ends the live connections whose sign-in no longer holds. */
    public EndConnections endConnections() {
        return injector.getInstance(EndConnections.class);
    }

    /** {@code AdministerGroups}: an administrator lists, creates and renames the provisioned groups and their members. */
    public AdministerGroups administerGroups() {
        return injector.getInstance(AdministerGroups.class);
    }

    /** {@code AdministerUsers}: an administrator lists, creates, renames, disables accounts and ends their sign-ins. */
    public AdministerUsers administerUsers() {
        return injector.getInstance(AdministerUsers.class);
    }

    /** {@code ManageOwnAccount}: a signed-in user changes their password or their name. */
    public ManageOwnAccount manageOwnAccount() {
        return injector.getInstance(ManageOwnAccount.class);
    }

    /** {@code ReadAuditLog}: what administrators did, for administrators. */
    public ReadAuditLog readAuditLog() {
        return injector.getInstance(ReadAuditLog.class);
    }

    /** {@code CheckHealth}: whether this node can serve. */
    public CheckHealth checkHealth() {
        return injector.getInstance(CheckHealth.class);
    }

    public Storage storage() {
        return storage;
    }

    Settings settings() {
        return settings;
    }

    /** The chat's JSON mapping, for {@link ChatHttp#configure}. */
    ObjectMapper objectMapper() {
        return injector.getInstance(ObjectMapper.class);
    }

    /** Every HTTP area of the chat, for {@link ChatHttp#mountOn}. */
    Set<Routes> routes() {
        return injector.getInstance(Key.get(new TypeLiteral<Set<Routes>>() { }));
    }

    /** Lets the writer finish what it accepted, stops the core's timers, then closes the storage. */
    @Override
    public void close() {
        injector.getInstance(GroupCommit.class).close();
        injector.getInstance(ScheduledExecutorService.class).shutdownNow();
        injector.getInstance(MailSchedule.class).stop();
        storage.close();
    }

    public static final class Builder {
        private Supplier<Storage> storage = InMemoryStorage::new;
        private UserDirectory users;
        private Clock clock;
        private HostSignIn hostSignIn;
        private ChatOptions options = ChatOptions.defaults();
        private final List<DomainEventListener> listeners = new CopyOnWriteArrayList<>();

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

        /** Hears each domain event once, after its change committed (see {@link DomainEventListener}). */
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

        public ChatCore build() {
            Settings settings = Settings.from(options);
            Storage opened = storage.get();
            try {
                Injector injector = Guice.createInjector(Modules.override(new ChatModule(opened, settings)).with(new Embedding()));
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

    /**
     * The bus, telling the embedder's listeners of each event once its unit of work has committed: the core
     * publishes an event once with all the channels it goes to, so each publication is one telling.
     */
    private static final class ListenedBus implements NotificationBus {
        private final NotificationBus bus;
        private final Transactions transactions;
        private final List<DomainEventListener> listeners;

        ListenedBus(NotificationBus bus, Transactions transactions, List<DomainEventListener> listeners) {
            this.bus = bus;
            this.transactions = transactions;
            this.listeners = listeners;
        }

        @Override
        public void publish(Collection<Channel> channels, DomainEvent event) {
            bus.publish(channels, event);
            transactions.afterCommit(() -> tell(event));
        }

        @Override
        public void signal(Collection<Channel> channels, DomainEvent event) {
            bus.signal(channels, event);
            transactions.afterCommit(() -> tell(event));
        }

        @Override
        public void forgetText(MessageDeleted deletion) {
            bus.forgetText(deletion);
        }

        private void tell(DomainEvent event) {
            for (DomainEventListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException failure) {
                    LoggerFactory.getLogger(ChatCore.class).error("a domain event listener failed", failure);
                }
            }
        }
    }
}

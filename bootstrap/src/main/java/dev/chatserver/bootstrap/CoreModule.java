package dev.chatserver.bootstrap;

import dev.chatserver.adapter.inmemory.InMemoryNotifications;
import dev.chatserver.adapter.inmemory.InMemoryPresenceBoard;
import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.out.AccountStandings;
import dev.chatserver.application.port.out.AuditLog;
import dev.chatserver.application.port.out.AddressBooks;
import dev.chatserver.application.port.out.ChatStore;
import dev.chatserver.application.port.out.EventRoomStore;
import dev.chatserver.application.port.out.EventStore;
import dev.chatserver.application.port.out.GroupConversations;
import dev.chatserver.application.port.out.UserBlocks;
import dev.chatserver.application.port.out.IdempotencyKeys;
import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.MessageReactions;
import dev.chatserver.application.port.out.MessageSearch;
import dev.chatserver.application.port.out.NotificationStorage;
import dev.chatserver.application.port.out.PresenceBoard;
import dev.chatserver.application.port.out.SignInFailures;
import dev.chatserver.application.port.out.SignInTokens;
import dev.chatserver.application.port.out.StoragePorts;
import dev.chatserver.application.port.out.StorageProbe;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.UserDirectory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.chatserver.adapter.http.HttpSettings;
import dev.chatserver.adapter.http.Json;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.bootstrap.system.Pbkdf2PasswordHasher;
import dev.chatserver.application.account.SignInPolicy;
import dev.chatserver.bootstrap.system.RandomIds;
import dev.chatserver.application.port.out.IdGenerator;
import dev.chatserver.application.port.out.PasswordHasher;
import dev.chatserver.application.port.out.Storage;

import java.time.Clock;

/** What every feature shares: settings, the storage's ports, time, ids, JSON, and the set of HTTP routes. */
final class CoreModule extends AbstractModule {
    private final Settings settings;
    private final Storage storage;

    CoreModule(Settings settings, Storage storage) {
        this.settings = settings;
        this.storage = storage;
    }

    @Override
    protected void configure() {
        bind(Settings.class).toInstance(settings);
        bind(ChatOptions.class).toInstance(settings.options());
        bind(HttpSettings.class).toInstance(settings.http());
        bind(SignInPolicy.class).toInstance(settings.signIn());
        bind(Storage.class).toInstance(storage);
        StoragePorts ports = storage.ports();
        bind(StorageProbe.class).toInstance(ports.probe());
        bind(Transactions.class).toInstance(ports.transactions());
        bind(UserDirectory.class).toInstance(ports.users());
        bind(AccountRegistry.class).toInstance(ports.accounts());
        bind(AccountStandings.class).toInstance(ports.standings());
        bind(AuditLog.class).toInstance(ports.audit());
        bind(SignInTokens.class).toInstance(ports.signInTokens());
        bind(SignInFailures.class).toInstance(ports.signInFailures());
        bind(ImSessions.class).toInstance(ports.imSessions());
        bind(ImMessages.class).toInstance(ports.imMessages());
        bind(MessageReactions.class).toInstance(ports.messageReactions());
        bind(MessageSearch.class).toInstance(ports.messageSearch());
        bind(AddressBooks.class).toInstance(ports.addressBooks());
        bind(ChatStore.class).toInstance(ports.chats());
        bind(EventRoomStore.class).toInstance(ports.eventRooms());
        bind(EventStore.class).toInstance(ports.events());
        bind(IdempotencyKeys.class).toInstance(ports.idempotencyKeys());
        bind(dev.chatserver.application.port.out.Attachments.class).toInstance(ports.attachments());
        bind(dev.chatserver.application.port.out.FileContents.class).toInstance(ports.fileContents());
        bind(GroupConversations.class).toInstance(ports.groupConversations());
        bind(UserBlocks.class).toInstance(ports.userBlocks());
        bind(dev.chatserver.application.port.out.RoomBans.class).toInstance(ports.roomBans());
        bind(dev.chatserver.application.port.out.MailPreferences.class).toInstance(ports.mailPreferences());
        bind(dev.chatserver.application.port.out.ConnectionSightings.class).toInstance(ports.connectionSightings());
        bind(dev.chatserver.application.port.out.MailQueue.class).toInstance(ports.mailQueue());
        // what the storage does not keep (an embedder's own storage may keep no bus or presence), the node keeps in memory
        StoragePorts.Realtime realtime = ports.realtime().orElseGet(() -> new StoragePorts.Realtime(
                new InMemoryNotifications(ports.transactions()), new InMemoryPresenceBoard()));
        bind(NotificationStorage.class).toInstance(realtime.notifications());
        bind(PresenceBoard.class).toInstance(realtime.presence());
        bind(Clock.class).toInstance(Clock.systemUTC());
        bind(IdGenerator.class).to(RandomIds.class);
        bind(PasswordHasher.class).toInstance(new Pbkdf2PasswordHasher());
        bind(ObjectMapper.class).toInstance(Json.newMapper());
        Multibinder.newSetBinder(binder(), Routes.class);
    }
}

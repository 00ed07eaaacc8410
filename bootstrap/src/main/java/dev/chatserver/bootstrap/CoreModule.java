package dev.chatserver.bootstrap;

import dev.chatserver.adapter.inmemory.InMemoryNotifications;
import dev.chatserver.adapter.inmemory.InMemoryPresenceBoard;
import dev.chatserver.application.port.out.NotificationStorage;
import dev.chatserver.application.port.out.Ports;
import dev.chatserver.application.port.out.PresenceBoard;
import dev.chatserver.application.port.out.Transactions;
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
import java.util.Map;

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
        Ports ports = storage.ports();
        for (Map.Entry<Class<?>, Object> port : ports.asMap().entrySet()) {
            bindPort(port.getKey(), port.getValue());
        }
        // a storage that does not share the bus and presence between nodes (H2) leaves them to this node's memory
        if (ports.find(NotificationStorage.class).isEmpty()) {
            bind(NotificationStorage.class).toInstance(new InMemoryNotifications(ports.get(Transactions.class)));
        }
        if (ports.find(PresenceBoard.class).isEmpty()) {
            bind(PresenceBoard.class).toInstance(new InMemoryPresenceBoard());
        }
        bind(Clock.class).toInstance(Clock.systemUTC());
        bind(IdGenerator.class).to(RandomIds.class);
        bind(PasswordHasher.class).toInstance(new Pbkdf2PasswordHasher());
        bind(ObjectMapper.class).toInstance(Json.newMapper());
        Multibinder.newSetBinder(binder(), Routes.class);
    }

    private <T> void bindPort(Class<T> type, Object port) {
        bind(type).toInstance(type.cast(port));
    }
}

package dev.chatserver.bootstrap;

import com.google.inject.AbstractModule;
import dev.chatserver.application.port.out.Storage;

/**
 * Every feature of the chat as one Guice module, for embedders who wire with Guice: install it (or override
 * parts of it with {@code Modules.override}) and ask the injector for the use cases. {@code options} are the
 * server's settings, typed ({@code ChatOptions.defaults().with(ServerFlags.IM_MESSAGE_TYPES, List.of("task"))});
 * the storage stays the caller's to close.
 */
public final class ChatModule extends AbstractModule {
    private final Settings settings;
    private final Storage storage;

    public ChatModule(Storage storage, ChatOptions options) {
        this(storage, Settings.from(options));
    }

    ChatModule(Storage storage, Settings settings) {
        this.storage = storage;
        this.settings = settings;
    }

    Settings settings() {
        return settings;
    }

    @Override
    protected void configure() {
        install(new CoreModule(settings, storage));
        for (com.google.inject.Module feature : FeatureModules.all()) {
            install(feature);
        }
    }
}

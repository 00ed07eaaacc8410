package dev.chatserver.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.chatserver.application.port.out.Storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every feature of the chat as one Guice module, for embedders who wire with Guice: install it (or override
 * parts of it with {@code Modules.override}) and ask the injector for the use cases. {@code options} are the
 * server's flags without their dashes ({@code "im-message-types" -> "task"}); the storage stays the caller's to close.
 */
public final class ChatModule extends AbstractModule {
    private final Settings settings;
    private final Storage storage;

    public ChatModule(Storage storage, Map<String, String> options) {
        this.storage = storage;
        this.settings = settingsOf(options);
    }

    static Settings settingsOf(Map<String, String> options) {
        List<String> args = new ArrayList<>();
        options.forEach((name, value) -> args.add("--" + name + "=" + value));
        return Settings.from(Options.parse(args.toArray(String[]::new), Map.of()));
    }

    Settings settings() {
        return settings;
    }

    @Override
    protected void configure() {
        install(new CoreModule(settings, storage));
        for (Module feature : FeatureModules.all()) {
            install(feature);
        }
    }
}

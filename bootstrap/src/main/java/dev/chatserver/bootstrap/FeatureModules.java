package dev.chatserver.bootstrap;

import com.google.inject.Module;

import java.util.List;

/** Every feature of the server, one Guice module each. */
final class FeatureModules {
    private FeatureModules() {
    }

    static List<Module> all() {
        return List.of(
                new AccountsModule(),
                new BudgetsModule(),
                new WritesModule(),
                new ImModule(),
                new AttachmentsModule(),
                new ChatsModule(),
                new RealtimeModule(),
                new Odoo8Module(),
                new MetricsModule(),
                new EmailModule());
    }
}

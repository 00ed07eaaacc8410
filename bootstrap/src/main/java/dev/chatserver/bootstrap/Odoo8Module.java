package dev.chatserver.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.odoo8.Odoo8ImRoutes;
import dev.chatserver.adapter.http.odoo8.Odoo8ModelCalls;
import dev.chatserver.adapter.http.odoo8.Odoo8Poll;
import dev.chatserver.adapter.http.odoo8.Odoo8Settings;
import dev.chatserver.adapter.http.realtime.PollDialect;

/** Odoo 8's im_chat web client: its routes, its model calls and its bus poll. */
final class Odoo8Module extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder<Routes> routes = Multibinder.newSetBinder(binder(), Routes.class);
        routes.addBinding().to(Odoo8ImRoutes.class);
        routes.addBinding().to(Odoo8ModelCalls.class);
        Multibinder.newSetBinder(binder(), PollDialect.class).addBinding().to(Odoo8Poll.class);
    }

    /** {@code --odoo-db}: the database name in 8.0's bus channels, {@code [db, "im_chat.session", uid]}. */
    @Provides
    @Singleton
    Odoo8Settings settings(ChatOptions options) {
        String database = options.get(ServerFlags.ODOO_DB).strip();
        if (database.isEmpty()) {
            throw new StartupFailure("--odoo-db: a database name is not empty");
        }
        return new Odoo8Settings(database);
    }
}

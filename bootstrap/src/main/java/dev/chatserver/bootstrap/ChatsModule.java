package dev.chatserver.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.chats.ChatRoutes;
import dev.chatserver.adapter.http.chats.ChatsApiSettings;
import dev.chatserver.adapter.http.chats.TenantTokens;
import dev.chatserver.application.chats.CreateChatsService;
import dev.chatserver.application.chats.EventAppending;
import dev.chatserver.application.chats.ManageRoomsService;
import dev.chatserver.application.chats.ModerateRoomsService;
import dev.chatserver.application.chats.PostEventsService;
import dev.chatserver.application.chats.ReadChatsService;
import dev.chatserver.application.chats.ReadEventsService;
import dev.chatserver.application.chats.Tenants;
import dev.chatserver.application.port.in.chats.CreateChats;
import dev.chatserver.application.port.in.chats.ManageRooms;
import dev.chatserver.application.port.in.chats.ModerateRooms;
import dev.chatserver.application.port.in.chats.PostEvents;
import dev.chatserver.application.port.in.chats.ReadChats;
import dev.chatserver.application.port.in.chats.ReadEvents;

/** The Chats API: chats, event rooms and events, who may create them, and how callers are recognised. */
final class ChatsModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(CreateChats.class).to(CreateChatsService.class).in(Scopes.SINGLETON);
        bind(ReadChats.class).to(ReadChatsService.class).in(Scopes.SINGLETON);
        bind(ManageRooms.class).to(ManageRoomsService.class).in(Scopes.SINGLETON);
        bind(ModerateRooms.class).to(ModerateRoomsService.class).in(Scopes.SINGLETON);
        bind(EventAppending.class).in(Scopes.SINGLETON);
        bind(PostEvents.class).to(PostEventsService.class).in(Scopes.SINGLETON);
        bind(ReadEvents.class).to(ReadEventsService.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), Routes.class).addBinding().to(ChatRoutes.class);
    }

    @Provides
    @Singleton
    ChatsSettings chatsSettings(ChatOptions options) {
        return ChatsSettings.from(options);
    }

    @Provides
    Tenants tenants(ChatsSettings settings) {
        return settings.tenants();
    }

    @Provides
    ChatsApiSettings chatsApiSettings(ChatsSettings settings) {
        return settings.api();
    }

    @Provides
    @Singleton
    TenantTokens tenantTokens(ChatsSettings settings) {
        try {
            return TenantTokens.of(settings.jwtKeysByIssuer(), settings.jwtAudience());
        } catch (IllegalArgumentException e) {
            throw new StartupFailure("--chats-jwt-keys: " + e.getMessage());
        }
    }
}

package dev.chatserver.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.im.AddressBookRoutes;
import dev.chatserver.adapter.http.im.ImBlockRoutes;
import dev.chatserver.adapter.http.im.ImGroupRoutes;
import dev.chatserver.application.im.BlockUsersService;
import dev.chatserver.application.port.in.im.BlockUsers;
import dev.chatserver.adapter.http.im.ImInvitationRoutes;
import dev.chatserver.application.im.ChangeGroupService;
import dev.chatserver.application.im.CreateGroupService;
import dev.chatserver.application.port.in.im.ChangeGroup;
import dev.chatserver.application.port.in.im.CreateGroup;
import dev.chatserver.adapter.http.im.ImMessageRoutes;
import dev.chatserver.adapter.http.im.ImSearchRoutes;
import dev.chatserver.adapter.http.im.ImSessionRoutes;
import dev.chatserver.application.im.ArrangeSessionService;
import dev.chatserver.application.im.ChangeMessageService;
import dev.chatserver.application.im.InitChatService;
import dev.chatserver.application.im.ListSessionsService;
import dev.chatserver.application.im.ManageAddressBookService;
import dev.chatserver.application.im.OpenSessionService;
import dev.chatserver.application.im.PostMessageService;
import dev.chatserver.application.im.PostRecorder;
import dev.chatserver.application.im.PostingLane;
import dev.chatserver.application.im.ReadHistoryService;
import dev.chatserver.application.im.ReadPointerChanges;
import dev.chatserver.application.im.SessionHeaders;
import dev.chatserver.application.im.SearchMessagesService;
import dev.chatserver.application.im.ImPolicy;
import dev.chatserver.application.im.EditWindow;
import dev.chatserver.application.im.ReactToMessageService;
import dev.chatserver.application.im.InviteToSessionService;
import dev.chatserver.application.port.in.im.ArrangeSession;
import dev.chatserver.application.port.in.im.ChangeMessage;
import dev.chatserver.application.port.in.im.ReactToMessage;
import dev.chatserver.application.port.in.im.InitChat;
import dev.chatserver.application.port.in.im.InviteToSession;
import dev.chatserver.application.port.in.im.ListSessions;
import dev.chatserver.application.port.in.im.ManageAddressBook;
import dev.chatserver.application.port.in.im.OpenSession;
import dev.chatserver.application.port.in.im.PostMessage;
import dev.chatserver.application.port.in.im.ReadHistory;
import dev.chatserver.application.port.in.im.MarkRead;
import dev.chatserver.application.im.MarkReadService;
import dev.chatserver.application.port.in.im.SearchMessages;

import java.util.Set;

/** The IM chat API (Odoo im_chat style): sessions, messages, address books. */
final class ImModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(SessionHeaders.class).in(Scopes.SINGLETON);
        bind(PostRecorder.class).in(Scopes.SINGLETON);
        bind(PostingLane.class).in(Scopes.SINGLETON);
        bind(ReadPointerChanges.class).in(Scopes.SINGLETON);
        bind(OpenSession.class).to(OpenSessionService.class).in(Scopes.SINGLETON);
        bind(ListSessions.class).to(ListSessionsService.class).in(Scopes.SINGLETON);
        bind(ArrangeSession.class).to(ArrangeSessionService.class).in(Scopes.SINGLETON);
        bind(InviteToSession.class).to(InviteToSessionService.class).in(Scopes.SINGLETON);
        bind(PostMessage.class).to(PostMessageService.class).in(Scopes.SINGLETON);
        bind(ReadHistory.class).to(ReadHistoryService.class).in(Scopes.SINGLETON);
        bind(ChangeMessage.class).to(ChangeMessageService.class).in(Scopes.SINGLETON);
        bind(ReactToMessage.class).to(ReactToMessageService.class).in(Scopes.SINGLETON);
        bind(MarkRead.class).to(MarkReadService.class).in(Scopes.SINGLETON);
        bind(SearchMessages.class).to(SearchMessagesService.class).in(Scopes.SINGLETON);
        bind(ManageAddressBook.class).to(ManageAddressBookService.class).in(Scopes.SINGLETON);
        bind(InitChat.class).to(InitChatService.class).in(Scopes.SINGLETON);
        bind(CreateGroup.class).to(CreateGroupService.class).in(Scopes.SINGLETON);
        bind(ChangeGroup.class).to(ChangeGroupService.class).in(Scopes.SINGLETON);
        bind(BlockUsers.class).to(BlockUsersService.class).in(Scopes.SINGLETON);
        Multibinder<Routes> routes = Multibinder.newSetBinder(binder(), Routes.class);
        routes.addBinding().to(ImSessionRoutes.class);
        routes.addBinding().to(ImInvitationRoutes.class);
        routes.addBinding().to(ImGroupRoutes.class);
        routes.addBinding().to(ImBlockRoutes.class);
        routes.addBinding().to(ImMessageRoutes.class);
        routes.addBinding().to(ImSearchRoutes.class);
        routes.addBinding().to(AddressBookRoutes.class);
    }

    /** {@code --im-message-types} adds types to the standard ones; {@code --im-max-message-bytes} bounds content. */
    @Provides
    @Singleton
    ImPolicy policy(ChatOptions options) {
        ImPolicy defaults = ImPolicy.defaults();
        Set<String> extra = Set.copyOf(options.get(ServerFlags.IM_MESSAGE_TYPES));
        for (String type : extra) {
            if (!type.matches("[a-z0-9_.]{1,64}")) {
                throw new StartupFailure("--im-message-types " + type + ": a type is 1 to 64 of a-z, 0-9, '_' or '.'");
            }
            if (type.equals("meta")) {
                throw new StartupFailure("--im-message-types meta: meta messages are the server's own, no client posts them");
            }
        }
        int maxBytes = options.get(ServerFlags.IM_MAX_MESSAGE_BYTES);
        if (maxBytes < 1) {
            throw new StartupFailure("--im-max-message-bytes " + maxBytes + ": at least 1");
        }
        return new ImPolicy(defaults.withTypes(extra).messageTypes(), maxBytes, defaults.defaultHistoryLimit(),
                defaults.maxHistoryLimit());
    }

    /** {@code --im-edit-window}: how long after posting its author may edit or delete a message (default 24h). */
    @Provides
    @Singleton
    EditWindow editWindow(ChatOptions options) {
        java.time.Duration length = options.get(ServerFlags.IM_EDIT_WINDOW);
        if (length.isNegative()) {
            throw new StartupFailure("--im-edit-window " + length + ": not negative");
        }
        return new EditWindow(length);
    }
}

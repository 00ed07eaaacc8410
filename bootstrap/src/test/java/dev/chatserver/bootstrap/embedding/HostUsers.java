package dev.chatserver.bootstrap.embedding;

import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.bootstrap.ChatCore;
import dev.chatserver.bootstrap.ChatHttp;
import dev.chatserver.domain.account.Group;
import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.Partner;
import dev.chatserver.domain.account.PartnerId;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import io.javalin.Javalin;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host's own users and its own sign-in: the chat asks the host's directory who users are, and takes the user
 * the host already signed in instead of a chat session token.
 */
public final class HostUsers {
    private HostUsers() {
    }

    /** The host's accounts, as the chat sees them (here from a list; in a host, from its own tables). */
    public record HostDirectory(List<User> users) implements UserDirectory {
        public static HostDirectory of(Map<Long, String> namesById) {
            return new HostDirectory(namesById.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> new User(UserId.of(e.getKey()), new Login("host-" + e.getKey()), e.getValue(),
                            "", new Partner(PartnerId.of(e.getKey()), e.getValue())))
                    .toList());
        }

        @Override public Optional<User> user(UserId id) {
            return users.stream().filter(u -> u.id().equals(id)).findFirst();
        }
        @Override public List<User> users(Collection<UserId> ids) {
            return users.stream().filter(u -> ids.contains(u.id())).toList();
        }
        @Override public Optional<User> userByLogin(Login login) {
            return users.stream().filter(u -> u.login().equals(login)).findFirst();
        }
        @Override public Optional<User> userByPartner(PartnerId partner) {
            return users.stream().filter(u -> u.partner().id().equals(partner)).findFirst();
        }
        @Override public List<User> usersByPartners(Collection<PartnerId> partners) {
            return users.stream().filter(u -> partners.contains(u.partner().id())).toList();
        }
        @Override public List<User> allUsers() {
            return users;
        }
        @Override public Optional<Group> group(GroupId id) {
            return Optional.empty();
        }
        @Override public List<Group> groups(Collection<GroupId> ids) {
            return List.of();
        }
        @Override public List<Group> groupsNamed(String name) {
            return List.of();
        }
    }

    /** The host signs in with its own session cookie; the chat takes the user id it put on the request. */
    public static Javalin create(UserDirectory hostDirectory, Map<String, Long> hostSessions) {
        ChatCore chat = ChatCore.builder()
                .inMemoryStorage()
                .userDirectory(hostDirectory)
                .hostSignIn(ctx -> Optional.ofNullable(ctx.<Long>attribute("host.user")).map(UserId::of))
                .build();
        Javalin app = Javalin.create(config -> ChatHttp.configure(config, chat));
        app.before(ctx -> {
            String hostSession = ctx.cookie("HOST_SESSION");
            Long user = hostSession == null ? null : hostSessions.get(hostSession);
            if (user != null) {
                ctx.attribute("host.user", user);
            }
        });
        ChatHttp.mountOn(app, "/chat", chat);
        app.events(events -> events.serverStopped(chat::close));
        return app;
    }
}

package dev.chatserver.bootstrap.odoo8;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.AbstractModule;
import dev.chatserver.application.im.FixedPresence;
import dev.chatserver.application.port.in.presence.ReadPresence;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.presence.ImStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Odoo 8's user list ({@code im_search}) and its status refresh ({@code search_read}) show a user's presence only
 * to those who may follow it (their address book, a shared session), as the {@code presence:<id>} channel;
 * anyone else sees them offline.
 */
class Odoo8PresenceVisibilityTest {
    private final FixedPresence presence = new FixedPresence();
    private RunningServer server;
    private Odoo8ImChatClient lynx;
    private long ocelotId;
    private long supportId;

    @BeforeEach
    void start() {
        server = RunningServer.start(List.of("--storage", "memory", "--demo"), new AbstractModule() {
            @Override
            protected void configure() {
                bind(ReadPresence.class).toInstance(presence);
            }
        });
        ApiClient api = server.client();
        lynx = new Odoo8ImChatClient(api, api.signInAs("lynx"));
        ocelotId = idOf("ocelot");
        supportId = idOf("support");
        presence.set(UserId.of(ocelotId), ImStatus.ONLINE);
        presence.set(UserId.of(supportId), ImStatus.AWAY);
        lynx.call("im_chat.session", "session_get", List.of(ocelotId), Map.of());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private long idOf(String login) {
        return server.get(UserDirectory.class).userByLogin(new Login(login)).orElseThrow().id().value();
    }

    private Map<Long, String> statuses(JsonNode users) {
        Map<Long, String> byId = new HashMap<>();
        users.forEach(user -> byId.put(user.get("id").asLong(), user.get("im_status").asText()));
        return byId;
    }

    private Map<Long, String> searchRead() {
        return statuses(lynx.call("res.users", "search_read",
                List.of(List.of(List.of("id", "in", List.of(ocelotId, supportId))), List.of("name", "im_status")), Map.of()));
    }

    private Map<Long, String> imSearch() {
        return statuses(lynx.call("res.users", "im_search", List.of("", 20), Map.of()));
    }

    @Test
    void a_stranger_is_offline_to_lynx_while_a_user_she_shares_a_session_with_shows_as_they_are() {
        assertThat(searchRead()).containsEntry(ocelotId, "online").containsEntry(supportId, "offline");
        assertThat(imSearch()).containsEntry(ocelotId, "online").containsEntry(supportId, "offline");
    }

    @Test
    void once_lynx_may_follow_support_she_sees_supports_presence() {
        lynx.call("im_chat.session", "session_get", List.of(supportId), Map.of());

        assertThat(searchRead()).containsEntry(ocelotId, "online").containsEntry(supportId, "away");
        assertThat(imSearch()).containsEntry(supportId, "away");
    }
}

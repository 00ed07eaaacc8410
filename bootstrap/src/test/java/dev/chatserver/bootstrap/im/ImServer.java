package dev.chatserver.bootstrap.im;

import dev.chatserver.application.im.FixedPresence;
import dev.chatserver.application.contract.RecordingBus;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.AbstractModule;
import dev.chatserver.application.port.in.presence.ReadPresence;
import dev.chatserver.application.port.out.NotificationBus;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.User;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real server for IM tests, with the demo users, a bus that records what it is handed and presence the
 * test sets; signed in as the three demo users.
 */
final class ImServer implements AutoCloseable {
    final RecordingBus bus = new RecordingBus();
    final FixedPresence presence = new FixedPresence();
    final RunningServer server;
    final ApiClient api;
    final String lynx;
    final String ocelot;
    final String support;

    ImServer(List<String> flags) {
        this(flags, null);
    }

    /** On this clock (null: the system's), e.g. one a test moves to refill a budget. */
    ImServer(List<String> flags, java.time.Clock clock) {
        server = RunningServer.start(flags, new AbstractModule() {
            @Override
            protected void configure() {
                bind(NotificationBus.class).toInstance(bus);
                bind(ReadPresence.class).toInstance(presence);
                if (clock != null) {
                    bind(java.time.Clock.class).toInstance(clock);
                }
            }
        });
        dev.chatserver.application.port.out.ImSessions sessions =
                server.get(dev.chatserver.application.port.out.ImSessions.class);
        bus.membersBy(session -> sessions.membersByUuid(List.of(session)).getOrDefault(session, java.util.Set.of()));
        api = server.client();
        lynx = api.signInAs("lynx");
        ocelot = api.signInAs("ocelot");
        support = api.signInAs("support");
    }

    static ImServer inMemory() {
        return new ImServer(List.of("--storage", "memory", "--demo"));
    }

    /** In memory with these flags too, e.g. a larger budget for a test that posts more than a person does. */
    static ImServer inMemory(String... flags) {
        List<String> all = new java.util.ArrayList<>(List.of("--storage", "memory", "--demo"));
        all.addAll(List.of(flags));
        return new ImServer(all);
    }

    User user(String login) {
        return server.get(UserDirectory.class).userByLogin(new Login(login)).orElseThrow();
    }

    long id(String login) {
        return user(login).id().value();
    }

    /** A JSON-RPC call answering HTTP 200; its result. */
    JsonNode call(String path, Object params, String token) {
        ApiClient.Response response = api.rpc(path, params, token);
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        assertThat(response.json().get("jsonrpc").asText()).isEqualTo("2.0");
        return response.result();
    }

    JsonNode im(String route, Object params, String token) {
        return call("/im_chat/api/" + route, params, token);
    }

    /** A call that must fail as an operation: HTTP 200 with {"status":"error","field":field}. */
    JsonNode error(String route, Object params, String token, String field) {
        JsonNode result = call(route.startsWith("/") ? route : "/im_chat/api/" + route, params, token);
        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("error");
        assertThat(result.path("field").asText()).as(result.toString()).isEqualTo(field);
        assertThat(result.path("message").asText()).isNotBlank();
        return result;
    }

    String openSession(String token, String with) {
        return im("get_or_create_session", Map.of("user_to", id(with)), token).get("uuid").asText();
    }

    long post(String token, String uuid, String text) {
        JsonNode result = call("/im_chat/post", Map.of("uuid", uuid, "message_type", "message", "message_content", text), token);
        return result.get("message_id").asLong();
    }

    @Override
    public void close() {
        server.close();
    }
}

package dev.chatserver.bootstrap.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.application.port.in.account.AddUserCommand;
import dev.chatserver.application.port.in.account.ProvisionAccounts;
import dev.chatserver.bootstrap.ChatCore;
import dev.chatserver.bootstrap.ChatHttp;
import dev.chatserver.domain.account.UserId;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The origin rule holds inside a host's app too: a foreign page can neither use the host's own sign-in (its cookie
 * is sent by the browser as the chat's would be) nor sign the browser in with the chat's sign-in.
 */
class OriginRuleSamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVIL = "https://evil.example";
    private static final String CREATE_SESSION = "/chat/im_chat/api/get_or_create_session";
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Javalin> apps = new ArrayList<>();

    @AfterEach
    void stop() {
        apps.forEach(Javalin::stop);
    }

    private String start(Javalin app) {
        apps.add(app.start(0));
        return "http://localhost:" + app.port();
    }

    private HttpResponse<String> post(String url, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String foreignOrigin(HttpResponse<String> refused) throws Exception {
        assertThat(refused.statusCode()).isEqualTo(403);
        return JSON.readTree(refused.body()).path("error").path("data").path("name").asText();
    }

    @Test
    void a_foreign_page_cannot_use_the_hosts_sign_in() throws Exception {
        HostUsers.HostDirectory directory = HostUsers.HostDirectory.of(Map.of(7L, "Grace Hopper", 9L, "Alan Turing"));
        String base = start(HostUsers.create(directory, Map.of("grace-session", 7L)));
        String body = "{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{\"user_to\":9},\"id\":1}";

        HttpResponse<String> forged = post(base + CREATE_SESSION, body,
                Map.of("Cookie", "HOST_SESSION=grace-session", "Origin", EVIL, "Content-Type", "text/plain"));
        HttpResponse<String> ownPage = post(base + CREATE_SESSION, body,
                Map.of("Cookie", "HOST_SESSION=grace-session", "Origin", base));

        assertThat(foreignOrigin(forged)).isEqualTo("foreign_origin");
        assertThat(ownPage.statusCode()).isEqualTo(200);
        JsonNode session = JSON.readTree(ownPage.body());
        assertThat(session.path("result").path("users").toString()).contains("Alan Turing");
    }

    @Test
    void the_check_sees_the_hosts_sign_in_even_when_the_host_adds_it_after_mounting_the_chat() throws Exception {
        ChatCore chat = ChatCore.builder().inMemoryStorage()
                .hostSignIn(ctx -> Optional.ofNullable(ctx.<Long>attribute("host.user")).map(UserId::of))
                .build();
        ProvisionAccounts accounts = chat.provisionAccounts();
        long grace = accounts.addUser(AddUserCommand.of("grace", "Grace Hopper", null, "grace-password")).id().value();
        long alan = accounts.addUser(AddUserCommand.of("alan", "Alan Turing", null, "alan-password")).id().value();
        Javalin app = Javalin.create(config -> ChatHttp.configure(config, chat));
        ChatHttp.mountOn(app, "/chat", chat);
        app.before(ctx -> {
            if ("grace-session".equals(ctx.cookie("HOST_SESSION"))) {
                ctx.attribute("host.user", grace);
            }
        });
        app.events(events -> events.serverStopped(chat::close));
        String base = start(app);
        String body = "{\"params\":{\"user_to\":" + alan + "}}";

        HttpResponse<String> forged = post(base + CREATE_SESSION, body,
                Map.of("Cookie", "HOST_SESSION=grace-session", "Origin", EVIL));

        assertThat(foreignOrigin(forged)).isEqualTo("foreign_origin");
        assertThat(post(base + CREATE_SESSION, body, Map.of("Cookie", "HOST_SESSION=grace-session")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_foreign_page_cannot_sign_in_through_the_mounted_chat() throws Exception {
        ChatCore chat = ChatCore.builder().inMemoryStorage().build();
        chat.provisionAccounts().addUser(AddUserCommand.of("lynx", "Lucid Lynx", null, "lynx-password"));
        Javalin app = HostApp.create(chat);
        app.events(events -> events.serverStopped(chat::close));
        String base = start(app);
        String body = "{\"params\":{\"login\":\"lynx\",\"password\":\"lynx-password\"}}";

        HttpResponse<String> forged = post(base + "/chat/web/session/authenticate", body,
                Map.of("Origin", EVIL, "Content-Type", "text/plain"));
        HttpResponse<String> ownPage = post(base + "/chat/web/session/authenticate", body, Map.of("Origin", base));

        assertThat(foreignOrigin(forged)).isEqualTo("foreign_origin");
        assertThat(forged.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(ownPage.statusCode()).isEqualTo(200);
        assertThat(ownPage.headers().firstValue("Set-Cookie")).hasValueSatisfying(
                cookie -> assertThat(cookie).startsWith("session_id="));
    }
}

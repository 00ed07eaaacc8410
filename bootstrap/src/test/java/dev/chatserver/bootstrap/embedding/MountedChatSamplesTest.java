package dev.chatserver.bootstrap.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.application.port.in.account.AddUserCommand;
import dev.chatserver.bootstrap.ChatCore;
import dev.chatserver.bootstrap.ServerFlags;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guide's host apps ({@link HostApp}, {@link HostUsers}) with the chat mounted under /chat: what the chat says
 * of itself there names its own place (its cookie's path, its OpenAPI server), its web client is served there, and
 * the host's own sign-in is enough for every sign-in route.
 */
class MountedChatSamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RPC_CALL = "{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{},\"id\":1}";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_chats_cookie_is_only_for_the_mount_prefix() throws Exception {
        try (ChatCore chat = ChatCore.builder().inMemoryStorage().build()) {
            chat.provisionAccounts().addUser(AddUserCommand.of("lynx", "Lucid Lynx", null, "lynx-password"));
            Javalin app = HostApp.create(chat).start(0);
            try {
                String base = "http://127.0.0.1:" + app.port();
                HttpResponse<String> signedIn = post(base + "/chat/web/session/authenticate",
                        "{\"params\":{\"login\":\"lynx\",\"password\":\"lynx-password\"}}", Map.of());
                assertThat(signedIn.statusCode()).isEqualTo(200);
                assertThat(signedIn.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                        assertThat(cookie).startsWith("session_id=").containsIgnoringCase("Path=/chat;"));

                String token = JSON.readTree(signedIn.body()).path("result").path("session_id").asText();
                HttpResponse<String> signedOut = post(base + "/chat/web/session/destroy", RPC_CALL,
                        Map.of("Authorization", "Bearer " + token));
                assertThat(signedOut.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                        assertThat(cookie).startsWith("session_id=;").containsIgnoringCase("Path=/chat;"));
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void get_session_info_answers_who_the_host_signed_in_without_a_chat_token() throws Exception {
        HostUsers.HostDirectory directory = HostUsers.HostDirectory.of(Map.of(7L, "Grace Hopper"));
        Javalin app = HostUsers.create(directory, Map.of("grace-session", 7L)).start(0);
        try {
            HttpResponse<String> info = post("http://127.0.0.1:" + app.port() + "/chat/web/session/get_session_info",
                    RPC_CALL, Map.of("Cookie", "HOST_SESSION=grace-session"));

            assertThat(info.statusCode()).isEqualTo(200);
            JsonNode result = JSON.readTree(info.body()).path("result");
            assertThat(result.path("uid").asLong()).isEqualTo(7L);
            assertThat(result.path("name").asText()).isEqualTo("Grace Hopper");
            assertThat(result.has("session_id")).as("no chat token to give back").isFalse();
        } finally {
            app.stop();
        }
    }

    @Test
    void the_openapi_document_names_the_address_it_is_served_from() throws Exception {
        try (ChatCore chat = ChatCore.builder().inMemoryStorage().option(ServerFlags.TRUSTED_PROXIES, List.of("127.0.0.1")).build()) {
            Javalin app = HostApp.create(chat).start(0);
            try {
                String base = "http://127.0.0.1:" + app.port();
                assertThat(serverOf(get(base + "/chat/openapi.json", Map.of())))
                        .isEqualTo("http://127.0.0.1:" + app.port() + "/chat");
                assertThat(serverOf(get(base + "/chat/openapi.json", Map.of("X-Forwarded-Proto", "https"))))
                        .as("through a trusted proxy that ended TLS").isEqualTo("https://127.0.0.1:" + app.port() + "/chat");
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void the_web_client_is_served_under_the_prefix_and_finds_the_routes_from_there() throws Exception {
        try (ChatCore chat = ChatCore.builder().inMemoryStorage().build()) {
            Javalin app = HostApp.create(chat).start(0);
            try {
                String base = "http://127.0.0.1:" + app.port();
                HttpResponse<String> bare = get(base + "/chat", Map.of());
                assertThat(bare.statusCode()).isEqualTo(302);
                assertThat(bare.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/chat/"));

                HttpResponse<String> page = get(base + "/chat/", Map.of());
                assertThat(page.statusCode()).as(page.headers().map().toString()).isEqualTo(200);
                assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
                assertThat(page.body()).contains("src=\"js/app.js\"").doesNotContain("=\"/");
                HttpResponse<String> script = get(base + "/chat/js/api.js", Map.of());
                assertThat(script.statusCode()).isEqualTo(200);
                assertThat(script.body()).contains("import.meta.url");
                assertThat(get(base + "/", Map.of()).body()).isEqualTo("the host's own home page");
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void a_files_urls_in_history_name_the_mount_prefix_and_download_from_there() throws Exception {
        try (ChatCore chat = ChatCore.builder().inMemoryStorage().build()) {
            chat.provisionAccounts().addUser(AddUserCommand.of("lynx", "Lucid Lynx", null, "lynx-password"));
            long ocelot = chat.provisionAccounts().addUser(AddUserCommand.of("ocelot", "Odd Ocelot", null,
                    "ocelot-password")).id().value();
            Javalin app = HostApp.create(chat).start(0);
            try {
                String base = "http://127.0.0.1:" + app.port();
                HttpResponse<String> signedIn = post(base + "/chat/web/session/authenticate",
                        "{\"params\":{\"login\":\"lynx\",\"password\":\"lynx-password\"}}", Map.of());
                Map<String, String> bearer = Map.of("Authorization", "Bearer "
                        + JSON.readTree(signedIn.body()).path("result").path("session_id").asText());
                String uuid = JSON.readTree(post(base + "/chat/im_chat/api/get_or_create_session",
                        "{\"params\":{\"user_to\":" + ocelot + "}}", bearer).body()).path("result").path("uuid").asText();
                String boundary = "----mounted-upload";
                String upload = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"uuid\"\r\n\r\n" + uuid
                        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.txt\""
                        + "\r\n\r\nsee you at nine\r\n--" + boundary + "--\r\n";
                JsonNode uploaded = JSON.readTree(post(base + "/chat/im_chat/api/attachments", upload,
                        Map.of("Authorization", bearer.get("Authorization"),
                                "Content-Type", "multipart/form-data; boundary=" + boundary)).body());
                String id = uploaded.path("id").asText();
                post(base + "/chat/im_chat/post", "{\"params\":{\"uuid\":\"" + uuid + "\",\"message_type\":"
                        + "\"money4_chat_attach_msg\",\"message_content\":\"\",\"attachment_ids\":[\"" + id + "\"]}}", bearer);

                JsonNode history = JSON.readTree(post(base + "/chat/im_chat/api/history",
                        "{\"params\":{\"uuid\":\"" + uuid + "\"}}", bearer).body()).path("result");
                String url = history.get(0).path("attachments").get(0).path("url").asText();

                assertThat(uploaded.path("url").asText()).isEqualTo("/chat/im_chat/attachment/" + id);
                assertThat(url).isEqualTo("/chat/im_chat/attachment/" + id);
                HttpResponse<String> file = get(base + url, bearer);
                assertThat(file.statusCode()).isEqualTo(200);
                assertThat(file.body()).isEqualTo("see you at nine");
            } finally {
                app.stop();
            }
        }
    }

    private static String serverOf(HttpResponse<String> document) throws Exception {
        assertThat(document.statusCode()).isEqualTo(200);
        JsonNode servers = JSON.readTree(document.body()).path("servers");
        assertThat(servers.size()).isEqualTo(1);
        return servers.get(0).path("url").asText();
    }

    private HttpResponse<String> get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package dev.chatserver.bootstrap.im;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.event.SessionChanged;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.domain.account.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's own avatar over HTTP on the real server: uploaded, re-encoded, served to their sessions, told live. */
class AvatarRoutesTest {
    private static final String BOUNDARY = "----chat-test-boundary";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ImServer im = ImServer.inMemory();

    @AfterEach
    void stop() {
        im.close();
    }

    private HttpResponse<byte[]> setAvatar(String token, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(im.api.baseUrl() + "/im_chat/api/set_avatar"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> image(String uuid, long user, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(im.api.baseUrl() + "/im_chat/image/" + uuid + "/" + user))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode result(HttpResponse<byte[]> response) throws Exception {
        JsonNode json = ApiClient.mapper().readTree(response.body());
        return json.has("result") ? json.get("result") : json;
    }

    @Test
    void an_uploaded_avatar_is_re_encoded_bounded_served_to_the_sessions_members_and_told_live() throws Exception {
        String uuid = im.openSession(im.lynx, "ocelot");
        long lynx = im.id("lynx");
        HttpResponse<byte[]> before = image(uuid, lynx, im.ocelot);
        im.bus.clear();

        HttpResponse<byte[]> answer = setAvatar(im.lynx,
                AttachmentRoutesTest.multipart(uuid, "me.txt", AttachmentRoutesTest.png(1200, 600)));

        assertThat(answer.statusCode()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(before.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        HttpResponse<byte[]> after = image(uuid, lynx, im.ocelot);
        assertThat(after.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/jpeg");
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(after.body()));
        assertThat(Math.max(shown.getWidth(), shown.getHeight())).isLessThanOrEqualTo(320);
        assertThat(shown.getWidth()).isGreaterThan(shown.getHeight());
        assertThat(im.bus.on(Channel.ofUser(UserId.of(im.id("ocelot"))), SessionChanged.class)).isNotEmpty();
        assertThat(image(uuid, im.id("ocelot"), im.ocelot).headers().firstValue("Content-Type").orElseThrow())
                .startsWith("image/svg+xml");
    }

    @Test
    void what_is_no_image_or_too_large_is_refused_naming_the_file_and_changes_nothing() throws Exception {
        String uuid = im.openSession(im.lynx, "ocelot");

        HttpResponse<byte[]> text = setAvatar(im.lynx,
                AttachmentRoutesTest.multipart(uuid, "me.png", "not an image".getBytes(StandardCharsets.UTF_8)));
        HttpResponse<byte[]> large = setAvatar(im.lynx,
                AttachmentRoutesTest.multipart(uuid, "me.png", new byte[5 * 1024 * 1024 + 1]));
        HttpResponse<byte[]> anonymous = setAvatar(null, AttachmentRoutesTest.multipart(uuid, "me.png",
                AttachmentRoutesTest.png(10, 10)));

        assertThat(result(text).get("status").asText()).isEqualTo("error");
        assertThat(result(text).get("field").asText()).isEqualTo("file");
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(result(large).get("field").asText()).isEqualTo("file");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(image(uuid, im.id("lynx"), im.ocelot).headers().firstValue("Content-Type").orElseThrow())
                .startsWith("image/svg+xml");
    }
}

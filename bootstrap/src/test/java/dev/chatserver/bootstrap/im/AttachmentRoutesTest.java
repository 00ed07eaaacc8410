package dev.chatserver.bootstrap.im;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.kit.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploading files to IM sessions and downloading them, over HTTP on the real server. */
class AttachmentRoutesTest {
    private static final String BOUNDARY = "----chat-test-boundary";
    private final HttpClient http = HttpClient.newHttpClient();
    private ImServer im;

    @AfterEach
    void stop() {
        if (im != null) {
            im.close();
        }
    }

    private ImServer memory(String... flags) {
        im = ImServer.inMemory(flags);
        return im;
    }

    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, new Color(x % 256, y % 256, 128).getRGB());
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /** A PNG of random pixels: it does not compress, so its bytes span several chunks of any storage. */
    static byte[] noisyPng(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /** A valid PNG whose header says 30,000 x 30,000 pixels, in a few hundred bytes: a decompression bomb. */
    static byte[] bombPng() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(ihdr);
        header.writeInt(30_000);
        header.writeInt(30_000);
        header.write(new byte[] {8, 0, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[30_001 * 64]);
        deflater.finish();
        byte[] compressed = new byte[4096];
        int length = deflater.deflate(compressed);
        chunk(out, "IDAT", Arrays.copyOf(compressed, length));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream chunk = new DataOutputStream(out);
        chunk.writeInt(data.length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        chunk.write(typeBytes);
        chunk.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        chunk.writeInt((int) crc.getValue());
    }

    static byte[] multipart(String uuid, String fileName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String fields = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"uuid\"\r\n\r\n" + uuid + "\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: image/png\r\n\r\n";
        body.writeBytes(fields.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private HttpResponse<byte[]> upload(String token, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(im.api.baseUrl() + "/im_chat/api/attachments"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).POST(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode uploaded(String token, String uuid, String name, byte[] content) throws Exception {
        HttpResponse<byte[]> response = upload(token, HttpRequest.BodyPublishers.ofByteArray(multipart(uuid, name, content)));
        JsonNode json = ApiClient.mapper().readTree(response.body());
        assertThat(response.statusCode()).as(json.toString()).isEqualTo(200);
        return json;
    }

    private HttpResponse<byte[]> get(String path, String token, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(im.api.baseUrl() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void an_uploaded_image_is_typed_by_its_bytes_and_served_inline_to_the_sessions_members_with_a_thumbnail() throws Exception {
        ImServer im = memory();
        String uuid = im.openSession(im.lynx, "ocelot");
        byte[] image = png(800, 600);

        JsonNode answer = uploaded(im.lynx, uuid, "C:\\photos\\holiday.txt", image);

        String id = answer.get("id").asText();
        assertThat(answer.get("name").asText()).isEqualTo("holiday.txt");
        assertThat(answer.get("mimetype").asText()).isEqualTo("image/png");
        assertThat(answer.get("size").asLong()).isEqualTo(image.length);
        assertThat(answer.get("url").asText()).isEqualTo("/im_chat/attachment/" + id);
        assertThat(answer.get("thumbnail_url").asText()).isEqualTo("/im_chat/attachment/" + id + "/thumbnail");

        HttpResponse<byte[]> byPartner = get(answer.get("url").asText(), im.ocelot);
        assertThat(byPartner.statusCode()).isEqualTo(200);
        assertThat(byPartner.body()).isEqualTo(image);
        assertThat(byPartner.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(byPartner.headers().firstValue("Content-Disposition")).hasValue(
                "inline; filename=\"holiday.txt\"; filename*=UTF-8''holiday.txt");
        assertThat(byPartner.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(byPartner.headers().firstValue("Cache-Control").orElseThrow()).startsWith("private");
        assertThat(byPartner.headers().firstValue("ETag").orElseThrow()).matches("\"[0-9a-f]{64}\"");

        HttpResponse<byte[]> thumbnail = get(answer.get("thumbnail_url").asText(), im.lynx);
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
        assertThat(small.getWidth()).isEqualTo(320);
        assertThat(small.getHeight()).isEqualTo(240);
    }

    @Test
    void someone_outside_the_session_gets_the_same_404_as_for_an_id_that_does_not_exist() throws Exception {
        ImServer im = memory();
        String uuid = im.openSession(im.lynx, "ocelot");
        String url = uploaded(im.lynx, uuid, "secret.png", png(10, 10)).get("url").asText();

        HttpResponse<byte[]> stranger = get(url, im.support);
        HttpResponse<byte[]> missing = get("/im_chat/attachment/" + UUID.randomUUID(), im.support);
        HttpResponse<byte[]> malformed = get("/im_chat/attachment/not-an-id", im.support);

        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(new String(stranger.body(), StandardCharsets.UTF_8))
                .isEqualTo(new String(missing.body(), StandardCharsets.UTF_8))
                .isEqualTo(new String(malformed.body(), StandardCharsets.UTF_8));
        assertThat(get(url + "/thumbnail", im.support).statusCode()).isEqualTo(404);
        assertThat(get(url, null).statusCode()).isEqualTo(401);
    }

    @Test
    void html_whatever_its_name_is_a_sandboxed_download_named_per_rfc_5987() throws Exception {
        ImServer im = memory();
        String uuid = im.openSession(im.lynx, "ocelot");
        byte[] page = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);

        JsonNode answer = uploaded(im.lynx, uuid, "résumé \"final\".png", page);

        assertThat(answer.get("mimetype").asText()).isEqualTo("text/html");
        assertThat(answer.get("thumbnail_url").isNull()).isTrue();
        HttpResponse<byte[]> download = get(answer.get("url").asText(), im.ocelot);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"r_sum_ _final_.png\"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%22final%22.png");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox")
                .contains("default-src 'none'");
        assertThat(download.body()).isEqualTo(page);
    }

    @Test
    void a_range_is_served_as_206_and_a_known_etag_as_304() throws Exception {
        ImServer im = memory();
        String uuid = im.openSession(im.lynx, "ocelot");
        byte[] image = png(300, 300);
        String url = uploaded(im.lynx, uuid, "a.png", image).get("url").asText();
        String etag = get(url, im.lynx).headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> part = get(url, im.lynx, "Range", "bytes=10-19");
        HttpResponse<byte[]> tail = get(url, im.lynx, "Range", "bytes=-5");
        HttpResponse<byte[]> beyond = get(url, im.lynx, "Range", "bytes=" + image.length + "-");
        HttpResponse<byte[]> cached = get(url, im.lynx, "If-None-Match", etag);

        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 10-19/" + image.length);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(image, 10, 20));
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(image, image.length - 5, image.length));
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(cached.statusCode()).isEqualTo(304);
    }

    @Test
    void a_file_past_the_limit_is_413_naming_the_file_whether_its_length_is_announced_or_not() throws Exception {
        ImServer im = memory("--max-attachment-size", "100000");
        String uuid = im.openSession(im.lynx, "ocelot");
        byte[] body = multipart(uuid, "big.bin", new byte[300_000]);

        HttpResponse<byte[]> announced = upload(im.lynx, HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<byte[]> chunked = upload(im.lynx,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        JsonNode fits = uploaded(im.lynx, uuid, "fits.bin", new byte[100_000]);

        for (HttpResponse<byte[]> refused : java.util.List.of(announced, chunked)) {
            assertThat(refused.statusCode()).isEqualTo(413);
            JsonNode result = ApiClient.mapper().readTree(refused.body()).get("result");
            assertThat(result.get("status").asText()).isEqualTo("error");
            assertThat(result.get("field").asText()).isEqualTo("file");
        }
        assertThat(fits.get("size").asLong()).isEqualTo(100_000);
        assertThat(fits.get("mimetype").asText()).isEqualTo("application/octet-stream");
    }

    @Test
    void uploads_at_once_never_together_pass_the_uploaders_storage() throws Exception {
        ImServer im = memory("--attachment-bytes-per-user", "350");
        String uuid = im.openSession(im.lynx, "ocelot");
        int racers = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(racers);
        java.util.List<HttpResponse<byte[]>> answers = new java.util.ArrayList<>();
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<HttpResponse<byte[]>>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < racers; i++) {
                byte[] body = multipart(uuid, "part-" + i + ".bin", new byte[100]);
                futures.add(pool.submit(() -> {
                    start.await();
                    return upload(im.lynx, HttpRequest.BodyPublishers.ofByteArray(body));
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<HttpResponse<byte[]>> future : futures) {
                answers.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        int stored = 0;
        for (HttpResponse<byte[]> answer : answers) {
            JsonNode json = ApiClient.mapper().readTree(answer.body());
            if (json.has("mimetype")) {
                stored++;
            } else {
                assertThat(json.get("result").get("status").asText()).as(json.toString()).isEqualTo("error");
                assertThat(json.get("result").get("message").asText()).contains("all the storage you have (350 bytes)");
            }
        }
        assertThat(stored).as("350 bytes hold three").isEqualTo(3);
        assertThat(uploaded(im.lynx, uuid, "more.bin", new byte[50]).get("size").asLong()).as("exactly full")
                .isEqualTo(50);
    }

    @Test
    void the_third_upload_within_the_hour_is_429_naming_the_uploads_budget() throws Exception {
        ImServer im = memory("--user-uploads", "2/1h");
        String uuid = im.openSession(im.lynx, "ocelot");
        uploaded(im.lynx, uuid, "one.bin", new byte[10]);
        uploaded(im.lynx, uuid, "two.bin", new byte[10]);

        HttpResponse<byte[]> third = upload(im.lynx,
                HttpRequest.BodyPublishers.ofByteArray(multipart(uuid, "three.bin", new byte[10])));

        assertThat(third.statusCode()).isEqualTo(429);
        JsonNode error = ApiClient.mapper().readTree(third.body()).get("error");
        assertThat(error.get("data").get("budget").asText()).as(error.toString()).isEqualTo("uploads");
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
        assertThat(uploaded(im.ocelot, uuid, "theirs.bin", new byte[10]).get("size").asLong())
                .as("ocelot's own budget").isEqualTo(10);
    }

    @Test
    void a_decompression_bomb_is_kept_as_a_file_without_a_thumbnail_and_nothing_breaks() throws Exception {
        ImServer im = memory();
        String uuid = im.openSession(im.lynx, "ocelot");
        byte[] bomb = bombPng();

        JsonNode answer = uploaded(im.lynx, uuid, "tiny.png", bomb);

        assertThat(answer.get("mimetype").asText()).isEqualTo("image/png");
        assertThat(answer.get("thumbnail_url").isNull()).isTrue();
        assertThat(get(answer.get("url").asText(), im.ocelot).body()).isEqualTo(bomb);
    }

    @Test
    void uploading_to_a_session_one_is_not_in_answers_like_an_unknown_session_naming_uuid() throws Exception {
        ImServer im = memory();
        String theirs = im.openSession(im.lynx, "ocelot");

        HttpResponse<byte[]> foreign = upload(im.support,
                HttpRequest.BodyPublishers.ofByteArray(multipart(theirs, "a.png", png(5, 5))));
        HttpResponse<byte[]> unknown = upload(im.support,
                HttpRequest.BodyPublishers.ofByteArray(multipart(UUID.randomUUID().toString(), "a.png", png(5, 5))));
        HttpResponse<byte[]> anonymous = upload(null,
                HttpRequest.BodyPublishers.ofByteArray(multipart(theirs, "a.png", png(5, 5))));

        JsonNode refused = ApiClient.mapper().readTree(foreign.body()).get("result");
        assertThat(refused.get("status").asText()).isEqualTo("error");
        assertThat(refused.get("field").asText()).isEqualTo("uuid");
        assertThat(new String(foreign.body(), StandardCharsets.UTF_8))
                .isEqualTo(new String(unknown.body(), StandardCharsets.UTF_8));
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private JsonNode postFiles(String token, String uuid, String caption, String... ids) {
        return im.call("/im_chat/post", Map.of("uuid", uuid, "message_type", "money4_chat_attach_msg",
                "message_content", caption, "attachment_ids", java.util.List.of(ids)), token);
    }

    @Test
    void a_file_post_shows_its_files_in_history_live_and_in_search_and_deleting_it_removes_them() throws Exception {
        ImServer im = memory();
        String uuid = im.openSession(im.lynx, "ocelot");
        JsonNode photo = uploaded(im.lynx, uuid, "beach.png", png(64, 48));
        JsonNode notes = uploaded(im.lynx, uuid, "notes.txt", "sand, sun".getBytes(StandardCharsets.UTF_8));

        long messageId = postFiles(im.lynx, uuid, "holiday pictures", photo.get("id").asText(), notes.get("id").asText())
                .get("message_id").asLong();

        JsonNode entry = im.im("history", Map.of("uuid", uuid), im.ocelot).get(0);
        assertThat(entry.get("id").asLong()).isEqualTo(messageId);
        assertThat(entry.get("type").asText()).isEqualTo("money4_chat_attach_msg");
        assertThat(entry.get("message").asText()).isEqualTo("holiday pictures");
        assertThat(entry.get("attachments")).hasSize(2);
        assertThat(entry.get("attachments").get(0)).isEqualTo(photo);
        assertThat(entry.get("attachments").get(1)).isEqualTo(notes);
        assertThat(entry.get("attachments").get(1).get("mimetype").asText()).isEqualTo("text/plain");
        JsonNode hit = im.im("search", Map.of("query", "holiday"), im.ocelot).get(0);
        assertThat(hit.get("message").get("attachments")).isEqualTo(entry.get("attachments"));
        assertThat(im.bus.ofKind(dev.chatserver.application.port.out.notification.event.MessagePosted.class))
                .extracting(published -> ((dev.chatserver.application.port.out.notification.event.MessagePosted)
                        published.event()).message().attachments().size())
                .contains(2);

        im.im("delete_message", Map.of("message_id", messageId), im.lynx);

        assertThat(im.im("history", Map.of("uuid", uuid), im.ocelot).get(0).has("attachments")).isFalse();
        assertThat(get(photo.get("url").asText(), im.lynx).statusCode()).isEqualTo(404);
        assertThat(get(notes.get("url").asText(), im.ocelot).statusCode()).isEqualTo(404);
    }

    @Test
    void only_the_posters_own_unposted_uploads_to_that_session_can_be_posted() throws Exception {
        ImServer im = memory();
        String uuid = im.openSession(im.lynx, "ocelot");
        String other = im.openSession(im.lynx, "support");
        String mine = uploaded(im.lynx, uuid, "a.png", png(5, 5)).get("id").asText();
        String elsewhere = uploaded(im.lynx, other, "b.png", png(6, 6)).get("id").asText();

        im.error("/im_chat/post", Map.of("uuid", uuid, "message_type", "money4_chat_attach_msg",
                "attachment_ids", java.util.List.of(mine)), im.ocelot, "attachment_ids");
        im.error("/im_chat/post", Map.of("uuid", uuid, "message_type", "money4_chat_attach_msg",
                "attachment_ids", java.util.List.of(elsewhere)), im.lynx, "attachment_ids");
        im.error("/im_chat/post", Map.of("uuid", uuid, "message_type", "money4_chat_attach_msg",
                "attachment_ids", java.util.List.of(UUID.randomUUID().toString())), im.lynx, "attachment_ids");
        im.error("/im_chat/post", Map.of("uuid", uuid, "message_type", "money4_chat_attach_msg",
                "attachment_ids", java.util.List.of()), im.lynx, "attachment_ids");
        im.error("/im_chat/post", Map.of("uuid", uuid, "message_type", "message", "message_content", "hi",
                "attachment_ids", java.util.List.of(mine)), im.lynx, "attachment_ids");

        long posted = im.call("/im_chat/post", Map.of("uuid", uuid, "message_type", "money4_chat_attach_msg",
                "attachment_ids", java.util.List.of(mine)), im.lynx).get("message_id").asLong();
        assertThat(posted).isPositive();
        im.error("/im_chat/post", Map.of("uuid", uuid, "message_type", "money4_chat_attach_msg",
                "attachment_ids", java.util.List.of(mine)), im.lynx, "attachment_ids");
        assertThat(im.im("history", Map.of("uuid", uuid), im.ocelot).get(0).get("message").asText()).isEmpty();
    }

    @Test
    void on_postgresql_a_file_is_kept_in_the_database_posted_shown_served_by_range_and_removed_with_its_message()
            throws Exception {
        dev.chatserver.adapter.jdbc.DatabaseSettings database =
                dev.chatserver.adapter.jdbc.PostgresTestDatabases.newDatabase(10);
        try {
            im = new ImServer(java.util.List.of("--storage", "postgres", "--db-url", database.url(), "--db-user",
                    database.user(), "--db-password", database.password(), "--demo"));
            String uuid = im.openSession(im.lynx, "ocelot");
            byte[] image = noisyPng(700, 500);
            assertThat(image.length).as("more than one 256 KB chunk").isGreaterThan(600_000);
            JsonNode photo = uploaded(im.lynx, uuid, "big.png", image);
            HttpResponse<byte[]> tail = get(photo.get("url").asText(), im.ocelot, "Range", "bytes=300000-");
            assertThat(tail.statusCode()).isEqualTo(206);
            assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(image, 300_000, image.length));
            assertThat(get(photo.get("url").asText(), im.ocelot).body()).isEqualTo(image);

            long messageId = postFiles(im.lynx, uuid, "", photo.get("id").asText()).get("message_id").asLong();

            JsonNode entry = im.im("history", Map.of("uuid", uuid), im.ocelot).get(0);
            assertThat(entry.get("id").asLong()).isEqualTo(messageId);
            assertThat(entry.get("attachments").get(0)).isEqualTo(photo);
            im.im("delete_message", Map.of("message_id", messageId), im.lynx);
            assertThat(get(photo.get("url").asText(), im.lynx).statusCode()).isEqualTo(404);
        } finally {
            if (im != null) {
                im.close();
                im = null;
            }
            dev.chatserver.adapter.jdbc.PostgresTestDatabases.drop(database);
        }
    }
}

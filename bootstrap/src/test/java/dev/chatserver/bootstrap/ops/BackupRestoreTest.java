package dev.chatserver.bootstrap.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.adapter.jdbc.DatabaseSettings;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.PrivatePostgres;
import dev.chatserver.bootstrap.kit.RunningServer;
import dev.chatserver.bootstrap.kit.SteadyPoster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backups as docs/OPERATIONS.md tells an operator to take and restore them, each taken while the server runs
 * and clients post: the H2 node's own online backup ({@code --backup-dir}) unzipped into a fresh data directory,
 * and a {@code pg_dump} restored with {@code pg_restore} into a fresh database. A node started on the restored
 * copy finds every message acknowledged before the backup began.
 */
class BackupRestoreTest {
    @TempDir
    Path work;

    @Test
    void an_h2_backup_taken_while_clients_post_restores_every_message_acknowledged_before_it() throws Exception {
        Path backups = work.resolve("backups");
        Set<Long> acknowledged;
        try (RunningServer node = RunningServer.start(List.of("--storage", "h2", "--data-dir", work.resolve("data").toString(),
                "--demo", "--user-budgets", "off", "--backup-dir", backups.toString(), "--backup-every", "PT0.5S"))) {
            Posting posting = Posting.start(node.client());
            await(() -> posting.acknowledged().size() >= 30);
            Set<Long> beforeTheCut = posting.acknowledged();
            Set<Path> atTheCut = Set.copyOf(backupsIn(backups));
            // a backup under way at the cut may have begun before it; the second one after it began after it
            await(() -> backupsIn(backups).stream().filter(b -> !atTheCut.contains(b)).count() >= 2);
            List<Path> all = backupsIn(backups);
            Path backup = all.get(all.size() - 1);
            posting.stop();
            acknowledged = beforeTheCut;

            Path restored = work.resolve("restored");
            unzip(backup, restored);
            try (RunningServer fromBackup = RunningServer.start(List.of("--storage", "h2", "--data-dir",
                    restored.toString(), "--demo"))) {
                assertThat(history(fromBackup.client(), posting.uuid)).doesNotHaveDuplicates().containsAll(acknowledged);
            }
        }
    }

    @Test
    void a_pg_dump_taken_while_clients_post_restores_every_message_acknowledged_before_it() throws Exception {
        try (PrivatePostgres postgres = PrivatePostgres.start()) {
            DatabaseSettings database = postgres.newDatabase("chat_live", 4);
            Path dump = work.resolve("chat.dump");
            Set<Long> acknowledged;
            String uuid;
            try (RunningServer node = RunningServer.start(List.of("--storage", "postgres", "--db-url", database.url(),
                    "--db-user", "postgres", "--demo", "--user-budgets", "off"))) {
                Posting posting = Posting.start(node.client());
                await(() -> posting.acknowledged().size() >= 30);
                acknowledged = posting.acknowledged();
                run(List.of(PrivatePostgres.binary("pg_dump"), "--format=custom", "--file", dump.toString(),
                        "--host", "127.0.0.1", "--port", Integer.toString(postgres.port()), "--username", "postgres",
                        "chat_live"));
                posting.stop();
                uuid = posting.uuid;
            }
            DatabaseSettings restored = postgres.newDatabase("chat_restored", 4);
            run(List.of(PrivatePostgres.binary("pg_restore"), "--no-owner", "--host", "127.0.0.1", "--port",
                    Integer.toString(postgres.port()), "--username", "postgres", "--dbname", "chat_restored",
                    dump.toString()));
            try (RunningServer fromDump = RunningServer.start(List.of("--storage", "postgres", "--db-url",
                    restored.url(), "--db-user", "postgres", "--demo"))) {
                assertThat(history(fromDump.client(), uuid)).doesNotHaveDuplicates().containsAll(acknowledged);
            }
        }
    }

    /** Two clients posting without pause into lynx's session with ocelot. */
    private static final class Posting {
        private final ExecutorService threads = Executors.newCachedThreadPool();
        private final List<SteadyPoster> posters = new ArrayList<>();
        private final String uuid;

        private Posting(ApiClient api) {
            String lynx = api.signInAs("lynx");
            long ocelot = api.rpc("/web/session/get_session_info", Map.of(), api.signInAs("ocelot")).result()
                    .get("uid").asLong();
            uuid = api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", ocelot), lynx).result()
                    .get("uuid").asText();
            for (int i = 0; i < 2; i++) {
                SteadyPoster poster = new SteadyPoster(api, lynx, uuid, "poster" + i);
                posters.add(poster);
                threads.execute(poster);
            }
        }

        static Posting start(ApiClient api) {
            return new Posting(api);
        }

        Set<Long> acknowledged() {
            Set<Long> all = new HashSet<>();
            posters.forEach(p -> all.addAll(p.acknowledged()));
            return all;
        }

        void stop() throws InterruptedException {
            posters.forEach(SteadyPoster::stop);
            threads.shutdown();
            assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            posters.forEach(p -> assertThat(p.wrongAnswers()).isEmpty());
        }
    }

    private static List<Path> backupsIn(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().matches("chat-.*\\.zip")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path file = into.resolve(entry.getName()).normalize();
                assertThat(file.startsWith(into)).as(entry.getName()).isTrue();
                Files.copy(entries, file);
            }
        }
    }

    /** Every message id of the session, read page by page. */
    private static List<Long> history(ApiClient api, String uuid) {
        String lynx = api.signInAs("lynx");
        List<Long> ids = new ArrayList<>();
        Long before = null;
        while (true) {
            Map<String, Object> params = before == null ? Map.of("uuid", uuid, "limit", 100)
                    : Map.of("uuid", uuid, "limit", 100, "last_ID", before);
            JsonNode page = api.rpc("/im_chat/api/history", params, lynx).result();
            if (page.isEmpty()) {
                return ids;
            }
            page.forEach(message -> ids.add(message.get("id").asLong()));
            before = page.get(page.size() - 1).get("id").asLong();
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}

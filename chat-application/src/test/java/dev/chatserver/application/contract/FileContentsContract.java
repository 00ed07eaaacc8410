package dev.chatserver.application.contract;

import dev.chatserver.application.port.out.FileContents;
import dev.chatserver.application.port.out.FileContents.StoredContent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public abstract class FileContentsContract extends StorageContract {

    private FileContents contents() {
        return ports().fileContents();
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256Of(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void a_stored_content_reads_back_whole_under_its_sha256() throws Exception {
        // larger than a chunk or buffer of any storage, and not a multiple of one
        byte[] bytes = randomBytes(700_001, 1);

        StoredContent stored = contents().store(new ByteArrayInputStream(bytes));

        assertThat(stored).isEqualTo(new StoredContent(sha256Of(bytes), bytes.length));
        assertThat(contents().has(stored.sha256())).isTrue();
        assertThat(readAll(contents().open(stored.sha256(), 0).orElseThrow())).isEqualTo(bytes);
    }

    @Test
    void a_content_reads_from_any_offset() throws Exception {
        byte[] bytes = randomBytes(600_000, 2);
        String sha256 = contents().store(new ByteArrayInputStream(bytes)).sha256();

        for (int offset : new int[] {1, 262_143, 262_144, 262_145, 599_999, 600_000}) {
            byte[] tail = readAll(contents().open(sha256, offset).orElseThrow());
            assertThat(tail).as("from %d", offset).isEqualTo(java.util.Arrays.copyOfRange(bytes, offset, bytes.length));
        }
    }

    @Test
    void an_empty_content_is_stored_too() throws Exception {
        StoredContent stored = contents().store(new ByteArrayInputStream(new byte[0]));

        assertThat(stored.size()).isZero();
        assertThat(readAll(contents().open(stored.sha256(), 0).orElseThrow())).isEmpty();
    }

    @Test
    void equal_contents_are_one_content_and_removing_it_removes_it() throws Exception {
        byte[] bytes = randomBytes(300_000, 3);

        StoredContent first = contents().store(new ByteArrayInputStream(bytes));
        StoredContent second = contents().store(new ByteArrayInputStream(bytes.clone()));

        assertThat(second).isEqualTo(first);
        assertThat(readAll(contents().open(first.sha256(), 0).orElseThrow())).isEqualTo(bytes);
        contents().remove(first.sha256());
        assertThat(contents().has(first.sha256())).isFalse();
        assertThat(contents().open(first.sha256(), 0)).isEmpty();
    }

    @Test
    void the_same_content_stored_at_once_by_several_uploads_is_stored_once_and_whole() throws Exception {
        byte[] bytes = randomBytes(400_000, 4);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<StoredContent>> uploads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                uploads.add(() -> contents().store(new ByteArrayInputStream(bytes)));
            }
            for (Future<StoredContent> done : pool.invokeAll(uploads)) {
                assertThat(done.get()).isEqualTo(new StoredContent(sha256Of(bytes), bytes.length));
            }
        } finally {
            pool.shutdown();
        }
        assertThat(readAll(contents().open(sha256Of(bytes), 0).orElseThrow())).isEqualTo(bytes);
    }

    @Test
    void a_content_whose_stream_fails_is_not_kept() throws Exception {
        byte[] begun = randomBytes(300_000, 5);
        InputStream failing = new InputStream() {
            private final InputStream start = new ByteArrayInputStream(begun);

            @Override
            public int read() throws IOException {
                int next = start.read();
                if (next < 0) {
                    throw new UncheckedIOException(new IOException("the client went away"));
                }
                return next;
            }
        };

        assertThatThrownBy(() -> contents().store(failing)).isInstanceOf(UncheckedIOException.class);
        assertThat(contents().has(sha256Of(begun))).isFalse();
    }

    @Test
    void an_unknown_content_is_none() {
        String unknown = "0".repeat(64);
        assertThat(contents().has(unknown)).isFalse();
        assertThat(contents().open(unknown, 0)).isEmpty();
        contents().remove(unknown);
    }
}

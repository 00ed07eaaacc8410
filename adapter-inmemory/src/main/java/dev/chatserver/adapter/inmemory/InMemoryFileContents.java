package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.FileContents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** File contents in this process's memory, by SHA-256: the memory storage keeps everything on the heap. */
public final class InMemoryFileContents implements FileContents {
    private final Map<String, byte[]> bySha256 = new ConcurrentHashMap<>();

    @Override
    public StoredContent store(InputStream content) {
        byte[] bytes;
        try (content) {
            bytes = content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String sha256 = HexFormat.of().formatHex(sha256().digest(bytes));
        bySha256.putIfAbsent(sha256, bytes);
        return new StoredContent(sha256, bytes.length);
    }

    @Override
    public Optional<InputStream> open(String sha256, long offset) {
        byte[] bytes = bySha256.get(sha256);
        if (bytes == null) {
            return Optional.empty();
        }
        int from = (int) Math.min(Math.max(offset, 0), bytes.length);
        return Optional.of(new ByteArrayInputStream(bytes, from, bytes.length - from));
    }

    @Override
    public boolean has(String sha256) {
        return bySha256.containsKey(sha256);
    }

    @Override
    public void remove(String sha256) {
        bySha256.remove(sha256);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.FileContents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * File contents as files under one directory (H2's: beside its database), each named by its SHA-256 under two
 * levels of its first hex digits ({@code ab/cd/abcd...}). A content is written to {@code incoming/}, forced to disk,
 * then renamed into place atomically and its directory forced, so a file in place is always whole and durable; a
 * content already in place is not written again.
 */
final class DirectoryFileContents implements FileContents {

    private final Path root;
    private final Path incoming;

    DirectoryFileContents(Path root) {
        this.root = root;
        this.incoming = root.resolve("incoming");
        try {
            Files.createDirectories(incoming);
            // one process opens an H2 database: what a crash left half written here is nobody's upload now
            try (Stream<Path> left = Files.list(incoming)) {
                left.forEach(DirectoryFileContents::deleteQuietly);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + incoming, e);
        }
    }

    @Override
    public StoredContent store(InputStream content) {
        Path staged = incoming.resolve(UUID.randomUUID() + ".part");
        try {
            MessageDigest digest = sha256();
            long size;
            try (InputStream in = new DigestInputStream(content, digest);
                 FileChannel channel = FileChannel.open(staged, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                size = in.transferTo(out);
                channel.force(true);
            }
            String sha256 = HexFormat.of().formatHex(digest.digest());
            Path target = pathOf(sha256);
            if (Files.exists(target)) {
                Files.delete(staged);
            } else {
                Files.createDirectories(target.getParent());
                moveIntoPlace(staged, target);
                forceDirectory(target.getParent());
            }
            return new StoredContent(sha256, size);
        } catch (IOException e) {
            deleteQuietly(staged);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(staged);
            throw e;
        }
    }

    private static void moveIntoPlace(Path staged, Path target) throws IOException {
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // the same content arrived at once from another upload: it is in place, whole
            Files.deleteIfExists(staged);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the attachment directory " + staged.getParent() + " cannot rename atomically", e);
        }
    }

    /** Makes the rename itself durable (the directory entry), where the file system allows it. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems cannot open a directory: the rename is as durable as they make it
        }
    }

    @Override
    public Optional<InputStream> open(String sha256, long offset) {
        try {
            FileChannel channel = FileChannel.open(pathOf(sha256), StandardOpenOption.READ);
            channel.position(Math.max(0, offset));
            return Optional.of(Channels.newInputStream(channel));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean has(String sha256) {
        return Files.exists(pathOf(sha256));
    }

    @Override
    public void remove(String sha256) {
        try {
            Files.deleteIfExists(pathOf(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the directory and everything in it (a private in-memory database's files, once it closes). */
    void deleteAll() {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(DirectoryFileContents::deleteQuietly);
        } catch (IOException e) {
            // already gone
        }
    }

    private Path pathOf(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // left for the next start, which empties incoming/
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

}

package dev.chatserver.bootstrap.attacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Each attack's figures in one line, printed and appended to {@code target/attack-figures.txt}, from which
 * docs/ABUSE.md's table is filled.
 */
final class Figures {
    private static final Path FILE = Path.of("target", "attack-figures.txt");

    private Figures() {
    }

    /** Empties the file: one run's figures, not every run's. */
    static void startAfresh() {
        try {
            Files.deleteIfExists(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void record(String attack, String... parts) {
        String line = "ATTACK " + attack + ": " + String.join("; ", parts);
        System.out.println(line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

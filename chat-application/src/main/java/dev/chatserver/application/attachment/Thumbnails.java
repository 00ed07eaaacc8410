package dev.chatserver.application.attachment;

import dev.chatserver.application.port.out.FileContents;
import dev.chatserver.application.port.out.Thumbnailer;
import jakarta.inject.Inject;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;

/** Makes and stores the thumbnail of an uploaded image, beside the files, under its own digest. */
public final class Thumbnails {
    private static final Set<String> DECODED = Set.of("image/png", "image/jpeg", "image/gif");

    private final FileContents contents;
    private final Thumbnailer thumbnailer;

    @Inject
    public Thumbnails(FileContents contents, Thumbnailer thumbnailer) {
        this.contents = contents;
        this.thumbnailer = thumbnailer;
    }

    /** The digest of the stored thumbnail of the content, when it is an image that makes one. */
    Optional<String> of(String sha256, String mimetype) {
        if (!DECODED.contains(mimetype)) {
            return Optional.empty();
        }
        Optional<byte[]> thumbnail;
        try (InputStream image = contents.open(sha256, 0).orElseThrow()) {
            thumbnail = thumbnailer.thumbnail(image, mimetype);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return thumbnail.map(bytes -> contents.store(new ByteArrayInputStream(bytes)).sha256());
    }
}

package dev.chatserver.bootstrap.system;

import dev.chatserver.application.port.out.TypeDetector;
import dev.chatserver.domain.attachment.FileName;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.ParseContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Apache Tika's magic-number detection (tika-core's own MIME database, no parsers): the bytes decide, and the name
 * only where the bytes say nothing more specific (a plain text file called {@code notes.csv}).
 */
public final class TikaTypeDetector implements TypeDetector {
    private final MimeTypes detector = MimeTypes.getDefaultMimeTypes();
    /** Every magic number Tika knows lies within this many first bytes. */
    private final int headBytes = Math.max(1, detector.getMinLength());

    @Override
    public String detect(InputStream content, FileName name) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name.value());
        try {
            content.mark(headBytes);
            byte[] head = content.readNBytes(headBytes);
            content.reset();
            MediaType type = detector.detect(TikaInputStream.get(head), metadata, new ParseContext());
            return type.getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

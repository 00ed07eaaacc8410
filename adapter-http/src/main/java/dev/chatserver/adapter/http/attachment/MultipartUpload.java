package dev.chatserver.adapter.http.attachment;

import dev.chatserver.domain.problem.InvalidInput;
import dev.chatserver.domain.problem.TooLarge;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code multipart/form-data} upload read by Jetty's multipart parser, which spools each file part to a temporary
 * file past {@value #IN_MEMORY_BYTES} bytes (deleted once the request ends), so a file is never held whole in memory.
 * A body announced larger than the file limit and its envelope is refused before a byte is read, and the parser
 * stops reading one past the limit when the body arrives without a length.
 */
final class MultipartUpload {
    /** What a body may hold beside the file: the boundaries, part headers and the small fields. */
    static final long ENVELOPE_BYTES = 64 * 1024;
    private static final int IN_MEMORY_BYTES = 64 * 1024;
    private static final String JETTY_MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";
    private static final int MAX_FIELD_BYTES = 1024;

    private final Context ctx;
    private final long maxFileBytes;

    private MultipartUpload(Context ctx, long maxFileBytes) {
        this.ctx = ctx;
        this.maxFileBytes = maxFileBytes;
    }

    /** The request's multipart body, refused as too large when its length says so already. */
    static MultipartUpload of(Context ctx, long maxFileBytes) {
        String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith("multipart/form-data")) {
            throw new InvalidInput("file", "file: send multipart/form-data with the fields uuid and file");
        }
        if (ctx.req().getContentLengthLong() > maxFileBytes + ENVELOPE_BYTES) {
            throw tooLarge(maxFileBytes);
        }
        ctx.req().setAttribute(JETTY_MULTIPART_CONFIG, new MultipartConfigElement(
                Path.of(System.getProperty("java.io.tmpdir")).toString(), maxFileBytes,
                maxFileBytes + ENVELOPE_BYTES, IN_MEMORY_BYTES));
        return new MultipartUpload(ctx, maxFileBytes);
    }

    private static TooLarge tooLarge(long maxFileBytes) {
        return new TooLarge("file", "file is larger than " + maxFileBytes + " bytes");
    }

    /** The file part, or {@code InvalidInput} naming it when it is missing. */
    Part file(String field) {
        Part part = part(field).orElseThrow(() -> new InvalidInput(field, field + " is required"));
        if (part.getSubmittedFileName() == null) {
            throw new InvalidInput(field, field + " is not a file");
        }
        return part;
    }

    /** A small text field, or {@code InvalidInput} naming it when it is missing or long. */
    String text(String field) {
        Part part = part(field).orElseThrow(() -> new InvalidInput(field, field + " is required"));
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_FIELD_BYTES + 1);
            if (bytes.length > MAX_FIELD_BYTES) {
                throw new InvalidInput(field, field + " is longer than " + MAX_FIELD_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Part> part(String field) {
        try {
            return Optional.ofNullable(ctx.req().getPart(field));
        } catch (IllegalStateException e) {
            // Jetty's parser: a part or the request past the configured sizes
            throw tooLarge(maxFileBytes);
        } catch (IOException | ServletException e) {
            throw new InvalidInput("file", "file: the multipart body cannot be read (" + e.getMessage() + ")");
        }
    }
}

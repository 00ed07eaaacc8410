package dev.chatserver.adapter.http.attachment;

import dev.chatserver.application.port.in.attachment.AttachmentDownload;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a file safely. Only raster images browsers render without running anything (PNG, JPEG, GIF, WebP) are
 * shown inline; everything else (SVG and HTML included) is a download: {@code Content-Disposition: attachment}
 * with its name per RFC 6266 and RFC 5987, and for every answer {@code X-Content-Type-Options: nosniff} and a
 * CSP that sandboxes the document and loads nothing. The content's SHA-256 is its {@code ETag}
 * ({@code If-None-Match} answers 304), it is cached privately, and one byte range is served as 206.
 */
final class FileResponse {
    static final Set<String> INLINE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    private static final Pattern ONE_RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final int BUFFER_BYTES = 64 * 1024;

    private FileResponse() {
    }

    static void send(Context ctx, AttachmentDownload file) throws IOException {
        String etag = "\"" + file.sha256() + "\"";
        boolean inline = INLINE_TYPES.contains(file.mimetype());
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "private, max-age=86400");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox");
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("Content-Disposition", disposition(inline ? "inline" : "attachment", file.attachment().name().value()));
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        long length = file.length();
        long from = 0;
        long to = length - 1;
        String range = ctx.header("Range");
        String ifRange = ctx.header("If-Range");
        if (range != null && (ifRange == null || ifRange.equals(etag))) {
            Matcher one = ONE_RANGE.matcher(range.trim());
            if (one.matches() && !(one.group(1).isEmpty() && one.group(2).isEmpty())) {
                if (one.group(1).isEmpty()) {
                    from = Math.max(0, length - Long.parseLong(one.group(2)));
                } else {
                    from = Long.parseLong(one.group(1));
                    to = one.group(2).isEmpty() ? length - 1 : Math.min(length - 1, Long.parseLong(one.group(2)));
                }
                if (from >= length || from > to) {
                    ctx.status(416);
                    ctx.header("Content-Range", "bytes */" + length);
                    return;
                }
                ctx.status(206);
                ctx.header("Content-Range", "bytes " + from + "-" + to + "/" + length);
            }
        }
        long count = Math.max(0, to - from + 1);
        ctx.res().setContentType(file.mimetype());
        ctx.res().setContentLengthLong(count);
        if (ctx.method().name().equals("HEAD")) {
            return;
        }
        try (InputStream content = file.content().from(from)) {
            copy(content, ctx.res().getOutputStream(), count);
        }
    }

    private static void copy(InputStream content, OutputStream out, long count) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        long left = count;
        while (left > 0) {
            int read = content.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("the stored content ended " + left + " bytes early");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
        out.flush();
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    /** RFC 6266: an ASCII {@code filename} for old clients, and the exact name in {@code filename*} (RFC 5987). */
    static String disposition(String kind, String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
                .replace("*", "%2A").replace("%7E", "~");
        return kind + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}

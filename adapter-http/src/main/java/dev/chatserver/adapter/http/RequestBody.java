package dev.chatserver.adapter.http;

import io.javalin.config.Key;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A request body as bytes, read within a limit however it arrives (with a Content-Length, chunked, slowly):
 * never more than the limit plus one byte is held, and a larger body is {@link ContentTooLargeResponse} (413).
 * The bytes are given to the JSON parser as they are; the Content-Type's charset is not used to decode them,
 * since JSON's own rules (RFC 8259: UTF-8) decide that, so no charset name can make reading fail.
 */
public final class RequestBody {
    /** The server-wide limit ({@code --max-body-size}), registered by {@link HttpServer}. */
    public static final Key<Long> MAX_SIZE = new Key<>("http.max-body-size");

    private RequestBody() {
    }

    /** Within the server-wide limit. */
    public static byte[] read(Context ctx) {
        return read(ctx, ctx.appData(MAX_SIZE));
    }

    /** Within the server-wide limit, as UTF-8 text. */
    public static String readText(Context ctx) {
        return utf8(read(ctx));
    }

    /**
     * Strict UTF-8 (RFC 8259): malformed or overlong sequences and encoded surrogates are
     * {@link MalformedBody}, never replaced; a leading byte order mark is dropped, as JSON parsers may.
     */
    public static String utf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new MalformedBody("the body is not UTF-8 text");
        }
    }

    public static byte[] read(Context ctx, long maxBytes) {
        String tooLarge = "the body is larger than " + maxBytes + " bytes";
        if (ctx.req().getContentLengthLong() > maxBytes) {
            throw new ContentTooLargeResponse(tooLarge);
        }
        int cap = (int) Math.min(maxBytes, Integer.MAX_VALUE - 16);
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(cap + 1);
            if (bytes.length > cap) {
                throw new ContentTooLargeResponse(tooLarge);
            }
            return bytes;
        } catch (IOException e) {
            throw new MalformedBody("the body could not be read");
        }
    }
}

package dev.chatserver.adapter.http.attachment;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.HttpMount;
import dev.chatserver.application.port.in.view.AttachmentView;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/** An attachment as both APIs show it: {@code {id, name, mimetype, size, url, thumbnail_url}}. */
public final class AttachmentJson {
    /** Where a file is downloaded, under the prefix the chat is mounted at. */
    public static final String DOWNLOAD = "/im_chat/attachment/";
    /**
     * The attribute of the chat's {@link ObjectMapper} holding the prefix it is mounted under, for what is written
     * with no request at hand (a message in a notification rendered once for all its readers).
     */
    public static final String MOUNT_PREFIX = "dev.chatserver.mountPrefix";

    private AttachmentJson() {
    }

    public static Map<String, Object> of(AttachmentView attachment, String mountPrefix) {
        String url = mountPrefix + DOWNLOAD + attachment.id();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", attachment.id().toString());
        json.put("name", attachment.name().value());
        json.put("mimetype", attachment.mimetype());
        json.put("size", attachment.size());
        json.put("url", url);
        json.put("thumbnail_url", attachment.hasThumbnail() ? url + "/thumbnail" : null);
        return json;
    }

    public static Map<String, Object> of(AttachmentView attachment, Context ctx) {
        return of(attachment, HttpMount.prefixOf(ctx));
    }

    /** Written by the chat's mapper: under the prefix {@link HttpMount#mount} gave it. */
    public static Map<String, Object> of(AttachmentView attachment, JsonGenerator out) {
        return of(attachment, mountPrefixOf(out));
    }

    /** Read from the mapper at each write (not from a writer made before the chat was mounted). */
    private static String mountPrefixOf(JsonGenerator out) {
        if (out.getCodec() instanceof ObjectMapper mapper
                && mapper.getSerializationConfig().getAttributes().getAttribute(MOUNT_PREFIX) instanceof String prefix) {
            return prefix;
        }
        return "";
    }
}

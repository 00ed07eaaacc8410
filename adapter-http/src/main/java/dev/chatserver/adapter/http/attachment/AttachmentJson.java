package dev.chatserver.adapter.http.attachment;

import dev.chatserver.adapter.http.HttpMount;
import dev.chatserver.application.port.in.view.AttachmentView;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/** An attachment as both APIs show it: {@code {id, name, mimetype, size, url, thumbnail_url}}. */
public final class AttachmentJson {
    /** Where a file is downloaded, under the prefix the chat is mounted at. */
    public static final String DOWNLOAD = "/im_chat/attachment/";

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
}

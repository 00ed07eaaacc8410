package dev.chatserver.adapter.http.realtime;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import dev.chatserver.adapter.http.attachment.AttachmentJson;
import dev.chatserver.application.port.in.view.AttachmentView;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A file of a message in an Odoo notification: the IM API's shape ({@link AttachmentJson}) and {@code extra}
 * fields beside. Written only when the notification is, by the chat's mapper, so that its URLs name the prefix the
 * chat is mounted under (Odoo's payloads are built as maps first).
 */
record OdooAttachment(AttachmentView attachment, Map<String, Object> extra) implements JsonSerializable {
    @Override
    public void serialize(JsonGenerator out, SerializerProvider serializers) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>(AttachmentJson.of(attachment, out));
        json.putAll(extra);
        out.writeObject(json);
    }

    @Override
    public void serializeWithType(JsonGenerator out, SerializerProvider serializers, TypeSerializer type)
            throws IOException {
        serialize(out, serializers);
    }
}

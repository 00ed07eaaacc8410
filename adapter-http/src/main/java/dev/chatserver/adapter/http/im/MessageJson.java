package dev.chatserver.adapter.http.im;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import dev.chatserver.domain.im.MessageView;

import java.io.IOException;

/**
 * A message as the IM chat API shows it (a history entry), written straight into the generator:
 * {@code id, type, message, create_date, to_id, from_id, from_partner_id}.
 */
record MessageJson(MessageView message) implements JsonSerializable {
    static void write(JsonGenerator out, MessageView message) throws IOException {
        out.writeStartObject();
        out.writeNumberField("id", message.id());
        out.writeStringField("type", message.type());
        out.writeStringField("message", message.message());
        out.writeStringField("create_date", ImPayloads.datetime(message.createDate()));
        out.writeArrayFieldStart("to_id");
        out.writeNumber(message.sessionId());
        out.writeString(message.sessionUuid().toString());
        out.writeEndArray();
        out.writeArrayFieldStart("from_id");
        out.writeNumber(message.fromId().value());
        out.writeString(message.fromName());
        out.writeEndArray();
        out.writeArrayFieldStart("from_partner_id");
        out.writeNumber(message.fromPartner().id().value());
        out.writeString(message.fromPartner().name());
        out.writeEndArray();
        out.writeEndObject();
    }

    @Override
    public void serialize(JsonGenerator out, SerializerProvider serializers) throws IOException {
        write(out, message);
    }

    @Override
    public void serializeWithType(JsonGenerator out, SerializerProvider serializers, TypeSerializer typeSer)
            throws IOException {
        serialize(out, serializers); // the answers use no polymorphic typing
    }
}

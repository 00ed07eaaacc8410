package dev.chatserver.adapter.http.im;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.ReactionCount;

import java.io.IOException;

/**
 * A message as the IM chat API shows it, written straight into the generator:
 * {@code id, type, message, create_date, to_id, from_id, from_partner_id}; then {@code edited: true} and
 * {@code edit_date} when it was edited and {@code deleted: true} when it is a tombstone (both left out otherwise,
 * so a plain message keeps the seed's shape). A history entry also carries its {@code reactions}
 * ({@code [{"emoji","count","me"}]}, empty when none); a new message has none yet.
 */
record MessageJson(MessageView message) implements JsonSerializable {
    /** A history entry, with its reactions. */
    static void writeEntry(JsonGenerator out, MessageView message) throws IOException {
        writeFields(out, message);
        out.writeArrayFieldStart("reactions");
        for (ReactionCount reaction : message.reactions()) {
            out.writeStartObject();
            out.writeStringField("emoji", reaction.emoji());
            out.writeNumberField("count", reaction.count());
            out.writeBooleanField("me", reaction.me());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    static void write(JsonGenerator out, MessageView message) throws IOException {
        writeFields(out, message);
        out.writeEndObject();
    }

    private static void writeFields(JsonGenerator out, MessageView message) throws IOException {
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
        if (message.editDate().isPresent()) {
            out.writeBooleanField("edited", true);
            out.writeStringField("edit_date", ImPayloads.datetime(message.editDate().get()));
        }
        if (message.deleted()) {
            out.writeBooleanField("deleted", true);
        }
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

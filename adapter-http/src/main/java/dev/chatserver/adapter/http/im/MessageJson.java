package dev.chatserver.adapter.http.im;

import dev.chatserver.adapter.http.attachment.AttachmentJson;
import dev.chatserver.application.port.in.view.AttachmentView;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.QuotedMessage;
import dev.chatserver.application.port.in.view.ReactionCount;
import dev.chatserver.domain.account.Partner;
import dev.chatserver.domain.account.UserId;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A message as the IM chat API shows it, written straight into the generator:
 * {@code id, type, message, create_date, to_id, from_id, from_partner_id}; then {@code edited: true} and
 * {@code edit_date} when it was edited and {@code deleted: true} when it is a tombstone (both left out otherwise,
 * so a plain message keeps the seed's shape), a file post's {@code attachments}
 * ({@code [{"id","name","mimetype","size","url","thumbnail_url"}]}, its URLs from the server's root,
 * under the prefix the chat is mounted at), and
 * {@code reply_to: {id, from_id, message, deleted}} when it replies to a message (the quoted text cut to 200
 * characters, empty once the original was deleted), and {@code mentions: [user ids]} when its text calls
 * members of the session by {@code @login} (in id order; left out when it mentions nobody). A history entry also carries its {@code reactions}
 * ({@code [{"emoji","count","me"}]}, empty when none); a new message has none yet.
 */
record MessageJson(MessageView message) implements JsonSerializable {
    /** A history entry, with its reactions. */
    static void writeEntry(JsonGenerator out, MessageView message) throws IOException {
        message.deconstruct(out, MessageJson::writeFields);
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
        message.deconstruct(out, MessageJson::writeFields);
        out.writeEndObject();
    }

    /**
     * The message read whole ({@link MessageView#deconstruct}), so that a component added to it is written here;
     * the object is left open for the reactions, which only a history entry writes ({@link #writeEntry}).
     */
    private static Void writeFields(JsonGenerator out, long id, long sessionId, UUID sessionUuid, UserId fromId,
                                    String fromName, Partner fromPartner, String type, String message,
                                    Instant createDate, Optional<Instant> editDate, boolean deleted,
                                    List<ReactionCount> reactions, List<AttachmentView> attachments,
                                    Optional<QuotedMessage> replyTo, List<UserId> mentions)
            throws IOException {
        out.writeStartObject();
        out.writeNumberField("id", id);
        out.writeStringField("type", type);
        out.writeStringField("message", message);
        out.writeStringField("create_date", ImPayloads.datetime(createDate));
        out.writeArrayFieldStart("to_id");
        out.writeNumber(sessionId);
        out.writeString(sessionUuid.toString());
        out.writeEndArray();
        out.writeArrayFieldStart("from_id");
        out.writeNumber(fromId.value());
        out.writeString(fromName);
        out.writeEndArray();
        out.writeArrayFieldStart("from_partner_id");
        out.writeNumber(fromPartner.id().value());
        out.writeString(fromPartner.name());
        out.writeEndArray();
        if (editDate.isPresent()) {
            out.writeBooleanField("edited", true);
            out.writeStringField("edit_date", ImPayloads.datetime(editDate.get()));
        }
        if (deleted) {
            out.writeBooleanField("deleted", true);
        }
        if (!attachments.isEmpty()) {
            out.writeArrayFieldStart("attachments");
            for (AttachmentView attachment : attachments) {
                out.writeObject(AttachmentJson.of(attachment, out));
            }
            out.writeEndArray();
        }
        if (replyTo.isPresent()) {
            QuotedMessage quoted = replyTo.get();
            out.writeObjectFieldStart("reply_to");
            out.writeNumberField("id", quoted.id());
            out.writeNumberField("from_id", quoted.fromId().value());
            out.writeStringField("message", quoted.message());
            out.writeBooleanField("deleted", quoted.deleted());
            out.writeEndObject();
        }
        if (!mentions.isEmpty()) {
            writeMentions(out, mentions);
        }
        return null;
    }

    /** {@code mentions: [user ids]}. */
    static void writeMentions(JsonGenerator out, List<UserId> mentions) throws IOException {
        out.writeArrayFieldStart("mentions");
        for (UserId user : mentions) {
            out.writeNumber(user.value());
        }
        out.writeEndArray();
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

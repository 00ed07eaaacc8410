package dev.chatserver.adapter.http.im;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import dev.chatserver.domain.im.DocumentLink;
import dev.chatserver.domain.im.GroupRef;
import dev.chatserver.application.port.in.view.MessageSummary;
import dev.chatserver.application.port.in.view.SessionMember;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.application.port.in.view.GroupView;
import dev.chatserver.domain.account.UserId;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A session as the IM chat API shows it (a {@code get_sessions} entry), written straight into the generator:
 * {@code id, uuid, create_date, state, status, is_read, unread_count and mention_count (in answers, not in
 * notifications),
 * is_group, with_documents, groups, docs, users} (each with its {@code seen_message_id} and the {@code login}
 * that mentions them), and for a group
 * conversation people made, {@code conversation: {name, posting, admins}}.
 */
record SessionJson(SessionView session) implements JsonSerializable {
    private static final Pattern NUMERIC_DOC_ID = Pattern.compile("0|[1-9][0-9]{0,17}");

    static void write(JsonGenerator out, SessionView session) throws IOException {
        out.writeStartObject();
        out.writeNumberField("id", session.id());
        out.writeStringField("uuid", session.uuid().toString());
        out.writeStringField("create_date", ImPayloads.datetime(session.createDate()));
        out.writeStringField("state", session.state().wireName());
        out.writeStringField("status", session.status().wireName());
        out.writeBooleanField("is_read", session.isRead());
        if (session.unreadCount().isPresent()) {
            out.writeNumberField("unread_count", session.unreadCount().getAsLong());
        }
        if (session.mentionCount().isPresent()) {
            out.writeNumberField("mention_count", session.mentionCount().getAsLong());
        }
        out.writeBooleanField("is_group", session.isGroup());
        out.writeBooleanField("with_documents", session.withDocuments());
        out.writeArrayFieldStart("groups");
        for (GroupRef group : session.groups()) {
            out.writeStartObject();
            out.writeNumberField("id", group.id().value());
            out.writeStringField("name", group.name());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("docs");
        for (DocumentLink link : session.docs()) {
            writeDocument(out, link);
        }
        out.writeEndArray();
        out.writeArrayFieldStart("users");
        for (SessionMember member : session.users()) {
            writeMember(out, member);
        }
        out.writeEndArray();
        if (session.conversation().isPresent()) {
            writeConversation(out, session.conversation().get());
        }
        out.writeEndObject();
    }

    private static void writeConversation(JsonGenerator out, GroupView conversation) throws IOException {
        out.writeObjectFieldStart("conversation");
        out.writeStringField("name", conversation.name());
        out.writeStringField("posting", conversation.posting().value());
        out.writeArrayFieldStart("admins");
        for (UserId admin : conversation.admins()) {
            out.writeNumber(admin.value());
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    /** {@code doc_id} is stored as text and answered as a number when it is one. */
    private static void writeDocument(JsonGenerator out, DocumentLink link) throws IOException {
        out.writeStartObject();
        out.writeNumberField("id", link.id());
        out.writeStringField("doc_model", link.document().model());
        String docId = link.document().id();
        if (NUMERIC_DOC_ID.matcher(docId).matches()) {
            out.writeNumberField("doc_id", Long.parseLong(docId));
        } else {
            out.writeStringField("doc_id", docId);
        }
        out.writeEndObject();
    }

    private static void writeMember(JsonGenerator out, SessionMember member) throws IOException {
        out.writeStartObject();
        out.writeNumberField("id", member.id().value());
        out.writeStringField("name", member.name());
        if (member.login().isPresent()) {
            out.writeStringField("login", member.login().get().value());
        }
        out.writeStringField("im_status", member.imStatus().wireName());
        out.writeArrayFieldStart("partner_id");
        out.writeNumber(member.partner().id().value());
        out.writeString(member.partner().name());
        out.writeEndArray();
        writeLastMessage(out, member.lastMessage());
        if (member.seenMessageId().isPresent()) {
            out.writeNumberField("seen_message_id", member.seenMessageId().getAsLong());
        } else {
            out.writeNullField("seen_message_id");
        }
        out.writeEndObject();
    }

    private static void writeLastMessage(JsonGenerator out, Optional<MessageSummary> last) throws IOException {
        if (last.isEmpty()) {
            out.writeNullField("last_message");
            return;
        }
        MessageSummary summary = last.get();
        out.writeObjectFieldStart("last_message");
        out.writeNumberField("id", summary.id());
        out.writeStringField("type", summary.type());
        out.writeStringField("message", summary.message());
        out.writeStringField("create_date", ImPayloads.datetime(summary.createDate()));
        if (summary.deleted()) {
            out.writeBooleanField("deleted", true);
        }
        out.writeEndObject();
    }

    @Override
    public void serialize(JsonGenerator out, SerializerProvider serializers) throws IOException {
        write(out, session);
    }

    @Override
    public void serializeWithType(JsonGenerator out, SerializerProvider serializers, TypeSerializer typeSer)
            throws IOException {
        serialize(out, serializers); // the answers use no polymorphic typing
    }
}

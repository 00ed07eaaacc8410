package dev.chatserver.adapter.http.jsonrpc;

import dev.chatserver.adapter.http.problem.FieldNames;

/**
 * The names the JSON-RPC faces (the IM API, Odoo's clients, sign-in) give the core's fields. {@code lastId}
 * reads {@code last_ID}, the spec's name: a route that takes Odoo's {@code last_id} checks it before it builds
 * its command, so a refusal names the parameter the client sent.
 */
public final class RpcFieldNames {
    public static final FieldNames NAMES = FieldNames.of(
            "session", "uuid",
            "lastId", "last_ID",
            "beforeId", "before_id",
            "messageId", "message_id",
            "replyToId", "reply_to_id",
            "type", "message_type",
            "content", "message_content",
            "clientId", "client_id",
            "attachmentIds", "attachment_ids",
            "userTo", "user_to",
            "newcomer", "user_id",
            "member", "user_id",
            "user", "user_id",
            "successor", "successor_id",
            "userIds", "user_ids",
            "parent", "parent_partner_id",
            "child", "child_partner_id",
            "newStatus", "new_status",
            "documentModel", "doc_model",
            "documentId", "doc_id",
            "clientAddress", "client_address",
            "oldPassword", "old_password",
            "newPassword", "new_password");

    private RpcFieldNames() {
    }
}

package dev.chatserver.adapter.http.im;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.auth.Authenticator;
import dev.chatserver.adapter.http.jsonrpc.JsonRpc;
import dev.chatserver.adapter.http.jsonrpc.RpcParams;
import dev.chatserver.application.port.in.im.ArrangeSession;
import dev.chatserver.application.port.in.im.ChangeStateCommand;
import dev.chatserver.application.port.in.im.ChangeStatusCommand;
import dev.chatserver.application.port.in.im.ListGroupSessionsCommand;
import dev.chatserver.application.port.in.im.ListSessions;
import dev.chatserver.application.port.in.im.ListSessionsCommand;
import dev.chatserver.application.port.in.im.MarkRead;
import dev.chatserver.application.port.in.im.MarkReadCommand;
import dev.chatserver.application.port.in.im.OpenGroupSessionCommand;
import dev.chatserver.application.port.in.im.OpenSession;
import dev.chatserver.application.port.in.im.OpenSessionCommand;
import dev.chatserver.application.port.in.im.SessionPage;
import io.javalin.Javalin;
import jakarta.inject.Inject;

/** The IM sessions: getting or creating them, listing them, and each member's own status and state. */
public final class ImSessionRoutes implements Routes {
    static final String API = "/im_chat/api/";

    private final OpenSession open;
    private final ListSessions list;
    private final ArrangeSession arrange;
    private final MarkRead read;
    private final ImCalls calls;

    @Inject
    public ImSessionRoutes(OpenSession open, ListSessions list, ArrangeSession arrange, MarkRead read,
                           Authenticator authenticator, ObjectMapper mapper) {
        this.open = open;
        this.list = list;
        this.arrange = arrange;
        this.read = read;
        this.calls = new ImCalls(new JsonRpc(mapper), authenticator);
    }

    @Override
    public void addTo(Javalin app) {
        app.post(API + "get_or_create_session", calls.handler((p, caller) -> ImPayloads.session(open.openPrivate(
                OpenSessionCommand.of(caller, p.requiredLong("user_to"), docId(p), docModel(p))))));
        app.post(API + "get_or_create_session_group", calls.handler((p, caller) -> ImPayloads.session(open.openGroup(
                OpenGroupSessionCommand.of(caller, p.requiredLong("group"), docId(p), docModel(p))))));
        app.post(API + "get_sessions", calls.handler((p, caller) -> ImPayloads.sessions(list.privateSessions(
                ListSessionsCommand.of(caller, p.optionalLong("user_to").orElse(null), docId(p), docModel(p),
                        p.optionalString("state").orElse(null), page(p))))));
        app.post(API + "get_sessions_group", calls.handler((p, caller) -> ImPayloads.sessions(list.groupSessions(
                ListGroupSessionsCommand.of(caller, p.optionalLong("group").orElse(null), docId(p), docModel(p),
                        p.optionalString("state").orElse(null), page(p))))));
        app.post(API + "change_session_status", calls.handler((p, caller) -> {
            arrange.changeStatus(ChangeStatusCommand.of(caller, p.requiredString("uuid"), p.requiredString("new_status")));
            return ImCalls.SUCCESS;
        }));
        app.post(API + "mark_read", calls.handler((p, caller) -> ImPayloads.readState(read.markRead(
                MarkReadCommand.of(caller, p.requiredString("uuid"), p.requiredLong("message_id"))))));
        app.post(API + "update_state", calls.handler((p, caller) -> {
            arrange.changeState(ChangeStateCommand.of(caller, p.requiredString("uuid"), p.requiredString("state")));
            return ImCalls.SUCCESS;
        }));
    }

    private static SessionPage page(RpcParams params) {
        return SessionPage.of(params.optionalLong("before_id").orElse(null), params.optionalLong("limit").orElse(null));
    }

    private static String docId(RpcParams params) {
        return params.optionalText("doc_id").orElse(null);
    }

    private static String docModel(RpcParams params) {
        return params.optionalString("doc_model").orElse(null);
    }
}

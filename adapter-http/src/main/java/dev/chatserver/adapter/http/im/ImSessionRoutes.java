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
import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.DocumentRef;
import dev.chatserver.domain.im.SessionState;
import dev.chatserver.domain.im.SessionStatus;
import dev.chatserver.domain.problem.InvalidInput;
import io.javalin.Javalin;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

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
                new OpenSessionCommand(caller, UserId.of(p.requiredPositive("user_to")), document(p))))));
        app.post(API + "get_or_create_session_group", calls.handler((p, caller) -> ImPayloads.session(open.openGroup(
                new OpenGroupSessionCommand(caller, GroupId.of(p.requiredPositive("group")), document(p))))));
        app.post(API + "get_sessions", calls.handler((p, caller) -> ImPayloads.sessions(list.privateSessions(
                new ListSessionsCommand(caller, p.optionalPositive("user_to").map(UserId::of), document(p),
                        state(p), page(p))))));
        app.post(API + "get_sessions_group", calls.handler((p, caller) -> ImPayloads.sessions(list.groupSessions(
                new ListGroupSessionsCommand(caller, p.optionalPositive("group").map(GroupId::of), document(p),
                        state(p), page(p))))));
        app.post(API + "change_session_status", calls.handler((p, caller) -> {
            arrange.changeStatus(new ChangeStatusCommand(caller, p.requiredSession("uuid"),
                    SessionStatus.parse("new_status", p.requiredString("new_status"))));
            return ImCalls.SUCCESS;
        }));
        app.post(API + "mark_read", calls.handler((p, caller) -> ImPayloads.readState(read.markRead(
                new MarkReadCommand(caller, p.requiredSession("uuid"), p.requiredPositive("message_id"))))));
        app.post(API + "update_state", calls.handler((p, caller) -> {
            arrange.changeState(new ChangeStateCommand(caller, p.requiredSession("uuid"),
                    SessionState.parse("state", p.requiredString("state"))));
            return ImCalls.SUCCESS;
        }));
    }

    private static SessionPage page(RpcParams params) {
        Optional<Long> beforeId = params.optionalLong("before_id");
        OptionalInt limit = params.optionalLimit("limit");
        return new SessionPage(beforeId.map(OptionalLong::of).orElse(OptionalLong.empty()), limit);
    }

    private static Optional<SessionState> state(RpcParams params) {
        return params.optionalString("state").map(state -> SessionState.parse("state", state));
    }

    /** The document a session is about: {@code doc_id} and {@code doc_model} come together or not at all. */
    private static Optional<DocumentRef> document(RpcParams params) {
        Optional<String> docId = params.optionalText("doc_id");
        Optional<String> docModel = params.optionalString("doc_model");
        if (docId.isEmpty() && docModel.isEmpty()) {
            return Optional.empty();
        }
        if (docModel.isEmpty()) {
            throw new InvalidInput("doc_model", "doc_model is required with doc_id");
        }
        if (docId.isEmpty()) {
            throw new InvalidInput("doc_id", "doc_id is required with doc_model");
        }
        return Optional.of(new DocumentRef(docModel.get(), docId.get()));
    }
}

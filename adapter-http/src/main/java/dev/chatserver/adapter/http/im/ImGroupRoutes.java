package dev.chatserver.adapter.http.im;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.auth.Authenticator;
import dev.chatserver.adapter.http.jsonrpc.JsonRpc;
import dev.chatserver.adapter.http.jsonrpc.RpcParams;
import dev.chatserver.application.port.in.im.ChangeGroup;
import dev.chatserver.application.port.in.im.CreateGroup;
import dev.chatserver.application.port.in.im.CreateGroupCommand;
import dev.chatserver.application.port.in.im.GroupChangeCommand;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.GroupName;
import dev.chatserver.domain.im.GroupRole;
import dev.chatserver.domain.im.Posting;
import io.javalin.Javalin;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Group conversations people make: {@code group/create}, and the changes of one ({@code rename, add_members,
 * remove_member, leave, set_role, set_posting}), each answering the conversation as the caller now sees it
 * ({@code leave}: {@code {"status": "success"}}, the caller no longer sees it).
 */
public final class ImGroupRoutes implements Routes {
    private static final String GROUP = ImSessionRoutes.API + "group/";
    private static final String NOT_A_LIST = "user_ids is a list of user ids";

    private final CreateGroup create;
    private final ChangeGroup change;
    private final ImCalls calls;

    @Inject
    public ImGroupRoutes(CreateGroup create, ChangeGroup change, Authenticator authenticator, ObjectMapper mapper) {
        this.create = create;
        this.change = change;
        this.calls = new ImCalls(new JsonRpc(mapper), authenticator);
    }

    @Override
    public void addTo(Javalin app) {
        app.post(GROUP + "create", calls.handler((p, caller) -> ImPayloads.session(create.create(
                new CreateGroupCommand(caller, name(p), users(p))))));
        app.post(GROUP + "rename", calls.handler((p, caller) -> answer(change.change(
                new GroupChangeCommand.Rename(caller, p.requiredSession("uuid"), name(p))))));
        app.post(GROUP + "add_members", calls.handler((p, caller) -> answer(change.change(
                new GroupChangeCommand.AddMembers(caller, p.requiredSession("uuid"), users(p))))));
        app.post(GROUP + "remove_member", calls.handler((p, caller) -> answer(change.change(
                new GroupChangeCommand.RemoveMember(caller, p.requiredSession("uuid"), user(p))))));
        app.post(GROUP + "leave", calls.handler((p, caller) -> answer(change.change(
                new GroupChangeCommand.Leave(caller, p.requiredSession("uuid"),
                        p.optionalPositive("successor_id").map(UserId::of))))));
        app.post(GROUP + "set_role", calls.handler((p, caller) -> answer(change.change(
                new GroupChangeCommand.SetRole(caller, p.requiredSession("uuid"), user(p),
                        GroupRole.parse("role", p.requiredString("role")))))));
        app.post(GROUP + "set_posting", calls.handler((p, caller) -> answer(change.change(
                new GroupChangeCommand.SetPosting(caller, p.requiredSession("uuid"),
                        Posting.parse("posting", p.requiredString("posting")))))));
    }

    private static Object answer(java.util.Optional<dev.chatserver.application.port.in.view.SessionView> session) {
        return session.<Object>map(ImPayloads::session).orElse(ImCalls.SUCCESS);
    }

    private static GroupName name(RpcParams params) {
        return new GroupName(params.requiredString("name"));
    }

    private static UserId user(RpcParams params) {
        return UserId.of(params.requiredPositive("user_id"));
    }

    private static List<UserId> users(RpcParams params) {
        List<Long> ids = params.requiredLongList("user_ids", NOT_A_LIST);
        return ids.stream().map(id -> {
            if (id <= 0) {
                throw new dev.chatserver.domain.problem.InvalidInput("user_ids", "user_ids lists positive user ids");
            }
            return UserId.of(id);
        }).toList();
    }
}

package dev.chatserver.adapter.http.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.auth.Authenticator;
import dev.chatserver.adapter.http.auth.ClientAddresses;
import dev.chatserver.adapter.http.chats.ChatBody;
import dev.chatserver.application.port.in.account.AddUserCommand;
import dev.chatserver.application.port.in.account.AddGroupCommand;
import dev.chatserver.application.port.in.admin.AdministerGroups;
import dev.chatserver.application.port.in.admin.AdministerUsers;
import dev.chatserver.application.port.in.admin.CreateGroupCommand;
import dev.chatserver.application.port.in.admin.GroupMemberCommand;
import dev.chatserver.application.port.in.admin.GroupPage;
import dev.chatserver.application.port.in.admin.ListGroupsCommand;
import dev.chatserver.application.port.in.admin.RenameGroupCommand;
import dev.chatserver.application.port.in.admin.Administrator;
import dev.chatserver.application.port.in.admin.AuditPage;
import dev.chatserver.application.port.in.admin.CreateUserCommand;
import dev.chatserver.application.port.in.admin.EndSessionsCommand;
import dev.chatserver.application.port.in.admin.ListUsersCommand;
import dev.chatserver.application.port.in.admin.ReadAuditCommand;
import dev.chatserver.application.port.in.admin.ReadAuditLog;
import dev.chatserver.application.port.in.admin.ResetPasswordCommand;
import dev.chatserver.application.port.in.admin.UpdateUserCommand;
import dev.chatserver.application.port.in.admin.UserPage;
import dev.chatserver.application.port.in.view.AccountView;
import dev.chatserver.application.port.in.view.AuditEntry;
import dev.chatserver.domain.account.Group;
import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.InvalidInput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The administration API under {@code /api/v1/admin}: accounts, the provisioned user groups and the audit log, for administrators only (403
 * otherwise), signed in by bearer token or the session cookie; errors are problem details (docs/chats-api.md).
 */
public final class AdminRoutes implements Routes {
    /** Administration bodies are small: a name, a login, a password. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    private final AdministerUsers users;
    private final AdministerGroups groups;
    private final ReadAuditLog audit;
    private final Authenticator authenticator;
    private final ClientAddresses addresses;
    private final ObjectMapper mapper;

    @Inject
    public AdminRoutes(AdministerUsers users, AdministerGroups groups, ReadAuditLog audit, Authenticator authenticator,
                       ClientAddresses addresses, ObjectMapper mapper) {
        this.users = users;
        this.groups = groups;
        this.audit = audit;
        this.authenticator = authenticator;
        this.addresses = addresses;
        this.mapper = mapper;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/api/v1/admin/users", this::list);
        app.post("/api/v1/admin/users", this::create);
        app.patch("/api/v1/admin/users/{user_id}", this::update);
        app.post("/api/v1/admin/users/{user_id}/reset_password", this::resetPassword);
        app.delete("/api/v1/admin/users/{user_id}/tokens", this::endSessions);
        app.get("/api/v1/admin/groups", this::listGroups);
        app.post("/api/v1/admin/groups", this::createGroup);
        app.patch("/api/v1/admin/groups/{group_id}", this::renameGroup);
        app.post("/api/v1/admin/groups/{group_id}/members/{user_id}", this::addMember);
        app.delete("/api/v1/admin/groups/{group_id}/members/{user_id}", this::removeMember);
        app.get("/api/v1/admin/audit", this::audit);
    }

    private void list(Context ctx) {
        Administrator by = administrator(ctx);
        UserPage page = users.list(new ListUsersCommand(by, Optional.ofNullable(ctx.queryParam("search")),
                longQuery(ctx, "after", 0), limit(ctx, ListUsersCommand.DEFAULT_LIMIT)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("users", page.users().stream().map(AdminRoutes::account).toList());
        body.put("next_after", page.nextAfter().isPresent() ? page.nextAfter().getAsLong() : null);
        ctx.json(body);
    }

    private void create(Context ctx) {
        Administrator by = administrator(ctx);
        ChatBody body = body(ctx);
        AccountView created = users.create(new CreateUserCommand(by, AddUserCommand.of(body.requiredString("login"),
                body.requiredString("name"), body.optionalString("email"), body.requiredString("password"),
                body.optionalBoolean("admin", false))));
        ctx.status(201).json(account(created));
    }

    private void update(Context ctx) {
        Administrator by = administrator(ctx);
        UserId user = userId(ctx);
        ChatBody body = body(ctx);
        String name = body.optionalString("name");
        ctx.json(account(users.update(new UpdateUserCommand(by, user, Optional.ofNullable(name),
                body.optionalBoolean("disabled")))));
    }

    private void resetPassword(Context ctx) {
        Administrator by = administrator(ctx);
        UserId user = userId(ctx);
        String password = body(ctx).requiredString("password");
        users.resetPassword(new ResetPasswordCommand(by, user, password.toCharArray()));
        ctx.status(204);
    }

    private void endSessions(Context ctx) {
        Administrator by = administrator(ctx);
        int ended = users.endSessions(new EndSessionsCommand(by, userId(ctx)));
        ctx.json(Map.of("ended", ended));
    }

    private void listGroups(Context ctx) {
        Administrator by = administrator(ctx);
        GroupPage page = groups.list(new ListGroupsCommand(by, Optional.ofNullable(ctx.queryParam("search")),
                longQuery(ctx, "after", 0), limit(ctx, ListUsersCommand.DEFAULT_LIMIT)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("groups", page.groups().stream().map(AdminRoutes::group).toList());
        body.put("next_after", page.nextAfter().isPresent() ? page.nextAfter().getAsLong() : null);
        ctx.json(body);
    }

    private void createGroup(Context ctx) {
        Administrator by = administrator(ctx);
        Group created = groups.create(new CreateGroupCommand(by, new AddGroupCommand(body(ctx).requiredString("name"))));
        ctx.status(201).json(group(created));
    }

    private void renameGroup(Context ctx) {
        Administrator by = administrator(ctx);
        GroupId group = GroupId.of(positiveId(ctx, "group_id"));
        ctx.json(group(groups.rename(new RenameGroupCommand(by, group, body(ctx).requiredString("name")))));
    }

    private void addMember(Context ctx) {
        Administrator by = administrator(ctx);
        ctx.json(group(groups.addMember(new GroupMemberCommand(by, GroupId.of(positiveId(ctx, "group_id")),
                userId(ctx)))));
    }

    private void removeMember(Context ctx) {
        Administrator by = administrator(ctx);
        ctx.json(group(groups.removeMember(new GroupMemberCommand(by, GroupId.of(positiveId(ctx, "group_id")),
                userId(ctx)))));
    }

    private void audit(Context ctx) {
        Administrator by = administrator(ctx);
        String before = ctx.queryParam("before");
        AuditPage page = audit.read(new ReadAuditCommand(by,
                before == null ? OptionalLong.empty() : OptionalLong.of(longQuery(ctx, "before", 0)),
                limit(ctx, ReadAuditCommand.DEFAULT_LIMIT)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entries", page.entries().stream().map(AdminRoutes::entry).toList());
        body.put("next_before", page.nextBefore().isPresent() ? page.nextBefore().getAsLong() : null);
        ctx.json(body);
    }

    private Administrator administrator(Context ctx) {
        return new Administrator(authenticator.requireUser(ctx).id(), addresses.of(ctx));
    }

    private ChatBody body(Context ctx) {
        return ChatBody.read(ctx, mapper, MAX_BODY_BYTES);
    }

    private static UserId userId(Context ctx) {
        return UserId.of(positiveId(ctx, "user_id"));
    }

    private static long positiveId(Context ctx, String name) {
        String text = ctx.pathParam(name);
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new InvalidInput(name, name + " is a positive whole number");
    }

    private static long longQuery(Context ctx, String name, long fallback) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(name, name + " is a whole number");
        }
    }

    private static int limit(Context ctx, int fallback) {
        long limit = longQuery(ctx, "limit", fallback);
        if (limit < 1 || limit > Integer.MAX_VALUE) {
            throw new InvalidInput("limit", "limit is a positive whole number");
        }
        return (int) limit;
    }

    static Map<String, Object> account(AccountView view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", view.user().id().value());
        json.put("login", view.user().login().value());
        json.put("name", view.user().name());
        json.put("email", view.user().email());
        json.put("partner_id", view.user().partner().id().value());
        json.put("admin", view.standing().admin());
        json.put("disabled", view.standing().disabled());
        return json;
    }

    static Map<String, Object> group(Group group) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", group.id().value());
        json.put("name", group.name());
        json.put("member_ids", group.members().stream().map(UserId::value).sorted().toList());
        return json;
    }

    static Map<String, Object> entry(AuditEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", entry.id());
        json.put("at", entry.at().toString());
        json.put("actor_id", entry.actor().value());
        json.put("action", entry.action());
        json.put("target", entry.target());
        json.put("detail", entry.detail());
        json.put("client_address", entry.clientAddress());
        return json;
    }
}

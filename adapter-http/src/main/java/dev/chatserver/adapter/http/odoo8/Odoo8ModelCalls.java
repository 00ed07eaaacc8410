package dev.chatserver.adapter.http.odoo8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.MalformedBody;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.auth.Authenticator;
import dev.chatserver.adapter.http.jsonrpc.JsonRpc;
import dev.chatserver.application.port.in.im.ArrangeSession;
import dev.chatserver.application.port.in.im.ChangeStateCommand;
import dev.chatserver.application.port.in.view.ContactView;
import dev.chatserver.application.port.in.im.InviteCommand;
import dev.chatserver.application.port.in.im.InviteToSession;
import dev.chatserver.application.port.in.im.OpenSession;
import dev.chatserver.application.port.in.im.OpenSessionCommand;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.SessionState;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.domain.presence.ImStatus;
import dev.chatserver.domain.problem.InvalidInput;
import dev.chatserver.domain.problem.NotFound;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Odoo 8's model calls ({@code /web/dataset/call_kw}) that its im_chat web client makes, and only those:
 * {@code im_chat.session}: {@code session_get}, {@code session_info}, {@code update_state}, {@code add_user};
 * {@code res.users}: {@code im_search}, {@code has_group}, {@code search_read}. Any other is answered with the
 * error Odoo gives for a method a model does not have.
 */
public final class Odoo8ModelCalls implements Routes {
    static final String EMPLOYEE_GROUP = "base.group_user";
    private static final int DEFAULT_SEARCH_LIMIT = 20;
    private static final Set<String> USER_FIELDS = Set.of("id", "name", "im_status");
    private static final Comparator<ContactView> ONLINE_FIRST = Comparator
            .comparing((ContactView user) -> user.imStatus() != ImStatus.ONLINE)
            .thenComparing(user -> user.name().toLowerCase(Locale.ROOT))
            .thenComparing(user -> user.id().value());

    private final OpenSession open;
    private final ArrangeSession arrange;
    private final InviteToSession invite;
    private final Odoo8Directory directory;
    private final Authenticator authenticator;
    private final JsonRpc rpc;
    private final ObjectMapper mapper;

    @Inject
    Odoo8ModelCalls(OpenSession open, ArrangeSession arrange, InviteToSession invite, Odoo8Directory directory,
                    Authenticator authenticator, ObjectMapper mapper) {
        this.open = open;
        this.arrange = arrange;
        this.invite = invite;
        this.directory = directory;
        this.authenticator = authenticator;
        this.rpc = new JsonRpc(mapper);
        this.mapper = mapper;
    }

    @Override
    public void addTo(Javalin app) {
        app.post("/web/dataset/call_kw", this::call);
        app.post("/web/dataset/call_kw/<path>", this::call);
    }

    private void call(Context ctx) {
        // the params as JSON, past what RpcParams reads (call_kw's args and kwargs)
        JsonNode params = rpc.read(ctx).params().json();
        User caller = authenticator.requireUser(ctx);
        Odoo8Call call = Odoo8Call.of(params);
        switch (call.model() + "." + call.method()) {
            case "im_chat.session.session_get" -> rpc.answer(ctx, Odoo8Shapes.session(
                    open.openPrivate(OpenSessionCommand.of(caller, UserId.of(call.requiredId("user_to", 0))))));
            case "im_chat.session.session_info" -> rpc.answer(ctx, Odoo8Shapes.session(sessionInfo(caller, call)));
            case "im_chat.session.update_state" -> {
                updateState(caller, call);
                rpc.answer(ctx, null);
            }
            case "im_chat.session.add_user" -> {
                invite.invite(new InviteCommand(caller, call.requiredUuid("uuid", 0),
                        UserId.of(call.requiredId("user_id", 1))));
                rpc.answer(ctx, null);
            }
            case "res.users.im_search" -> rpc.answer(ctx, imSearch(caller, call));
            case "res.users.has_group" -> rpc.answer(ctx, EMPLOYEE_GROUP.equals(call.requiredString("group_ext_id", 0)));
            case "res.users.search_read" -> rpc.answer(ctx, searchRead(caller, call));
            default -> ctx.json(Odoo8Errors.noSuchMethod(ctx, call.model(), call.method()));
        }
    }

    private SessionView sessionInfo(User caller, Odoo8Call call) {
        long id = call.requiredId("ids", 0);
        return directory.sessionById(caller, id)
                .orElseThrow(() -> new NotFound("session", "ids", "no session " + id + " of yours"));
    }

    /** Sets the caller's state of the session; without a state, toggles open and folded as 8.0 does. */
    private void updateState(User caller, Odoo8Call call) {
        UUID uuid = call.requiredUuid("uuid", 0);
        String state = call.optionalString("state", 1);
        if (state == null) {
            SessionView session = directory.sessionByUuid(caller, uuid)
                    .orElseThrow(() -> new NotFound("session", "uuid", "no session " + uuid + " of yours"));
            state = (session.state() == SessionState.OPEN ? SessionState.FOLDED : SessionState.OPEN).wireName();
        }
        arrange.changeState(new ChangeStateCommand(caller, uuid, SessionState.parse("state", state)));
    }

    /** Users whose name holds {@code name} (every one for none), online ones first, then by name, as 8.0. */
    private List<Map<String, Object>> imSearch(User caller, Odoo8Call call) {
        String name = call.optionalString("name", 0);
        String wanted = name == null ? "" : name.toLowerCase(Locale.ROOT);
        int limit = limit(call.parameter("limit", 1));
        return directory.everyone(caller).stream()
                .filter(user -> !user.id().equals(caller.id()))
                .filter(user -> user.name().toLowerCase(Locale.ROOT).contains(wanted))
                .sorted(ONLINE_FIRST)
                .limit(limit)
                .map(Odoo8Shapes::user)
                .toList();
    }

    private static int limit(JsonNode value) {
        if (value.isMissingNode() || value.isNull() || (value.isBoolean() && !value.booleanValue())) {
            return DEFAULT_SEARCH_LIMIT;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() <= 0) {
            throw new InvalidInput("limit", "limit is a positive number");
        }
        return value.intValue();
    }

    /** {@code search_read} on users by id ({@code [["id","in",[..]]]}, {@code [["id","=",5]]} or no domain). */
    private List<Map<String, Object>> searchRead(User caller, Odoo8Call call) {
        Set<Long> ids = idsOf(call.parameter("domain", 0));
        List<String> fields = fieldsOf(call.parameter("fields", 1));
        return directory.everyone(caller).stream()
                .filter(user -> ids == null || ids.contains(user.id().value()))
                .map(user -> {
                    Map<String, Object> full = Odoo8Shapes.user(user);
                    Map<String, Object> read = new LinkedHashMap<>();
                    read.put("id", full.get("id"));
                    fields.forEach(field -> read.put(field, full.get(field)));
                    return read;
                })
                .toList();
    }

    /** The ids a domain selects; {@code null} for every user. */
    private static Set<Long> idsOf(JsonNode domain) {
        if (domain.isMissingNode() || domain.isNull() || (domain.isArray() && domain.isEmpty())) {
            return null;
        }
        if (!domain.isArray()) {
            throw new InvalidInput("domain", "domain is a list of [field, operator, value]");
        }
        Set<Long> ids = null;
        for (JsonNode leaf : domain) {
            if (!leaf.isArray() || leaf.size() != 3 || !"id".equals(leaf.get(0).asText())) {
                throw new InvalidInput("domain", "only [\"id\", \"in\", [ids]] and [\"id\", \"=\", id] are searched here");
            }
            Set<Long> selected = new HashSet<>();
            switch (leaf.get(1).asText()) {
                case "=" -> selected.add(id(leaf.get(2)));
                case "in" -> {
                    if (!leaf.get(2).isArray()) {
                        throw new InvalidInput("domain", "\"in\" takes a list of ids");
                    }
                    leaf.get(2).forEach(id -> selected.add(id(id)));
                }
                default -> throw new InvalidInput("domain", "the operator on id is \"=\" or \"in\"");
            }
            if (ids == null) {
                ids = selected;
            } else {
                ids.retainAll(selected);
            }
        }
        return ids;
    }

    private static long id(JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidInput("domain", "a user id is an integer");
        }
        return value.longValue();
    }

    private static List<String> fieldsOf(JsonNode fields) {
        if (fields.isMissingNode() || fields.isNull() || (fields.isArray() && fields.isEmpty())) {
            return List.of("name", "im_status");
        }
        if (!fields.isArray()) {
            throw new InvalidInput("fields", "fields is a list of field names");
        }
        List<String> names = new java.util.ArrayList<>();
        for (JsonNode field : fields) {
            if (!field.isTextual() || !USER_FIELDS.contains(field.textValue())) {
                throw new InvalidInput("fields", "the fields of a user here are id, name and im_status");
            }
            if (!"id".equals(field.textValue())) {
                names.add(field.textValue());
            }
        }
        return names;
    }
}

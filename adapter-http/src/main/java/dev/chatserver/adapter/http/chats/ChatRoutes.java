package dev.chatserver.adapter.http.chats;

import dev.chatserver.adapter.http.StorableText;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.application.port.in.chats.BanCommand;
import dev.chatserver.application.port.in.chats.CloseRoomCommand;
import dev.chatserver.application.port.in.chats.ListBansCommand;
import dev.chatserver.application.port.in.chats.LockTypesCommand;
import dev.chatserver.application.port.in.chats.ModerateRooms;
import dev.chatserver.application.port.in.chats.UnbanCommand;
import dev.chatserver.application.port.in.chats.ConvertChatCommand;
import dev.chatserver.application.port.in.chats.CreateChatCommand;
import dev.chatserver.application.port.in.chats.CreateChats;
import dev.chatserver.application.port.in.chats.CreateRoomCommand;
import dev.chatserver.application.port.in.chats.ListEventsCommand;
import dev.chatserver.application.port.in.chats.ManageRooms;
import dev.chatserver.application.port.in.chats.PostEventCommand;
import dev.chatserver.application.port.in.chats.PostEvents;
import dev.chatserver.application.port.in.chats.ReadChats;
import dev.chatserver.application.port.in.chats.ReadEvents;
import dev.chatserver.application.port.in.chats.ReadStateCommand;
import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.Chat;
import dev.chatserver.domain.chats.ChatId;
import dev.chatserver.domain.chats.ChatKey;
import dev.chatserver.domain.chats.Direction;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.domain.chats.Event;
import dev.chatserver.domain.problem.InvalidInput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The Chats API: chats named by audience and scope, each on an event room that stores and broadcasts typed
 * events. Every route needs {@code Authorization: Bearer}; errors are problem details (see docs/chats-api.md).
 */
public final class ChatRoutes implements Routes {
    /** The request header of a chat event's own key (the core's {@code idempotencyKey}). */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CreateChats createChats;
    private final ReadChats readChats;
    private final ManageRooms rooms;
    private final ModerateRooms moderation;
    private final PostEvents postEvents;
    private final ReadEvents readEvents;
    private final ChatCallers callers;
    private final ObjectMapper mapper;
    private final ChatsApiSettings settings;

    @Inject
    public ChatRoutes(CreateChats createChats, ReadChats readChats, ManageRooms rooms, ModerateRooms moderation,
                      PostEvents postEvents, ReadEvents readEvents, ChatCallers callers, ObjectMapper mapper,
                      ChatsApiSettings settings) {
        this.moderation = moderation;
        this.createChats = createChats;
        this.readChats = readChats;
        this.rooms = rooms;
        this.postEvents = postEvents;
        this.readEvents = readEvents;
        this.callers = callers;
        this.mapper = mapper;
        this.settings = settings;
    }

    @Override
    public void addTo(Javalin app) {
        app.post("/api/v1/chats", this::create);
        app.post("/api/v1/chats/convert", this::convert);
        app.get("/api/v1/chats/{chat_id}", this::readById);
        app.get("/api/v1/audiences/{audience}/chats/{scope}", this::readByKey);
        app.post("/api/v1/chats/{chat_id}/events", this::post);
        app.get("/api/v1/chats/{chat_id}/events", this::list);
        app.get("/api/v1/chats/{chat_id}/state", this::state);
        app.post("/api/v1/rooms", this::createRoom);
        app.get("/api/v1/rooms/{room_id}", this::readRoom);
        app.post("/api/v1/rooms/{room_id}/close", this::closeRoom);
        app.patch("/api/v1/rooms/{room_id}", this::lockTypes);
        app.post("/api/v1/rooms/{room_id}/bans", this::ban);
        app.get("/api/v1/rooms/{room_id}/bans", this::listBans);
        app.delete("/api/v1/rooms/{room_id}/bans/{account_id}", this::unban);
    }

    private void create(Context ctx) {
        AccountId caller = callers.require(ctx);
        ChatBody body = body(ctx);
        Chat chat = createChats.create(CreateChatCommand.of(caller, body.requiredString("audience"),
                body.requiredString("scope"), body.optionalObject("tags")));
        ctx.status(201).json(ChatJson.chat(chat));
    }

    private void convert(Context ctx) {
        AccountId caller = callers.require(ctx);
        ChatBody body = body(ctx);
        Chat chat = createChats.convert(ConvertChatCommand.of(caller, body.requiredString("audience"),
                body.requiredString("scope"), body.optionalObject("tags"), body.requiredRoomId("event_room_id")));
        ctx.status(201).json(ChatJson.chat(chat));
    }

    private void readById(Context ctx) {
        callers.require(ctx);
        ctx.json(ChatJson.chat(readChats.chat(chatId(ctx))));
    }

    private void readByKey(Context ctx) {
        callers.require(ctx);
        ctx.json(ChatJson.chat(readChats.chat(new ChatKey(StorableText.checked("audience", ctx.pathParam("audience")),
                StorableText.checked("scope", ctx.pathParam("scope"))))));
    }

    private void post(Context ctx) {
        AccountId caller = callers.require(ctx);
        ChatId chat = chatId(ctx);
        ChatBody body = body(ctx);
        CompletableFuture<Event> stored = postEvents.postAsync(new PostEventCommand(caller, chat,
                body.requiredString("type"), body.optionalString("set"), body.optionalString("label"),
                body.optionalString("attribute"), body.requiredJson("data"), body.optionalBoolean("is_claim", false),
                body.optionalBoolean("is_persistent", true),
                StorableText.checked(IDEMPOTENCY_KEY, ctx.header(IDEMPOTENCY_KEY))));
        // no request thread waits while the writer stores it
        ctx.future(() -> stored.thenAccept(event -> ctx.status(201).json(ChatJson.event(event))));
    }

    private void list(Context ctx) {
        callers.require(ctx);
        ChatId chat = chatId(ctx);
        Set<String> types = new LinkedHashSet<>();
        ctx.queryParams("type").forEach(value -> types.addAll(commaSeparated(StorableText.checked("type", value))));
        String direction = ctx.queryParam("direction");
        ctx.json(ChatJson.page(readEvents.events(new ListEventsCommand(chat, types, query(ctx, "set"),
                query(ctx, "label"), query(ctx, "attribute"), occurredAt(ctx),
                direction == null ? Direction.BACKWARD : Direction.parse("direction", direction),
                intParam(ctx, "limit", ListEventsCommand.DEFAULT_LIMIT)))));
    }

    private void state(Context ctx) {
        callers.require(ctx);
        ChatId chat = chatId(ctx);
        String sets = query(ctx, "sets");
        ctx.json(ChatJson.state(readEvents.state(new ReadStateCommand(chat,
                sets == null ? List.of() : commaSeparated(sets), occurredAt(ctx),
                intParam(ctx, "limit", ReadStateCommand.DEFAULT_LIMIT)))));
    }

    private void createRoom(Context ctx) {
        AccountId caller = callers.require(ctx);
        ChatBody body = body(ctx);
        ctx.status(201).json(ChatJson.room(rooms.create(new CreateRoomCommand(caller,
                body.requiredString("audience"), body.optionalObject("tags")))));
    }

    private void readRoom(Context ctx) {
        callers.require(ctx);
        ctx.json(ChatJson.room(rooms.room(roomId(ctx))));
    }

    private void closeRoom(Context ctx) {
        AccountId caller = callers.require(ctx);
        ctx.json(ChatJson.room(rooms.close(new CloseRoomCommand(caller, roomId(ctx)))));
    }

    private void lockTypes(Context ctx) {
        AccountId caller = callers.require(ctx);
        RoomId room = roomId(ctx);
        ChatBody body = body(ctx);
        ctx.json(ChatJson.room(moderation.lockTypes(new LockTypesCommand(caller, room,
                body.requiredStrings("locked_types")))));
    }

    private void ban(Context ctx) {
        AccountId caller = callers.require(ctx);
        RoomId room = roomId(ctx);
        ChatBody body = body(ctx);
        ModerateRooms.Banned banned = moderation.ban(new BanCommand(caller, room,
                AccountId.parse(body.requiredString("account_id")), body.optionalString("reason")));
        ctx.status(banned.fresh() ? 201 : 200).json(ChatJson.ban(banned.ban()));
    }

    private void listBans(Context ctx) {
        AccountId caller = callers.require(ctx);
        String after = query(ctx, "after");
        ctx.json(ChatJson.bans(moderation.bans(new ListBansCommand(caller, roomId(ctx),
                after == null ? null : AccountId.parse(after), intParam(ctx, "limit", ListBansCommand.DEFAULT_LIMIT)))));
    }

    private void unban(Context ctx) {
        AccountId caller = callers.require(ctx);
        moderation.unban(new UnbanCommand(caller, roomId(ctx),
                AccountId.parse(StorableText.checked("account_id", ctx.pathParam("account_id")))));
        ctx.status(204);
    }

    private ChatBody body(Context ctx) {
        return ChatBody.read(ctx, mapper, settings.maxPayloadBytes());
    }

    private static ChatId chatId(Context ctx) {
        return new ChatId(ChatBody.uuid("chat_id", ctx.pathParam("chat_id")));
    }

    private static RoomId roomId(Context ctx) {
        return new RoomId(ChatBody.uuid("room_id", ctx.pathParam("room_id")));
    }

    private static String query(Context ctx, String name) {
        return StorableText.checked(name, ctx.queryParam(name));
    }

    private static OptionalLong occurredAt(Context ctx) {
        String value = ctx.queryParam("occurred_at");
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw new InvalidInput("occurred_at", "occurred_at is a whole number of nanoseconds");
        }
    }

    private static int intParam(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(name, name + " is a whole number");
        }
    }

    private static List<String> commaSeparated(String value) {
        return Arrays.stream(value.split(",", -1)).map(String::strip).toList();
    }
}

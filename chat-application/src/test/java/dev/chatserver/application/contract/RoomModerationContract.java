package dev.chatserver.application.contract;

import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.chats.ChatNotifier;
import dev.chatserver.application.chats.CreateChatsService;
import dev.chatserver.application.chats.EventAppending;
import dev.chatserver.application.chats.ManageRoomsService;
import dev.chatserver.application.chats.ModerateRoomsService;
import dev.chatserver.application.chats.PostEventsService;
import dev.chatserver.application.chats.Tenants;
import dev.chatserver.application.port.in.chats.BanCommand;
import dev.chatserver.application.port.in.chats.BanPage;
import dev.chatserver.application.port.in.chats.CreateChatCommand;
import dev.chatserver.application.port.in.chats.ListBansCommand;
import dev.chatserver.application.port.in.chats.LockTypesCommand;
import dev.chatserver.application.port.in.chats.ModerateRooms;
import dev.chatserver.application.port.in.chats.PostEventCommand;
import dev.chatserver.application.port.in.chats.UnbanCommand;
import dev.chatserver.application.port.in.realtime.Listener;
import dev.chatserver.application.port.out.Meters;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.event.ChatEventAppended;
import dev.chatserver.application.port.out.notification.event.RoomBanChanged;
import dev.chatserver.application.realtime.StoredSubscriptionFacts;
import dev.chatserver.application.realtime.SubscriptionPolicy;
import dev.chatserver.application.write.ClientKeys;
import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.Chat;
import dev.chatserver.domain.chats.Event;
import dev.chatserver.domain.chats.JsonText;
import dev.chatserver.domain.chats.RoomBan;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.domain.problem.AccessDenied;
import dev.chatserver.domain.problem.NotFound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bans and locked types on each storage: who may, what a banned account may still do, and races. */
public abstract class RoomModerationContract extends StorageContract {
    private static final AccountId TENANT = AccountId.parse("backend.svc.example.org");
    private static final AccountId JOHN = AccountId.parse("john.usr.example.org");
    private static final AccountId ANN = AccountId.parse("ann.usr.example.org");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final RecordingBus bus = new RecordingBus();
    private final Tenants tenants = new Tenants(Map.of("example.org", Set.of(TENANT)));
    private CreateChatsService chats;
    private ModerateRoomsService moderation;
    private PostEventsService events;

    @BeforeEach
    void services() {
        Transactions transactions = ports().transactions();
        chats = new CreateChatsService(ports().chats(), ports().eventRooms(), tenants, transactions,
                UUID::randomUUID, clock, UserBudgets.unlimited());
        moderation = new ModerateRoomsService(ports().eventRooms(), ports().roomBans(), tenants, new ChatNotifier(bus),
                transactions, clock, UserBudgets.unlimited());
        ClientKeys clientKeys = new ClientKeys(ports().idempotencyKeys(), transactions, clock);
        EventAppending appending = new EventAppending(ports().chats(), ports().eventRooms(), ports().events(),
                ports().roomBans(), tenants, new ChatNotifier(bus), UUID::randomUUID, clientKeys, clock, Meters.NONE);
        events = new PostEventsService(writer(transactions), appending, clientKeys, UserBudgets.unlimited());
    }

    private Chat newChat(String scope) {
        return chats.create(CreateChatCommand.of(TENANT, "example.org", scope, JsonText.EMPTY_OBJECT));
    }

    private Event post(AccountId by, Chat chat, String type) {
        return events.post(new PostEventCommand(by, chat.id(), type, null, null, null, new JsonText("{}"), false, true));
    }

    private ModerateRooms.Banned ban(Chat chat, AccountId account, String reason) {
        return moderation.ban(new BanCommand(TENANT, chat.roomId(), account, reason));
    }

    @Test
    void a_banned_account_posts_nothing_until_the_ban_is_lifted_and_both_are_told_on_the_room() {
        Chat chat = newChat("course-42");

        ModerateRooms.Banned banned = ban(chat, JOHN, "spam");

        assertThat(banned.fresh()).isTrue();
        assertThat(banned.ban()).isEqualTo(new RoomBan(chat.roomId(), JOHN, "spam", TENANT, clock.instant()));
        assertThat(ports().roomBans().ban(chat.roomId(), JOHN)).contains(banned.ban());
        assertThatThrownBy(() -> post(JOHN, chat, "message"))
                .isInstanceOfSatisfying(AccessDenied.class, e -> assertThat(e.kind()).isEqualTo("banned"));
        post(ANN, chat, "message");

        moderation.unban(new UnbanCommand(TENANT, chat.roomId(), JOHN));

        post(JOHN, chat, "message");
        assertThat(ports().roomBans().ban(chat.roomId(), JOHN)).isEmpty();
        Channel room = Channel.ofRoom(chat.roomId().value());
        assertThat(bus.published()).filteredOn(p -> p.event() instanceof RoomBanChanged)
                .containsExactly(new RecordingBus.Published(room, new RoomBanChanged(chat.roomId(), JOHN, true, "spam")),
                        new RecordingBus.Published(room, new RoomBanChanged(chat.roomId(), JOHN, false, "")));
        assertThatThrownBy(() -> moderation.unban(new UnbanCommand(TENANT, chat.roomId(), JOHN)))
                .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.kind()).isEqualTo("ban"));
    }

    @Test
    void a_ban_holds_in_its_room_only() {
        Chat banning = newChat("course-42");
        Chat other = newChat("course-43");
        ban(banning, JOHN, "");

        post(JOHN, other, "message");

        assertThat(ports().roomBans().bannedAmong(List.of(banning.roomId(), other.roomId()), List.of(JOHN, ANN)))
                .isEqualTo(Map.of(banning.roomId(), Set.of(JOHN)));
    }

    @Test
    void only_a_tenant_of_the_audience_moderates_and_an_unknown_room_is_not_found() {
        Chat chat = newChat("course-42");

        assertThatThrownBy(() -> moderation.ban(new BanCommand(JOHN, chat.roomId(), ANN, "")))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> moderation.unban(new UnbanCommand(JOHN, chat.roomId(), ANN)))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> moderation.bans(new ListBansCommand(JOHN, chat.roomId(), null, 10)))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> moderation.lockTypes(new LockTypesCommand(JOHN, chat.roomId(), List.of("pin"))))
                .isInstanceOf(AccessDenied.class);
        RoomId unknown = new RoomId(UUID.randomUUID());
        assertThatThrownBy(() -> moderation.ban(new BanCommand(TENANT, unknown, ANN, "")))
                .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.kind()).isEqualTo("room"));

        assertThat(ports().roomBans().count(chat.roomId())).isZero();
        assertThat(ports().eventRooms().room(chat.roomId()).orElseThrow().lockedTypes()).isEmpty();
        assertThat(bus.published()).noneMatch(p -> p.event() instanceof RoomBanChanged);
    }

    @Test
    void locked_types_are_kept_with_the_room_and_posted_by_tenants_alone() {
        Chat chat = newChat("course-42");

        moderation.lockTypes(new LockTypesCommand(TENANT, chat.roomId(), List.of("pin", "layout")));

        assertThat(ports().eventRooms().room(chat.roomId()).orElseThrow().lockedTypes()).containsExactly("layout", "pin");
        assertThatThrownBy(() -> post(JOHN, chat, "pin"))
                .isInstanceOfSatisfying(AccessDenied.class, e -> {
                    assertThat(e.kind()).isEqualTo("type_locked");
                    assertThat(e.getMessage()).contains("pin");
                });
        post(TENANT, chat, "pin");
        post(JOHN, chat, "message");
        // posting advances the room: the lock stays
        assertThat(ports().eventRooms().room(chat.roomId()).orElseThrow().lockedTypes()).containsExactly("layout", "pin");

        moderation.lockTypes(new LockTypesCommand(TENANT, chat.roomId(), List.of()));
        post(JOHN, chat, "pin");
    }

    @Test
    void bans_are_listed_a_page_at_a_time_in_account_order() {
        Chat chat = newChat("course-42");
        List<AccountId> banned = List.of(AccountId.parse("a.usr.example.org"), AccountId.parse("b.usr.example.org"),
                AccountId.parse("c.usr.example.org"));
        banned.forEach(account -> ban(chat, account, "r-" + account.label()));

        BanPage first = moderation.bans(new ListBansCommand(TENANT, chat.roomId(), null, 2));
        BanPage second = moderation.bans(new ListBansCommand(TENANT, chat.roomId(), first.next().orElseThrow(), 2));

        assertThat(first.bans()).extracting(RoomBan::account).containsExactly(banned.get(0), banned.get(1));
        assertThat(first.bans()).extracting(RoomBan::reason).containsExactly("r-a", "r-b");
        assertThat(second.bans()).extracting(RoomBan::account).containsExactly(banned.get(2));
        assertThat(second.next()).isEmpty();
    }

    @Test
    void two_bans_of_one_account_at_once_make_one() throws Exception {
        Chat chat = newChat("course-42");
        List<Callable<Object>> bans = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String reason = "reason " + i;
            bans.add(() -> ban(chat, JOHN, reason));
        }

        List<Object> outcomes = runAll(bans);

        List<ModerateRooms.Banned> fresh = outcomes.stream().map(ModerateRooms.Banned.class::cast)
                .filter(ModerateRooms.Banned::fresh).toList();
        assertThat(fresh).hasSize(1);
        assertThat(outcomes).allSatisfy(o -> assertThat(((ModerateRooms.Banned) o).ban()).isEqualTo(fresh.get(0).ban()));
        assertThat(ports().roomBans().count(chat.roomId())).isEqualTo(1);
        assertThat(ports().roomBans().ban(chat.roomId(), JOHN)).contains(fresh.get(0).ban());
        assertThat(bus.published()).filteredOn(p -> p.event() instanceof RoomBanChanged).hasSize(1);
    }

    @Test
    void a_ban_while_posting_lets_no_post_through_after_it() throws Exception {
        Chat chat = newChat("course-42");
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tasks.add(() -> {
                try {
                    return post(JOHN, chat, "message");
                } catch (AccessDenied refused) {
                    return refused;
                }
            });
            if (i == 10) {
                tasks.add(() -> ban(chat, JOHN, "flood"));
            }
        }

        List<Object> outcomes = runAll(tasks);

        List<Event> stored = outcomes.stream().filter(Event.class::isInstance).map(Event.class::cast).toList();
        assertThat(outcomes).filteredOn(AccessDenied.class::isInstance)
                .allSatisfy(o -> assertThat(((AccessDenied) o).kind()).isEqualTo("banned"));
        assertThat(ports().events().byIds(stored.stream().map(Event::id).toList())).hasSameSizeAs(stored);
        List<Object> told = bus.published().stream().map(RecordingBus.Published::event)
                .filter(e -> e instanceof RoomBanChanged || e instanceof ChatEventAppended).map(Object.class::cast)
                .toList();
        int banAt = told.indexOf(new RoomBanChanged(chat.roomId(), JOHN, true, "flood"));
        assertThat(banAt).as("the ban is told once, after every post that got through").isEqualTo(stored.size());
        assertThatThrownBy(() -> post(JOHN, chat, "message")).isInstanceOf(AccessDenied.class);
    }

    @Test
    void a_banned_account_may_not_subscribe_to_the_room() {
        Chat chat = newChat("course-42");
        Chat other = newChat("course-43");
        ban(chat, JOHN, "");
        SubscriptionPolicy policy = new SubscriptionPolicy(new StoredSubscriptionFacts(ports().addressBooks(),
                ports().imSessions(), tenants, ports().roomBans()));

        assertThatThrownBy(() -> policy.permitted(Listener.ofAccount(JOHN),
                List.of(Channel.ofRoom(other.roomId().value()).name(), Channel.ofRoom(chat.roomId().value()).name())))
                .isInstanceOfSatisfying(AccessDenied.class, e -> {
                    assertThat(e.kind()).isEqualTo("banned");
                    assertThat(e.getMessage()).contains(chat.roomId().toString());
                });
        assertThat(policy.permitted(Listener.ofAccount(ANN), List.of(Channel.ofRoom(chat.roomId().value()).name())))
                .containsExactly(Channel.ofRoom(chat.roomId().value()));
        assertThat(policy.permitted(Listener.ofAccount(JOHN), List.of(Channel.ofRoom(other.roomId().value()).name())))
                .containsExactly(Channel.ofRoom(other.roomId().value()));
    }
}

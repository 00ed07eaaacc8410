package dev.chatserver.domain.chats;

import dev.chatserver.domain.problem.AccessDenied;
import dev.chatserver.domain.problem.InvalidInput;
import dev.chatserver.domain.problem.Refused;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The room decides who moderates it, whom it bans and who may post which type. */
class RoomModerationTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final AccountId TENANT = AccountId.parse("backend.svc.example.org");
    private static final AccountId JOHN = AccountId.parse("john.usr.example.org");
    private static final EventRoom ROOM =
            EventRoom.open(new RoomId(UUID.randomUUID()), "example.org", JsonText.EMPTY_OBJECT, NOW);
    private static final RoomRights RIGHTS = RoomRights.ofTenants(Set.of(TENANT));

    private static NewEvent by(AccountId author, String type) {
        return new NewEvent(type, type, null, null, new JsonText("{}"), author);
    }

    @Test
    void a_tenant_bans_an_account_with_its_reason() {
        RoomBan ban = ROOM.ban(TENANT, JOHN, "spam", NOW, RIGHTS);

        assertThat(ban).isEqualTo(new RoomBan(ROOM.id(), JOHN, "spam", TENANT, NOW));
    }

    @Test
    void only_a_tenant_bans_and_a_tenant_is_never_banned() {
        assertThatThrownBy(() -> ROOM.ban(JOHN, AccountId.parse("ann.usr.example.org"), "", NOW, RIGHTS))
                .isInstanceOfSatisfying(AccessDenied.class, e -> assertThat(e.kind()).isEqualTo("access_denied"));
        assertThatThrownBy(() -> ROOM.ban(TENANT, TENANT, "", NOW, RIGHTS))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.kind()).isEqualTo("cannot_ban_tenant"));
    }

    @Test
    void a_banned_account_posts_nothing() {
        RoomRights johnBanned = new RoomRights(Set.of(TENANT), Set.of(JOHN));

        assertThatThrownBy(() -> ROOM.requirePostable(by(JOHN, "message"), johnBanned))
                .isInstanceOfSatisfying(AccessDenied.class, e -> assertThat(e.kind()).isEqualTo("banned"));
        assertThatCode(() -> ROOM.requirePostable(by(JOHN, "message"), RIGHTS)).doesNotThrowAnyException();
    }

    @Test
    void a_locked_type_is_the_tenants_alone_and_the_refusal_names_it() {
        EventRoom locked = ROOM.lockTypes(TENANT, List.of("pin", "layout", "pin"), RIGHTS);

        assertThat(locked.lockedTypes()).containsExactly("layout", "pin");
        assertThatThrownBy(() -> locked.requirePostable(by(JOHN, "pin"), RIGHTS))
                .isInstanceOfSatisfying(AccessDenied.class, e -> {
                    assertThat(e.kind()).isEqualTo("type_locked");
                    assertThat(e.field()).isEqualTo("type");
                    assertThat(e.getMessage()).startsWith("type pin is locked");
                });
        assertThatCode(() -> locked.requirePostable(by(TENANT, "pin"), RIGHTS)).doesNotThrowAnyException();
        assertThatCode(() -> locked.requirePostable(by(JOHN, "message"), RIGHTS)).doesNotThrowAnyException();
        assertThat(locked.lockTypes(TENANT, List.of(), RIGHTS).lockedTypes()).isEmpty();
    }

    @Test
    void only_a_tenant_locks_and_the_list_is_bounded() {
        assertThatThrownBy(() -> ROOM.lockTypes(JOHN, List.of("pin"), RIGHTS)).isInstanceOf(AccessDenied.class);
        List<String> tooMany = IntStream.rangeClosed(0, EventRoom.MAX_LOCKED_TYPES).mapToObj(i -> "t" + i).toList();
        assertThatThrownBy(() -> ROOM.lockTypes(TENANT, tooMany, RIGHTS))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("lockedTypes"));
        assertThatThrownBy(() -> ROOM.lockTypes(TENANT, List.of(String.join("", Collections.nCopies(256, "x"))), RIGHTS))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void locked_types_survive_appending_and_closing() {
        EventRoom locked = ROOM.lockTypes(TENANT, List.of("pin"), RIGHTS);

        EventRoom after = locked.append(NOW.plusSeconds(1), new EventId(UUID.randomUUID()), by(JOHN, "message"),
                java.util.OptionalLong.empty()).room().close(NOW.plusSeconds(2));

        assertThat(after.lockedTypes()).containsExactly("pin");
    }

    @Test
    void a_reason_is_bounded() {
        assertThatThrownBy(() -> new RoomBan(ROOM.id(), JOHN, "x".repeat(RoomBan.MAX_REASON_LENGTH + 1), TENANT, NOW))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThat(new RoomBan(ROOM.id(), JOHN, null, TENANT, NOW).reason()).isEmpty();
    }
}

package dev.chatserver.domain.im;

import dev.chatserver.domain.account.Group;
import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewSessionTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final UserId LYNX = UserId.of(1);
    private static final UserId OCELOT = UserId.of(2);
    private static final DocumentRef PARTNER_25 = new DocumentRef("res.partner", "25");

    @Test
    void a_private_session_has_one_key_whoever_opens_it() {
        UUID uuid = UUID.randomUUID();
        NewSession byLynx = NewSession.privateBetween(LYNX, OCELOT, Optional.empty(), uuid, NOW);
        NewSession byOcelot = NewSession.privateBetween(OCELOT, LYNX, Optional.empty(), UUID.randomUUID(), NOW);

        assertThat(byLynx.key()).isEqualTo(byOcelot.key())
                .isEqualTo(SessionKey.privateBetween(OCELOT, LYNX, Optional.empty()));
        assertThat(byLynx.uuid()).isEqualTo(uuid);
        assertThat(byLynx.createDate()).isEqualTo(NOW);
        assertThat(byLynx.group()).isEmpty();
        assertThat(byLynx.members()).containsExactlyInAnyOrder(LYNX, OCELOT);
        assertThat(byLynx.memberships()).containsExactly(Membership.joining(LYNX), Membership.joining(OCELOT));
    }

    @Test
    void each_document_makes_its_own_private_session() {
        NewSession plain = NewSession.privateBetween(LYNX, OCELOT, Optional.empty(), UUID.randomUUID(), NOW);
        NewSession about25 = NewSession.privateBetween(OCELOT, LYNX, Optional.of(PARTNER_25), UUID.randomUUID(), NOW);

        assertThat(about25.key()).isNotEqualTo(plain.key())
                .isEqualTo(SessionKey.privateBetween(LYNX, OCELOT, Optional.of(PARTNER_25)));
        assertThat(about25.document()).contains(PARTNER_25);
    }

    @Test
    void nobody_has_a_session_with_themselves() {
        assertThatThrownBy(() -> NewSession.privateBetween(LYNX, LYNX, Optional.empty(), UUID.randomUUID(), NOW))
                .isInstanceOfSatisfying(InvalidInput.class, p -> {
                    assertThat(p.field()).isEqualTo("userTo");
                    assertThat(p.getMessage()).isEqualTo("userTo is another user than yourself");
                });
    }

    @Test
    void a_group_session_is_the_groups_with_its_members_joining() {
        Group news = new Group(GroupId.of(9), "News", Set.of(OCELOT, LYNX));

        NewSession session = NewSession.ofGroup(news, Optional.of(PARTNER_25), UUID.randomUUID(), NOW);

        assertThat(session.key()).isEqualTo(SessionKey.ofGroup(news.id(), Optional.of(PARTNER_25)));
        assertThat(session.key()).isNotEqualTo(SessionKey.ofGroup(news.id(), Optional.empty()));
        assertThat(session.group()).contains(news.id());
        assertThat(session.document()).contains(PARTNER_25);
        assertThat(session.memberships()).containsExactly(Membership.joining(LYNX), Membership.joining(OCELOT));
    }

    @Test
    void keys_are_symmetric_and_tell_documents_apart() {
        assertThat(SessionKey.privateBetween(LYNX, OCELOT, Optional.empty()))
                .isEqualTo(SessionKey.privateBetween(OCELOT, LYNX, Optional.empty()));
        assertThat(SessionKey.privateBetween(LYNX, OCELOT, Optional.of(new DocumentRef("a|1", "2"))))
                .isNotEqualTo(SessionKey.privateBetween(LYNX, OCELOT, Optional.of(new DocumentRef("a", "1|2"))));
    }
}

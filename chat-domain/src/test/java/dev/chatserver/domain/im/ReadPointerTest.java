package dev.chatserver.domain.im;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.NotFound;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadPointerTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final MessageType TEXT = new MessageType("message");
    private static final UserId LYNX = UserId.of(1);
    private static final UserId OCELOT = UserId.of(2);
    private static final UserId PANGOLIN = UserId.of(3);

    private static ImSession session(Membership... members) {
        return new ImSession(7, UUID.randomUUID(), NOW, Optional.empty(), Optional.empty(), List.of(members));
    }

    private static ImMessage message(long id, long sessionId, UserId from) {
        return new ImMessage(id, sessionId, from, TEXT, "m" + id, NOW);
    }

    private static Membership unreadWithPointer(UserId user, long seen) {
        return new Membership(user, SessionState.OPEN, SessionStatus.ACTIVE, false, OptionalLong.empty(),
                OptionalLong.of(seen));
    }

    @Test
    void a_newcomer_has_seen_nothing_so_every_message_of_the_others_is_unread() {
        Unread unread = Membership.joining(LYNX).unreadIn(7);

        assertThat(unread).isEqualTo(new Unread(7, LYNX, 0));
        assertThat(unread.counts(message(1, 7, OCELOT))).isTrue();
        assertThat(unread.counts(message(2, 7, LYNX))).as("one's own message").isFalse();
        assertThat(unread.counts(message(3, 8, OCELOT))).as("another session's").isFalse();
    }

    @Test
    void only_messages_after_the_pointer_count() {
        Unread unread = unreadWithPointer(LYNX, 10).unreadIn(7);

        assertThat(unread.counts(message(10, 7, OCELOT))).isFalse();
        assertThat(unread.counts(message(11, 7, OCELOT))).isTrue();
    }

    @Test
    void marking_seen_moves_the_pointer_forward_and_never_back() {
        ImSession session = session(unreadWithPointer(LYNX, 10), Membership.joining(OCELOT));

        Optional<Membership> forward = session.markSeen(LYNX, message(12, 7, OCELOT), false);
        Optional<Membership> back = session.markSeen(LYNX, message(9, 7, OCELOT), false);
        Optional<Membership> same = session.markSeen(LYNX, message(10, 7, OCELOT), false);

        assertThat(forward).get().extracting(Membership::seenMessageId).isEqualTo(OptionalLong.of(12));
        assertThat(forward.get().read()).as("others' messages are newer still").isFalse();
        assertThat(back).isEmpty();
        assertThat(same).isEmpty();
    }

    @Test
    void seeing_up_to_the_newest_message_of_the_others_turns_the_session_read() {
        ImSession session = session(unreadWithPointer(LYNX, 10), Membership.joining(OCELOT));

        Membership caughtUp = session.markSeen(LYNX, message(12, 7, OCELOT), true).orElseThrow();

        assertThat(caughtUp.read()).isTrue();
        assertThat(caughtUp.seenMessageId()).isEqualTo(OptionalLong.of(12));
    }

    @Test
    void an_older_message_still_turns_an_unread_session_read_when_nothing_newer_is_unread() {
        ImSession session = session(unreadWithPointer(LYNX, 10), Membership.joining(OCELOT));

        Membership read = session.markSeen(LYNX, message(5, 7, OCELOT), true).orElseThrow();

        assertThat(read.read()).isTrue();
        assertThat(read.seenMessageId()).as("never back").isEqualTo(OptionalLong.of(10));
    }

    @Test
    void a_message_of_another_session_is_refused_naming_message_id() {
        ImSession session = session(Membership.joining(LYNX), Membership.joining(OCELOT));

        assertThatThrownBy(() -> session.markSeen(LYNX, message(3, 8, OCELOT), true))
                .isInstanceOfSatisfying(NotFound.class, p -> assertThat(p.field()).isEqualTo("messageId"));
    }

    @Test
    void a_non_member_is_refused_as_if_the_session_did_not_exist() {
        ImSession session = session(Membership.joining(LYNX), Membership.joining(OCELOT));

        assertThatThrownBy(() -> session.markSeen(PANGOLIN, message(3, 7, OCELOT), true))
                .isInstanceOfSatisfying(NotFound.class, p -> assertThat(p.field()).isEqualTo("session"));
        assertThatThrownBy(() -> session.unreadOf(PANGOLIN)).isInstanceOf(NotFound.class);
    }

    @Test
    void posting_moves_the_posters_own_pointer_to_the_message() {
        ImSession session = session(Membership.joining(LYNX), Membership.joining(OCELOT));

        PostedMessage posted = session.post(PostDraft.plain(LYNX, TEXT, "hello"), NOW).stored(41);

        assertThat(posted.session().membershipOf(LYNX).orElseThrow().seenMessageId()).isEqualTo(OptionalLong.of(41));
        assertThat(posted.session().membershipOf(OCELOT).orElseThrow().seenMessageId()).isEmpty();
    }

    @Test
    void a_post_keeps_a_pointer_that_is_further_already() {
        Membership ahead = new Membership(LYNX, SessionState.OPEN, SessionStatus.ACTIVE, true, OptionalLong.empty(),
                OptionalLong.of(50));

        assertThat(ahead.sent(41).seenMessageId()).isEqualTo(OptionalLong.of(50));
        assertThat(ahead.sent(41).lastMessageId()).isEqualTo(OptionalLong.of(41));
    }
}

package dev.chatserver.domain.im;

import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.InvalidInput;
import dev.chatserver.domain.problem.NotFound;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImSessionTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final MessageType TEXT = new MessageType("message");
    private static final UserId LYNX = UserId.of(1);
    private static final UserId OCELOT = UserId.of(2);
    private static final UserId PANGOLIN = UserId.of(3);
    private static final UserId QUETZAL = UserId.of(4);

    private static ImSession session(Membership... members) {
        return new ImSession(7, UUID.randomUUID(), NOW, Optional.of(GroupId.of(9)), Optional.empty(), List.of(members));
    }

    private static PostDraft draft(UserId sender, String content) {
        return PostDraft.plain(sender, TEXT, content);
    }

    private static Membership member(UserId user, SessionState state, boolean read) {
        return new Membership(user, state, SessionStatus.ACTIVE, read, OptionalLong.empty());
    }

    @Test
    void a_members_post_is_the_message_to_store_in_this_session() {
        ImSession session = session(Membership.joining(LYNX), Membership.joining(OCELOT));

        MessagePost post = session.post(draft(LYNX, "hello"), NOW);

        assertThat(post.message()).isEqualTo(new ImMessage(ImMessage.UNSAVED, 7, LYNX, TEXT, "hello", NOW));
        assertThat(post.message().isStored()).isFalse();
        assertThat(post.session()).isSameAs(session);
    }

    @Test
    void a_post_by_anyone_else_is_refused_as_if_the_session_did_not_exist() {
        ImSession session = session(Membership.joining(LYNX), Membership.joining(OCELOT));

        assertThatThrownBy(() -> session.post(draft(PANGOLIN, "let me in"), NOW))
                .isInstanceOfSatisfying(NotFound.class, p -> {
                    assertThat(p.kind()).isEqualTo("session");
                    assertThat(p.field()).isEqualTo("session");
                    assertThat(p.getMessage()).isEqualTo("Session does not exist");
                });
    }

    @Test
    void a_post_unreads_the_session_for_the_others_and_brings_a_closed_one_back_folded() {
        ImSession session = session(
                member(LYNX, SessionState.CLOSED, true),
                member(OCELOT, SessionState.OPEN, true),
                member(PANGOLIN, SessionState.CLOSED, false),
                member(QUETZAL, SessionState.FOLDED, false));

        MessagePost post = session.post(draft(LYNX, "hello"), NOW);

        assertThat(post.turnedUnread()).containsExactly(OCELOT);
        assertThat(post.reopenedFolded()).containsExactly(PANGOLIN);
        assertThat(post.membersChanged()).as("quetzal was unread and folded already").containsExactly(OCELOT, PANGOLIN);
        assertThat(post.othersChanged()).containsExactly(
                member(OCELOT, SessionState.OPEN, false),
                member(PANGOLIN, SessionState.FOLDED, false));
    }

    @Test
    void once_stored_the_message_is_the_senders_last_and_the_sender_keeps_their_own_view() {
        Membership closedSender = new Membership(LYNX, SessionState.CLOSED, SessionStatus.FAVORITE, false,
                OptionalLong.of(3));
        ImSession session = session(closedSender, member(OCELOT, SessionState.OPEN, true));

        PostedMessage posted = session.post(draft(LYNX, "hello"), NOW).stored(42);

        assertThat(posted.message()).isEqualTo(new ImMessage(42, 7, LYNX, TEXT, "hello", NOW));
        Membership sender = new Membership(LYNX, SessionState.CLOSED, SessionStatus.FAVORITE, false, OptionalLong.of(42),
                OptionalLong.of(42));
        Membership other = member(OCELOT, SessionState.OPEN, false);
        assertThat(posted.changed()).as("what to save, in member order").containsExactly(sender, other);
        assertThat(posted.membersChanged()).as("the sender is not told").containsExactly(OCELOT);
        assertThat(posted.session().members()).containsExactly(sender, other);
    }

    @Test
    void a_post_that_changes_no_other_member_still_becomes_the_senders_last_message() {
        ImSession session = session(Membership.joining(LYNX), member(OCELOT, SessionState.OPEN, false));

        PostedMessage posted = session.post(draft(LYNX, "again"), NOW).stored(5);

        assertThat(posted.membersChanged()).isEmpty();
        assertThat(posted.changed()).extracting(Membership::user).containsExactly(LYNX);
        assertThat(posted.changed().get(0).lastMessageId()).isEqualTo(OptionalLong.of(5));
    }

    @Test
    void a_state_change_answers_the_changed_membership_or_nothing() {
        ImSession session = session(Membership.joining(LYNX), Membership.joining(OCELOT));

        assertThat(session.changeState(LYNX, SessionState.FOLDED))
                .contains(new Membership(LYNX, SessionState.FOLDED, SessionStatus.ACTIVE, true, OptionalLong.empty()));
        assertThat(session.changeState(LYNX, SessionState.OPEN)).isEmpty();
    }

    @Test
    void a_status_change_answers_the_changed_membership_or_nothing() {
        ImSession session = session(Membership.joining(LYNX));

        assertThat(session.changeStatus(LYNX, SessionStatus.ARCHIVE))
                .contains(new Membership(LYNX, SessionState.OPEN, SessionStatus.ARCHIVE, true, OptionalLong.empty()));
        assertThat(session.changeStatus(LYNX, SessionStatus.ACTIVE)).isEmpty();
    }

    @Test
    void marking_read_changes_only_an_unread_session() {
        Membership unread = new Membership(LYNX, SessionState.FOLDED, SessionStatus.FAVORITE, false, OptionalLong.of(8));
        ImSession session = session(unread, Membership.joining(OCELOT));

        assertThat(session.markRead(LYNX)).contains(
                new Membership(LYNX, SessionState.FOLDED, SessionStatus.FAVORITE, true, OptionalLong.of(8)));
        assertThat(session.markRead(OCELOT)).isEmpty();
    }

    @Test
    void only_a_member_changes_their_view() {
        ImSession session = session(Membership.joining(LYNX));

        assertThatThrownBy(() -> session.changeState(OCELOT, SessionState.CLOSED)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> session.changeStatus(OCELOT, SessionStatus.ARCHIVE)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> session.markRead(OCELOT)).isInstanceOf(NotFound.class);
    }

    @Test
    void newcomers_are_those_not_yet_members_joining_once_each() {
        ImSession session = session(member(LYNX, SessionState.CLOSED, false));

        assertThat(session.newcomers(List.of(LYNX, OCELOT, PANGOLIN, OCELOT)))
                .containsExactly(Membership.joining(OCELOT), Membership.joining(PANGOLIN));
        assertThat(session.newcomers(List.of(LYNX))).isEmpty();
    }

    @Test
    void with_replaces_memberships_and_keeps_the_members_order() {
        ImSession session = session(Membership.joining(LYNX), Membership.joining(OCELOT));
        Membership folded = member(OCELOT, SessionState.FOLDED, true);

        ImSession changed = session.with(List.of(folded));

        assertThat(changed.members()).containsExactly(Membership.joining(LYNX), folded);
        assertThat(changed.uuid()).isEqualTo(session.uuid());
    }

    private static ImSession privateSession(UserId one, UserId other) {
        return new ImSession(8, UUID.randomUUID(), NOW, Optional.empty(), Optional.empty(),
                List.of(Membership.joining(one), Membership.joining(other)));
    }

    @Test
    void a_private_session_that_takes_a_third_member_becomes_a_session_of_its_own() {
        ImSession pair = privateSession(LYNX, PANGOLIN);

        Invitation invitation = pair.invite(LYNX, OCELOT).orElseThrow();

        assertThat(invitation.newcomer()).isEqualTo(Membership.joining(OCELOT));
        assertThat(invitation.newKey()).contains(SessionKey.adHoc(pair.uuid()));
        assertThat(invitation.newKey().orElseThrow())
                .isNotEqualTo(SessionKey.privateBetween(LYNX, PANGOLIN, Optional.empty()));
        ImSession joined = invitation.joined();
        assertThat(joined.memberIds()).as("in user order").containsExactly(LYNX, OCELOT, PANGOLIN);
        assertThat(joined.uuid()).isEqualTo(pair.uuid());
        assertThat(joined.isPrivatePair()).isFalse();
    }

    @Test
    void a_session_of_three_or_of_a_group_simply_gains_the_member() {
        ImSession three = privateSession(LYNX, OCELOT).invite(LYNX, PANGOLIN).orElseThrow().joined();
        ImSession group = session(Membership.joining(LYNX), Membership.joining(OCELOT));

        Invitation intoThree = three.invite(PANGOLIN, QUETZAL).orElseThrow();
        Invitation intoGroup = group.invite(OCELOT, QUETZAL).orElseThrow();

        assertThat(intoThree.newKey()).isEmpty();
        assertThat(intoThree.joined().memberIds()).containsExactly(LYNX, OCELOT, PANGOLIN, QUETZAL);
        assertThat(intoGroup.newKey()).isEmpty();
        assertThat(intoGroup.joined().memberIds()).containsExactly(LYNX, OCELOT, QUETZAL);
    }

    @Test
    void inviting_a_member_changes_nothing() {
        ImSession pair = privateSession(LYNX, OCELOT);

        assertThat(pair.invite(LYNX, OCELOT)).isEmpty();
        assertThat(pair.invite(LYNX, LYNX)).isEmpty();
        assertThat(pair.isPrivatePair()).isTrue();
    }

    @Test
    void only_a_member_may_invite_and_anyone_else_hears_the_session_does_not_exist() {
        ImSession pair = privateSession(LYNX, OCELOT);

        assertThatThrownBy(() -> pair.invite(PANGOLIN, QUETZAL))
                .isInstanceOfSatisfying(NotFound.class, p -> {
                    assertThat(p.kind()).isEqualTo("session");
                    assertThat(p.field()).isEqualTo("session");
                });
    }

    @Test
    void a_batch_of_posts_is_decided_at_once_a_strangers_refused_alone() {
        ImSession session = session(Membership.joining(LYNX), Membership.joining(OCELOT));

        SessionPosts decided = session.postAll(List.of(draft(LYNX, "one"),
                draft(PANGOLIN, "let me in"), draft(OCELOT, "two")), NOW);

        assertThat(decided.messages()).containsExactly(new ImMessage(ImMessage.UNSAVED, 7, LYNX, TEXT, "one", NOW),
                new ImMessage(ImMessage.UNSAVED, 7, OCELOT, TEXT, "two", NOW));
        assertThat(decided.refusalOf(0)).isEmpty();
        assertThat(decided.refusalOf(1)).hasValueSatisfying(p -> {
            assertThat(((NotFound) p).kind()).isEqualTo("session");
            assertThat(p.getMessage()).isEqualTo("Session does not exist");
        });
        assertThat(decided.refusalOf(2)).isEmpty();
        assertThat(decided.messageOf(2).content()).isEqualTo("two");
        assertThatThrownBy(() -> decided.messageOf(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_stored_batch_applies_each_post_on_the_session_as_the_one_before_left_it() {
        ImSession session = session(member(LYNX, SessionState.OPEN, true), member(OCELOT, SessionState.CLOSED, true),
                member(PANGOLIN, SessionState.OPEN, true));

        StoredPosts stored = session.postAll(List.of(draft(LYNX, "one"),
                draft(OCELOT, "two"), draft(LYNX, "three")), NOW).stored(List.of(10L, 11L, 12L));

        assertThat(stored.posted()).extracting(p -> p.message().id()).containsExactly(10L, 11L, 12L);
        assertThat(stored.posted().get(0).membersChanged()).containsExactly(OCELOT, PANGOLIN);
        assertThat(stored.posted().get(1).membersChanged()).as("lynx turns unread; pangolin is already")
                .containsExactly(LYNX);
        assertThat(stored.posted().get(1).session().membershipOf(LYNX).orElseThrow().lastMessageId())
                .as("the post before made it lynx's last").hasValue(10);
        assertThat(stored.posted().get(2).membersChanged()).as("ocelot and pangolin are unread already").isEmpty();
        assertThat(stored.session()).isEqualTo(stored.posted().get(2).session());
        Membership lynx = stored.session().membershipOf(LYNX).orElseThrow();
        Membership ocelot = stored.session().membershipOf(OCELOT).orElseThrow();
        assertThat(lynx.lastMessageId()).hasValue(12);
        assertThat(lynx.read()).isFalse();
        assertThat(ocelot.lastMessageId()).hasValue(11);
        assertThat(ocelot.state()).as("a closed session comes back folded").isEqualTo(SessionState.FOLDED);
        assertThat(ocelot.read()).isFalse();
        assertThat(stored.changed()).as("each changed membership once, as the last post left it, in user order")
                .containsExactly(lynx, ocelot, stored.session().membershipOf(PANGOLIN).orElseThrow());
    }

    @Test
    void a_stored_batch_is_what_posting_one_by_one_gives() {
        ImSession session = session(Membership.joining(LYNX), member(OCELOT, SessionState.CLOSED, true));

        StoredPosts stored = session.postAll(List.of(draft(OCELOT, "a"),
                draft(LYNX, "b")), NOW).stored(List.of(1L, 2L));
        PostedMessage first = session.post(draft(OCELOT, "a"), NOW).stored(1);
        PostedMessage second = first.session().post(draft(LYNX, "b"), NOW).stored(2);

        assertThat(stored.posted()).containsExactly(first, second);
        assertThatThrownBy(() -> session.postAll(List.of(draft(LYNX, "x")), NOW).stored(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_reply_answers_a_message_of_its_own_session_only() {
        ImSession session = session(Membership.joining(LYNX), Membership.joining(OCELOT));
        ImMessage here = new ImMessage(40, 7, LYNX, TEXT, "question", NOW);
        ImMessage elsewhere = new ImMessage(41, 8, LYNX, TEXT, "other session", NOW);

        SessionPosts decided = session.postAll(List.of(reply(OCELOT, 40), reply(OCELOT, 41), reply(OCELOT, 99),
                reply(PANGOLIN, 40)), List.of(here, elsewhere), NOW);

        assertThat(decided.refusalOf(0)).isEmpty();
        assertThat(decided.messageOf(0).replyToId()).contains(40L);
        for (int refused : new int[]{1, 2}) {
            assertThat(decided.refusalOf(refused)).as("post %d", refused).hasValueSatisfying(p -> {
                assertThat(p).isInstanceOf(InvalidInput.class);
                assertThat(p.field()).isEqualTo("replyToId");
            });
        }
        assertThat(decided.refusalOf(3)).as("a stranger hears of the session first")
                .hasValueSatisfying(p -> assertThat(p).isInstanceOf(NotFound.class));
        assertThatThrownBy(() -> session.post(reply(OCELOT, 40), NOW))
                .as("a single post without the message it answers")
                .isInstanceOfSatisfying(InvalidInput.class, p -> assertThat(p.field()).isEqualTo("replyToId"));
    }

    private static PostDraft reply(UserId sender, long to) {
        return new PostDraft(sender, TEXT, "re", List.of(), Optional.of(to));
    }
}

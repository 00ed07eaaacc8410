package dev.chatserver.application.contract;

import dev.chatserver.application.im.ImPolicy;
import dev.chatserver.application.port.in.im.BlockCommand;
import dev.chatserver.application.port.in.im.CreateGroupCommand;
import dev.chatserver.application.port.in.im.OpenSessionCommand;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.Block;
import dev.chatserver.domain.im.GroupName;
import dev.chatserver.domain.problem.AccessDenied;
import dev.chatserver.domain.problem.ChatProblem;
import dev.chatserver.domain.problem.InvalidInput;
import dev.chatserver.domain.problem.NotFound;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Blocking on each storage: what the blocked user can no longer do, and what they are told. */
public abstract class BlockingContract extends ImContract {
    @Override
    protected ImPolicy policy() {
        return new ImPolicy(ImPolicy.STANDARD_TYPES, 1000, 20, 50);
    }

    private static void assertProblem(ThrowingCallable call, Class<? extends ChatProblem> type, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(type, p -> assertThat(p.field()).isEqualTo(field));
    }

    @Test
    void a_blocked_user_can_neither_open_a_private_session_with_the_blocker_nor_post_into_theirs() {
        SessionView pair = im.openPrivate(ocelot, lynx);
        im.post(ocelot, pair, "hello");

        assertThat(im.blocking.block(new BlockCommand(lynx, ocelot.id()))).containsExactly(ocelot.id());

        assertThatThrownBy(() -> im.openPrivate(ocelot, lynx)).isInstanceOfSatisfying(AccessDenied.class, p -> {
            assertThat(p.field()).isEqualTo("userTo");
            assertThat(p.getMessage()).isEqualTo("You cannot write to this user");
        });
        assertProblem(() -> im.post(ocelot, pair, "are you there?"), AccessDenied.class, "session");
        assertThat(im.post(lynx, pair, "the blocker still may").message()).isEqualTo("the blocker still may");
        assertThat(im.post(ocelot, im.openPrivate(ocelot, pangolin), "others are unaffected").message())
                .isEqualTo("others are unaffected");

        assertThat(im.blocking.unblock(new BlockCommand(lynx, ocelot.id()))).isEmpty();
        assertThat(im.openPrivate(ocelot, lynx).uuid()).isEqualTo(pair.uuid());
        assertThat(im.post(ocelot, pair, "thanks").message()).isEqualTo("thanks");
    }

    @Test
    void a_group_both_are_in_is_not_a_private_session_and_stays_open_to_both() {
        im.blocking.block(new BlockCommand(lynx, ocelot.id()));
        SessionView group = im.createGroup.create(new CreateGroupCommand(pangolin, new GroupName("All"),
                List.of(lynx.id(), ocelot.id())));

        assertThat(im.post(ocelot, group, "hi all").message()).isEqualTo("hi all");
    }

    @Test
    void blocking_is_idempotent_names_the_user_and_refuses_oneself() {
        im.blocking.block(new BlockCommand(lynx, ocelot.id()));
        assertThat(im.blocking.block(new BlockCommand(lynx, pangolin.id())))
                .containsExactly(ocelot.id(), pangolin.id());
        assertThat(im.blocking.block(new BlockCommand(lynx, ocelot.id()))).containsExactly(ocelot.id(), pangolin.id());
        assertProblem(() -> im.blocking.block(new BlockCommand(lynx, lynx.id())), InvalidInput.class, "user");
        assertProblem(() -> im.blocking.block(new BlockCommand(lynx, UserId.of(999))), NotFound.class, "user");
        assertProblem(() -> new BlockCommand(lynx, null), InvalidInput.class, "user");
        assertThat(im.blocking.blocked(ocelot)).isEmpty();
    }

    @Test
    void the_store_finds_which_of_many_blocks_exist_in_one_read() {
        ports().userBlocks().add(new Block(lynx.id(), ocelot.id()));
        ports().userBlocks().add(new Block(pangolin.id(), lynx.id()));

        assertThat(ports().userBlocks().existing(List.of(new Block(lynx.id(), ocelot.id()),
                new Block(ocelot.id(), lynx.id()), new Block(lynx.id(), pangolin.id()),
                new Block(pangolin.id(), lynx.id())))).containsExactlyInAnyOrder(
                new Block(lynx.id(), ocelot.id()), new Block(pangolin.id(), lynx.id()));
        assertThat(ports().userBlocks().countBlockedBy(lynx.id())).isEqualTo(1);
        assertThat(ports().userBlocks().remove(new Block(lynx.id(), ocelot.id()))).isTrue();
        assertThat(ports().userBlocks().remove(new Block(lynx.id(), ocelot.id()))).isFalse();
    }
}

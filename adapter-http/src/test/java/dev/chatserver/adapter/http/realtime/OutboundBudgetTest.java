package dev.chatserver.adapter.http.realtime;

import dev.chatserver.application.port.in.realtime.ByteBounds;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundBudgetTest {
    /** 100 bytes per socket, 250 per user, 400 for the node. */
    private final OutboundBudget budget = new OutboundBudget(new ByteBounds(100, 250, 400, 50, 1_000));
    private final List<String> evictions = new ArrayList<>();

    private OutboundBudget.Account socketOf(String holder, String name) {
        return budget.open(holder, reason -> evictions.add(name + ": " + reason));
    }

    @Test
    void a_frame_past_the_sockets_own_bound_closes_that_socket_and_releases_what_it_held() {
        OutboundBudget.Account lynx = socketOf("user:1", "lynx");
        OutboundBudget.Account ocelot = socketOf("user:2", "ocelot");
        assertThat(lynx.take(60)).isTrue();
        assertThat(ocelot.take(60)).isTrue();

        assertThat(lynx.take(41)).isFalse();

        assertThat(lynx.closeReason()).isEqualTo(OutboundBudget.OWN_BOUND);
        assertThat(lynx.held()).isZero();
        assertThat(budget.held()).isEqualTo(60);
        assertThat(lynx.take(1)).as("a closed socket takes nothing more").isFalse();
        assertThat(ocelot.take(40)).isTrue();
        assertThat(budget.closedForBytes()).isEqualTo(1);
        assertThat(evictions).as("the socket that overflowed closes itself; nobody else is told").isEmpty();
    }

    @Test
    void a_socket_that_holds_nothing_takes_one_frame_larger_than_its_bound() {
        OutboundBudget.Account lynx = socketOf("user:1", "lynx");

        assertThat(lynx.take(150)).isTrue();
        assertThat(lynx.take(1)).isFalse();
    }

    @Test
    void written_frames_are_released_and_make_room_again() {
        OutboundBudget.Account lynx = socketOf("user:1", "lynx");
        assertThat(lynx.take(90)).isTrue();

        lynx.release(90);

        assertThat(lynx.held()).isZero();
        assertThat(budget.held()).isZero();
        assertThat(lynx.take(90)).isTrue();
        assertThat(lynx.take(10)).isTrue();
        assertThat(lynx.take(1)).isFalse();
    }

    @Test
    void a_closed_socket_releases_everything_and_a_late_release_counts_nothing() {
        OutboundBudget.Account lynx = socketOf("user:1", "lynx");
        OutboundBudget.Account ocelot = socketOf("user:2", "ocelot");
        lynx.take(80);
        ocelot.take(30);

        lynx.close();
        lynx.release(80);

        assertThat(budget.held()).isEqualTo(30);
        assertThat(lynx.closeReason()).as("closed for another reason than a bound").isNull();
        assertThat(budget.closedForBytes()).isZero();
    }

    @Test
    void past_the_users_bound_that_users_fullest_socket_is_closed_and_no_other_users() {
        OutboundBudget.Account first = socketOf("user:1", "first");
        OutboundBudget.Account second = socketOf("user:1", "second");
        OutboundBudget.Account third = socketOf("user:1", "third");
        OutboundBudget.Account ocelot = socketOf("user:2", "ocelot");
        assertThat(ocelot.take(90)).isTrue();
        assertThat(first.take(90)).isTrue();
        assertThat(second.take(70)).isTrue();
        assertThat(third.take(60)).isTrue();

        assertThat(third.take(40)).as("250 per user: the fullest socket of the user gives way").isTrue();

        assertThat(evictions).containsExactly("first: " + OutboundBudget.USER_BOUND);
        assertThat(first.closeReason()).isEqualTo(OutboundBudget.USER_BOUND);
        assertThat(ocelot.held()).isEqualTo(90);
        assertThat(budget.held()).isEqualTo(90 + 70 + 100);
    }

    @Test
    void past_the_users_bound_the_socket_appended_to_closes_when_it_is_the_fullest() {
        OutboundBudget.Account first = socketOf("user:1", "first");
        OutboundBudget.Account second = socketOf("user:1", "second");
        OutboundBudget.Account third = socketOf("user:1", "third");
        first.take(90);
        second.take(80);
        third.take(75);

        assertThat(first.take(10)).isFalse();

        assertThat(first.closeReason()).isEqualTo(OutboundBudget.USER_BOUND);
        assertThat(evictions).isEmpty();
        assertThat(budget.held()).isEqualTo(80 + 75);
    }

    @Test
    void past_the_nodes_bound_the_fullest_socket_on_the_node_is_closed_whoever_appends() {
        OutboundBudget.Account slow = socketOf("user:1", "slow");
        OutboundBudget.Account alsoSlow = socketOf("user:1", "alsoSlow");
        OutboundBudget.Account busy = socketOf("user:2", "busy");
        OutboundBudget.Account reader = socketOf("user:3", "reader");
        OutboundBudget.Account other = socketOf("user:4", "other");
        slow.take(100);
        alsoSlow.take(100);
        busy.take(90);
        other.take(90);

        assertThat(reader.take(40)).as("400 for the node: the fullest socket gives way").isTrue();

        assertThat(evictions).containsExactly("slow: " + OutboundBudget.NODE_BOUND);
        assertThat(budget.held()).isEqualTo(100 + 90 + 90 + 40);
        assertThat(reader.held()).isEqualTo(40);
    }

    @Test
    void every_socket_of_a_holder_gone_leaves_nothing_counted_for_it() {
        OutboundBudget.Account first = socketOf("user:1", "first");
        first.take(100);
        first.close();
        OutboundBudget.Account again = socketOf("user:1", "again");

        assertThat(again.take(100)).isTrue();
        assertThat(again.take(100)).as("its own bound, not a stale count of the user").isFalse();
        assertThat(again.closeReason()).isEqualTo(OutboundBudget.OWN_BOUND);
    }
}

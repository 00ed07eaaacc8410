package dev.chatserver.application.write;

import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.domain.problem.NotFound;
import dev.chatserver.domain.problem.Overloaded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The writer batches what waits, answers each write once its unit committed, and keeps a bad write to itself. */
class GroupCommitTest {
    private final StagingTransactions transactions = new StagingTransactions();
    private final GatedLane lane = new GatedLane(transactions);
    private GroupCommit writer = new GroupCommit(transactions, new WriteLimits(100, 50));

    @AfterEach
    void stop() {
        lane.open();
        writer.close();
    }

    @Test
    void writes_waiting_while_the_writer_is_busy_are_stored_in_one_unit_in_arrival_order() throws Exception {
        lane.closeGate();
        CompletableFuture<String> first = writer.submit(lane, "first");
        lane.awaitHeld();
        List<CompletableFuture<String>> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waiting.add(writer.submit(lane, "w" + i));
        }
        lane.open();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("stored first");
        for (int i = 0; i < 5; i++) {
            assertThat(waiting.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("stored w" + i);
        }
        assertThat(lane.batches).containsExactly(List.of("first"), List.of("w0", "w1", "w2", "w3", "w4"));
        assertThat(transactions.commits).as("one commit per batch, not per write").hasValue(2);
        assertThat(transactions.committed).containsExactly("first", "w0", "w1", "w2", "w3", "w4");
    }

    @Test
    void a_write_alone_is_stored_at_once() throws Exception {
        assertThat(writer.write(lane, "alone")).isEqualTo("stored alone");
        assertThat(writer.submit(lane, "next").get(10, TimeUnit.SECONDS)).isEqualTo("stored next");
        assertThat(lane.batches).containsExactly(List.of("alone"), List.of("next"));
    }

    @Test
    void a_write_its_aggregate_refuses_fails_alone_and_its_neighbours_share_the_unit() throws Exception {
        List<CompletableFuture<String>> answers = heldBatch("a", "refuse", "b");

        assertThat(answers.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("stored a");
        assertThat(answers.get(2).get(10, TimeUnit.SECONDS)).isEqualTo("stored b");
        assertThatThrownBy(() -> writer.write(lane, "refuse")).isInstanceOf(NotFound.class);
        assertThat(lane.batches.get(1)).containsExactly("a", "refuse", "b");
        assertThat(transactions.committed).containsExactly("held", "a", "b");
    }

    @Test
    void a_write_that_breaks_the_unit_fails_alone_and_the_others_are_stored_once() throws Exception {
        List<CompletableFuture<String>> answers = heldBatch("a", "boom", "b");

        assertThat(answers.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("stored a");
        assertThat(answers.get(2).get(10, TimeUnit.SECONDS)).isEqualTo("stored b");
        assertThat(answers.get(1)).failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(IllegalStateException.class);
        assertThat(transactions.committed).as("the rolled back batch left nothing").containsExactly("held", "a", "b");
    }

    @Test
    void the_lane_learns_how_many_of_its_writes_are_durable_once_committed_and_before_they_are_answered()
            throws Exception {
        List<CompletableFuture<String>> answers = heldBatch("a", "refuse", "b", "boom", "c");
        answers.get(4).get(10, TimeUnit.SECONDS);
        assertThat(answers.get(1)).failsWithin(Duration.ofSeconds(10));

        // "held" alone, then the broken batch retried write by write: a, b, c stored one by one
        assertThat(lane.storedCalls).containsExactly("1 after 1 committed", "1 after 2 committed",
                "1 after 3 committed", "1 after 4 committed");

        transactions.failNextCommit.set(true);
        assertThatThrownBy(() -> writer.write(lane, "lost")).isInstanceOf(IllegalStateException.class);
        assertThat(lane.storedCalls).as("nothing durable, nothing counted").hasSize(4);
    }

    @Test
    void a_failed_commit_fails_its_whole_batch_and_is_not_retried() throws Exception {
        transactions.failNextCommit.set(true);
        assertThatThrownBy(() -> writer.write(lane, "lost")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("commit failed");
        assertThat(lane.batches).containsExactly(List.of("lost"));
    }

    @Test
    void a_batch_the_storage_cannot_take_fails_whole_as_overloaded_without_each_write_tried_alone() throws Exception {
        lane.closeGate();
        CompletableFuture<String> first = writer.submit(lane, "first");
        lane.awaitHeld();
        List<CompletableFuture<String>> waiting = List.of(writer.submit(lane, "a"), writer.submit(lane, "b"));
        transactions.unreachable.set(true);
        lane.open();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("stored first");
        assertThat(waiting).allSatisfy(answer -> assertThat(answer).failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(Overloaded.class));
        assertThat(transactions.unitsRefused).as("one unit tried, not one per write").hasValue(1);

        transactions.unreachable.set(false);
        assertThat(writer.write(lane, "back")).isEqualTo("stored back");
    }

    @Test
    void a_writer_ended_by_an_error_answers_its_writes_refuses_later_ones_and_no_longer_serves() throws Exception {
        assertThat(writer.serving()).isTrue();
        List<CompletableFuture<String>> answers = heldBatch("a", "out of memory");

        assertThat(answers).allSatisfy(answer -> assertThat(answer).failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(Overloaded.class));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (writer.serving() && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // the writer thread ends right after answering
        }
        assertThat(writer.serving()).as("the writer thread ended").isFalse();
        assertThatThrownBy(() -> writer.submit(lane, "later")).isInstanceOf(Overloaded.class);
    }

    @Test
    void past_the_bound_a_write_is_refused_at_once_as_overloaded() throws Exception {
        writer.close();
        writer = new GroupCommit(transactions, new WriteLimits(2, 50));
        lane.closeGate();
        CompletableFuture<String> held = writer.submit(lane, "held");
        lane.awaitHeld();
        CompletableFuture<String> queued1 = writer.submit(lane, "q1");
        CompletableFuture<String> queued2 = writer.submit(lane, "q2");

        assertThatThrownBy(() -> writer.submit(lane, "one too many")).isInstanceOfSatisfying(Overloaded.class,
                overloaded -> assertThat(overloaded.retryAfter()).isPositive());
        lane.open();
        assertThat(List.of(held, queued1, queued2)).allSatisfy(answer ->
                assertThat(answer).succeedsWithin(Duration.ofSeconds(10)));
        assertThat(writer.write(lane, "later")).as("room again once the queue drained").isEqualTo("stored later");
    }

    @Test
    void past_the_bytes_bound_a_write_is_refused_at_once_and_its_bytes_come_back_once_answered() throws Exception {
        writer.close();
        writer = new GroupCommit(transactions, new WriteLimits(100, 50, 40));
        lane.closeGate();
        CompletableFuture<String> held = writer.submit(lane, "a".repeat(10));
        lane.awaitHeld();
        CompletableFuture<String> queued = writer.submit(lane, "b".repeat(10));
        assertThat(writer.heldBytes()).as("held until answered, the one being stored included").isEqualTo(40);

        assertThatThrownBy(() -> writer.submit(lane, "c")).isInstanceOfSatisfying(Overloaded.class,
                overloaded -> assertThat(overloaded.retryAfter()).isPositive());
        assertThat(writer.heldBytes()).as("a refused write holds nothing").isEqualTo(40);
        lane.open();
        assertThat(List.of(held, queued)).allSatisfy(answer ->
                assertThat(answer).succeedsWithin(Duration.ofSeconds(10)));
        assertThat(writer.heldBytes()).isZero();
        assertThat(writer.write(lane, "x".repeat(100))).as("a write alone is taken however large")
                .isEqualTo("stored " + "x".repeat(100));
        assertThat(writer.heldBytes()).isZero();
    }

    @Test
    void each_lane_gets_its_writes_in_arrival_order_and_the_lanes_run_in_one_fixed_order() throws Exception {
        OtherLane other = new OtherLane(transactions);
        lane.closeGate();
        CompletableFuture<String> held = writer.submit(lane, "held");
        lane.awaitHeld();
        List<CompletableFuture<String>> answers = List.of(writer.submit(other, "b1"), writer.submit(lane, "a1"),
                writer.submit(other, "b2"), writer.submit(lane, "a2"));
        lane.open();

        assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo("stored held");
        assertThat(answers).allSatisfy(answer -> assertThat(answer).succeedsWithin(Duration.ofSeconds(10)));
        assertThat(transactions.committed).as("GatedLane before OtherLane, by name, whatever arrived first")
                .containsExactly("held", "a1", "a2", "b1", "b2");
        assertThat(transactions.commits).as("both lanes in one unit").hasValue(2);
    }

    /** Stores each write as "stored <write>". */
    static final class OtherLane implements WriteLane<String, String> {
        private final StagingTransactions transactions;

        OtherLane(StagingTransactions transactions) {
            this.transactions = transactions;
        }

        @Override
        public long bytesOf(String command) {
            return 2L * command.length();
        }

        @Override
        public List<Answer<String>> write(List<String> commands) {
            commands.forEach(transactions::store);
            return commands.stream().map(command -> Answer.done("stored " + command)).toList();
        }
    }

    /** A first write held in the lane while {@code writes} queue up behind it; they then form one batch. */
    private List<CompletableFuture<String>> heldBatch(String... writes) throws Exception {
        lane.closeGate();
        CompletableFuture<String> held = writer.submit(lane, "held");
        lane.awaitHeld();
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (String write : writes) {
            answers.add(writer.submit(lane, write));
        }
        lane.open();
        assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo("stored held");
        return answers;
    }

    /** Stages what a unit stores and keeps it only when the unit ends without an exception. */
    static final class StagingTransactions implements Transactions {
        final List<String> committed = new CopyOnWriteArrayList<>();
        final java.util.concurrent.atomic.AtomicInteger commits = new java.util.concurrent.atomic.AtomicInteger();
        final AtomicBoolean failNextCommit = new AtomicBoolean();
        private final ThreadLocal<List<String>> staged = new ThreadLocal<>();

        void store(String write) {
            staged.get().add(write);
        }

        /** The storage is away: every unit from now on fails before its work, as the JDBC adapter's does. */
        final AtomicBoolean unreachable = new AtomicBoolean();
        final java.util.concurrent.atomic.AtomicInteger unitsRefused = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            if (unreachable.get()) {
                unitsRefused.incrementAndGet();
                throw new Overloaded(Duration.ofSeconds(2), "the database cannot be reached; retry shortly");
            }
            staged.set(new ArrayList<>());
            try {
                T result = work.get();
                if (failNextCommit.getAndSet(false)) {
                    throw new IllegalStateException("commit failed");
                }
                committed.addAll(staged.get());
                commits.incrementAndGet();
                return result;
            } finally {
                staged.remove();
            }
        }

        @Override
        public void afterCommit(Runnable action) {
            action.run();
        }
    }

    /** Stores each write as "stored <write>"; refuses "refuse", breaks the unit on "boom", can hold its first call. */
    static final class GatedLane implements WriteLane<String, String> {
        final List<List<String>> batches = new CopyOnWriteArrayList<>();
        /** What {@link #stored} was told, with what was committed when it was told. */
        final List<String> storedCalls = new CopyOnWriteArrayList<>();
        private final StagingTransactions transactions;
        private volatile CountDownLatch gate = new CountDownLatch(0);
        private final CountDownLatch held = new CountDownLatch(1);

        GatedLane(StagingTransactions transactions) {
            this.transactions = transactions;
        }

        void closeGate() {
            gate = new CountDownLatch(1);
        }

        void open() {
            gate.countDown();
        }

        void awaitHeld() throws InterruptedException {
            assertThat(held.await(10, TimeUnit.SECONDS)).as("the writer reached the lane").isTrue();
        }

        @Override
        public void stored(int count) {
            storedCalls.add(count + " after " + transactions.committed.size() + " committed");
        }

        @Override
        public long bytesOf(String command) {
            return 2L * command.length();
        }

        @Override
        public List<Answer<String>> write(List<String> commands) {
            batches.add(List.copyOf(commands));
            held.countDown();
            try {
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (commands.contains("out of memory")) {
                throw new OutOfMemoryError("a test's: the heap ran out");
            }
            if (commands.contains("boom")) {
                transactions.store("half of a broken batch");
                throw new IllegalStateException("boom");
            }
            List<Answer<String>> answers = new ArrayList<>();
            for (String command : commands) {
                if (command.equals("refuse")) {
                    answers.add(Answer.refused(new NotFound("thing", "id", "no such thing")));
                } else {
                    transactions.store(command);
                    answers.add(Answer.done("stored " + command));
                }
            }
            return answers;
        }
    }
}

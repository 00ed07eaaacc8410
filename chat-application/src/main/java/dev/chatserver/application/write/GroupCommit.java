package dev.chatserver.application.write;

import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.domain.problem.Overloaded;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Group commit in the application: one writer thread takes every write waiting at that moment (up to
 * {@link WriteLimits#batch()}), stores them in one unit of work, so that one commit (and on H2 one flush) makes
 * them all durable, and only then answers each. When idle it blocks on the queue: a write arriving alone is
 * stored at once, never held back for a batch to fill. Each lane's writes are stored in the order they
 * arrived, so one session's messages get growing ids in the order their posters were answered.
 *
 * <p>The queue is bounded in writes and in bytes ({@link WriteLimits}): past either a write is refused at once
 * with {@link Overloaded}, so overload costs neither memory nor minutes of latency. A write's bytes count from
 * its arrival until it is answered; a write arriving at an empty queue is always taken, however large.
 */
public final class GroupCommit implements AutoCloseable {
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** The writer thread's name, as thread dumps show it. */
    public static final String THREAD_NAME = "group-commit";

    /** Tells the writer to stop once the writes before it are answered. */
    private static final Pending<?, ?> STOP = new Pending<>(null, null, null);

    private final Transactions transactions;
    private final WriteLimits limits;
    private final BlockingQueue<Pending<?, ?>> queue;
    /** The bytes of the writes waiting or being stored, until each is answered. */
    private final AtomicLong heldBytes = new AtomicLong();
    private final Thread writer;
    /**
     * Completes the answers, so that what waits on them (an HTTP answer written by an async route) runs there
     * and not on the writer, which goes on to the next batch.
     */
    private final ExecutorService answering;
    private volatile boolean closed;

    @Inject
    public GroupCommit(Transactions transactions, WriteLimits limits) {
        this.transactions = transactions;
        this.limits = limits;
        this.queue = new ArrayBlockingQueue<>(limits.queued());
        AtomicInteger answerers = new AtomicInteger();
        this.answering = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), task -> {
            Thread thread = new Thread(task, THREAD_NAME + "-answer-" + answerers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.writer = new Thread(this::writeUntilClosed, THREAD_NAME);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Stores {@code command} with whatever else is waiting, and answers once it is durable. */
    public <C, R> R write(WriteLane<C, R> lane, C command) {
        try {
            return submit(lane, command).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Like {@link #write}, without holding the caller's thread: the answer completes once it is durable. */
    public <C, R> CompletableFuture<R> submit(WriteLane<C, R> lane, C command) {
        if (!serving()) {
            throw busy();
        }
        long bytes = lane.bytesOf(command);
        long held = heldBytes.addAndGet(bytes);
        if (held > limits.queuedBytes() && held > bytes) {
            heldBytes.addAndGet(-bytes);
            throw busy();
        }
        Pending<C, R> pending = new Pending<>(lane, command, new CompletableFuture<>());
        pending.answer.whenComplete((answer, failure) -> heldBytes.addAndGet(-bytes));
        if (!queue.offer(pending)) {
            pending.answer.cancel(false);
            throw busy();
        }
        return pending.answer;
    }

    /** The bytes of the writes waiting or being stored now. */
    public long heldBytes() {
        return heldBytes.get();
    }

    /**
     * Whether the writer can still store: it is running and not closed. An Error (an OutOfMemoryError) ends the
     * writer thread; from then on every write is refused and the node reports itself down ({@code /healthz}).
     */
    public boolean serving() {
        return !closed && writer.isAlive();
    }

    /** How many writes wait for the writer now (not counting the batch it is storing). */
    public int waiting() {
        return queue.size();
    }

    private static Overloaded busy() {
        return new Overloaded(RETRY_AFTER, "too many writes waiting; retry shortly");
    }

    private void writeUntilClosed() {
        List<Pending<?, ?>> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            queue.drainTo(batch, limits.batch() - 1);
            stopping = batch.remove(STOP);
            try {
                if (!batch.isEmpty()) {
                    writeBatch(batch);
                }
            } catch (Error fatal) {
                // the writer ends here: its writes, and those still waiting, are answered rather than left hanging
                queue.drainTo(batch);
                batch.stream().filter(pending -> pending != STOP)
                        .forEach(pending -> pending.answer.completeExceptionally(busy()));
                throw fatal;
            }
            batch.clear();
        }
        queue.drainTo(batch);
        batch.stream().filter(pending -> pending != STOP)
                .forEach(pending -> pending.answer.completeExceptionally(busy()));
    }

    private void writeBatch(List<Pending<?, ?>> batch) {
        boolean[] written = {false};
        Decided decided;
        try {
            decided = transactions.inTransaction(() -> {
                Decided lanes = writeInLanes(batch);
                written[0] = true;
                return lanes;
            });
        } catch (RuntimeException failure) {
            if (written[0] || batch.size() == 1 || failure instanceof Overloaded) {
                // the commit itself failed (or the one write did): retrying could store a write twice; or the
                // storage cannot take any write now (it is unreachable): each alone would fail the same way, slowly
                batch.forEach(pending -> answering.execute(() -> pending.answer.completeExceptionally(failure)));
                return;
            }
            // one write broke the unit: each is tried alone, so only the one that caused it fails
            batch.forEach(pending -> writeBatch(List.of(pending)));
            return;
        }
        decided.stored().forEach(Runnable::run);
        decided.answers().forEach(answering::execute);
    }

    /** What a unit of work decided: what each lane learns once it is durable, then each write's answer. */
    private record Decided(List<Runnable> stored, List<Runnable> answers) {
    }

    /**
     * Hands each lane its writes, in the order they arrived, and the lanes in one fixed order (by name): every
     * writer, on every node, then takes its locks lane after lane in the same order (e.g. event rooms before
     * session members), so two batches never wait on each other crosswise. Answers to give once durable.
     */
    private static Decided writeInLanes(List<Pending<?, ?>> batch) {
        Map<WriteLane<?, ?>, List<Pending<?, ?>>> byLane = new LinkedHashMap<>();
        batch.forEach(pending -> byLane.computeIfAbsent(pending.lane, lane -> new ArrayList<>()).add(pending));
        Decided decided = new Decided(new ArrayList<>(byLane.size()), new ArrayList<>(batch.size()));
        byLane.entrySet().stream()
                .sorted(Comparator.comparing(entry -> entry.getKey().getClass().getName()))
                .forEach(entry -> writeRun(entry.getValue(), decided));
        return decided;
    }

    @SuppressWarnings("unchecked")
    private static <C, R> void writeRun(List<Pending<?, ?>> run, Decided decided) {
        List<Pending<C, R>> typed = run.stream().map(p -> (Pending<C, R>) p).toList();
        WriteLane<C, R> lane = typed.get(0).lane;
        List<Answer<R>> answers = lane.write(typed.stream().map(Pending::command).toList());
        if (answers.size() != typed.size()) {
            throw new IllegalStateException("a lane answered " + answers.size() + " of " + typed.size() + " writes");
        }
        int done = 0;
        for (int i = 0; i < typed.size(); i++) {
            CompletableFuture<R> future = typed.get(i).answer;
            Answer<R> answer = answers.get(i);
            if (answer.stored()) {
                done++;
            }
            decided.answers().add(answer.problem() == null ? () -> future.complete(answer.result())
                    : () -> future.completeExceptionally(answer.problem()));
        }
        if (done > 0) {
            int stored = done;
            decided.stored().add(() -> lane.stored(stored));
        }
    }

    /** Stops the writer once the write in progress is answered; writes still waiting are refused as overloaded. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // not an interrupt: that would close H2's file channel under a write in progress
            queue.put(STOP);
            writer.join();
            answering.shutdown();
            answering.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Pending<C, R>(WriteLane<C, R> lane, C command, CompletableFuture<R> answer) {
    }
}

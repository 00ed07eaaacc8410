package dev.chatserver.adapter.jdbc;

/**
 * What a unit of work waits for after it commits and before it answers: that what it committed survives the
 * process being killed. PostgreSQL's commit already is durable (synchronous_commit); H2's is not.
 */
interface DurabilityBarrier extends AutoCloseable {
    DurabilityBarrier COMMIT_IS_DURABLE = new DurabilityBarrier() {
        @Override
        public void awaitDurable() {
            // the commit itself was flushed
        }

        @Override
        public void close() {
            // nothing to stop
        }
    };

    /** Returns once everything committed before the call is on disk. */
    void awaitDurable();

    @Override
    void close();
}

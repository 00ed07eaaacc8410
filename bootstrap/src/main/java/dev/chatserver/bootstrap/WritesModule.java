package dev.chatserver.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.write.ClientKeys;
import dev.chatserver.application.write.GroupCommit;
import dev.chatserver.application.write.WriteLimits;

/**
 * The one group-commit writer that stores posts and chat events, with its bounds, and the one rule of client keys
 * its lanes share.
 */
final class WritesModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ClientKeys.class).in(Scopes.SINGLETON);
    }

    @Provides
    @Singleton
    WriteLimits writeLimits(ChatOptions options) {
        int queued = options.get(ServerFlags.WRITE_QUEUE);
        if (queued < 1) {
            throw new StartupFailure("--write-queue " + queued + ": at least 1");
        }
        int batch = options.get(ServerFlags.WRITE_BATCH);
        if (batch < 1) {
            throw new StartupFailure("--write-batch " + batch + ": at least 1");
        }
        int queuedBytes = options.get(ServerFlags.WRITE_QUEUE_BYTES);
        if (queuedBytes < 1) {
            throw new StartupFailure("--write-queue-bytes " + queuedBytes + ": at least 1");
        }
        return new WriteLimits(queued, batch, queuedBytes);
    }

    @Provides
    @Singleton
    GroupCommit groupCommit(Transactions transactions, WriteLimits limits) {
        return new GroupCommit(transactions, limits);
    }
}

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
    WriteLimits writeLimits(Options options) {
        WriteLimits defaults = WriteLimits.DEFAULT;
        int queued = options.getInt("write-queue", defaults.queued());
        if (queued < 1) {
            throw new StartupFailure("--write-queue " + queued + ": at least 1");
        }
        int batch = options.getInt("write-batch", defaults.batch());
        if (batch < 1) {
            throw new StartupFailure("--write-batch " + batch + ": at least 1");
        }
        int queuedBytes = options.getInt("write-queue-bytes", (int) defaults.queuedBytes());
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

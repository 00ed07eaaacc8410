package dev.chatserver.application.im;

import dev.chatserver.application.budget.Budget;
import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.port.in.im.BlockCommand;
import dev.chatserver.application.port.in.im.BlockUsers;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.UserBlocks;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.Block;
import dev.chatserver.domain.problem.Refused;
import jakarta.inject.Inject;

import java.util.List;

/** Blocks and unblocks, each spending from the caller's {@code writes} budget; a user keeps a bounded list. */
public final class BlockUsersService implements BlockUsers {
    private final UserBlocks blocks;
    private final SessionCounterparts counterparts;
    private final Transactions transactions;
    private final UserBudgets budgets;

    @Inject
    public BlockUsersService(UserBlocks blocks, UserDirectory directory, Transactions transactions,
                             UserBudgets budgets) {
        this.blocks = blocks;
        this.counterparts = new SessionCounterparts(directory);
        this.transactions = transactions;
        this.budgets = budgets;
    }

    @Override
    public List<UserId> block(BlockCommand command) {
        User caller = command.caller();
        budgets.spend(Budget.WRITES, caller.id());
        Block block = Block.of(caller.id(), counterparts.existingUser(command.user(), "user").id(), "user");
        return transactions.inTransaction(() -> {
            if (blocks.existing(List.of(block)).isEmpty() && blocks.countBlockedBy(caller.id()) >= MAX_BLOCKS) {
                throw new Refused("block_limit", "user", "user cannot be blocked: you block "
                        + MAX_BLOCKS + " users already, the most one may");
            }
            blocks.add(block);
            return blocks.blockedBy(caller.id());
        });
    }

    @Override
    public List<UserId> unblock(BlockCommand command) {
        User caller = command.caller();
        budgets.spend(Budget.WRITES, caller.id());
        Block block = Block.of(caller.id(), counterparts.existingUser(command.user(), "user").id(), "user");
        return transactions.inTransaction(() -> {
            blocks.remove(block);
            return blocks.blockedBy(caller.id());
        });
    }

    @Override
    public List<UserId> blocked(User caller) {
        return blocks.blockedBy(caller.id());
    }
}

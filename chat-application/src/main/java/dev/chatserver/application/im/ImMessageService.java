package dev.chatserver.application.im;

import dev.chatserver.application.budget.Budget;
import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.port.in.im.HistoryCommand;
import dev.chatserver.domain.im.MessageView;
import dev.chatserver.application.port.in.im.PostMessage;
import dev.chatserver.application.port.in.im.PostMessageCommand;
import dev.chatserver.application.port.in.im.ReadHistory;
import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.MessageReactions;
import dev.chatserver.application.port.out.SessionOfMember;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.application.write.ClientKeys;
import dev.chatserver.domain.im.ReactionCount;
import dev.chatserver.domain.im.Membership;
import dev.chatserver.application.write.GroupCommit;
import dev.chatserver.domain.problem.InvalidInput;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

public final class ImMessageService implements PostMessage, ReadHistory {
    private final ImMessages messages;
    private final ImSessions sessions;
    private final GroupCommit writer;
    private final PostingLane posting;
    private final SessionAccess access;
    private final ImNotifier notifier;
    private final UserDirectory directory;
    private final Transactions transactions;
    private final ImPolicy policy;
    private final ClientKeys clientKeys;
    private final Clock clock;
    private final MessageReactions reactions;
    private final UserBudgets budgets;

    @Inject
    public ImMessageService(ImMessages messages, ImSessions sessions, GroupCommit writer, PostingLane posting,
                            SessionAccess access, ImNotifier notifier, UserDirectory directory,
                            Transactions transactions, ImPolicy policy, ClientKeys clientKeys, Clock clock,
                            MessageReactions reactions, UserBudgets budgets) {
        this.budgets = budgets;
        this.clientKeys = clientKeys;
        this.clock = clock;
        this.messages = messages;
        this.sessions = sessions;
        this.writer = writer;
        this.posting = posting;
        this.access = access;
        this.notifier = notifier;
        this.directory = directory;
        this.transactions = transactions;
        this.policy = policy;
        this.reactions = reactions;
    }

    @Override
    public MessageView post(PostMessageCommand command) {
        accept(command);
        if (command.type().isTyping()) {
            return typing(command);
        }
        return writer.write(posting, command);
    }

    @Override
    public CompletableFuture<MessageView> postAsync(PostMessageCommand command) {
        accept(command);
        if (command.type().isTyping()) {
            return CompletableFuture.completedFuture(typing(command));
        }
        return writer.submit(posting, command);
    }

    /**
     * Typing needs no durability: it skips the writer, is passed on to the other members and is never stored.
     * Only a member may type into a session, as only a member may post.
     */
    private MessageView typing(PostMessageCommand command) {
        User caller = command.caller();
        return transactions.inTransaction(() -> {
            ImSession session = access.forMember(caller.id(), command.session());
            MessageView signal = new MessageView(0, session.id(), session.uuid(), caller.id(), caller.name(),
                    caller.partner(), command.type().value(), command.content(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
            notifier.typing(session, signal);
            return signal;
        });
    }

    /**
     * What the server's configuration allows and what the poster may still send, checked before the post waits for
     * the writer: a typing signal spends from its own budget, a post to be stored from the posts budget.
     */
    private void accept(PostMessageCommand command) {
        budgets.spend(command.type().isTyping() ? Budget.TYPING : Budget.POSTS, command.caller().id());
        if (!policy.messageTypes().contains(command.type().value())) {
            throw new InvalidInput("type", "type is one of " + new TreeSet<>(policy.messageTypes()));
        }
        if (command.content().getBytes(StandardCharsets.UTF_8).length > policy.maxContentBytes()) {
            throw new InvalidInput("content",
                    "content has at most " + policy.maxContentBytes() + " bytes (UTF-8)");
        }
        if (command.clientId() != null) {
            clientKeys.sweepNowAndThen();
        }
    }

    @Override
    public List<MessageView> history(HistoryCommand command) {
        UserId reader = command.caller().id();
        int limit = policy.pageSize(command.limit());
        return transactions.inTransaction(() -> {
            // the reader's own membership is all a read needs; the whole session only when it turns read
            SessionOfMember seen = sessions.ofMember(command.session(), reader).orElseThrow(ImSession::unknown);
            List<ImMessage> page = messages.history(seen.sessionId(), command.lastId(), limit);
            Map<UserId, User> senders = page.isEmpty() ? Map.of()
                    : directory.users(page.stream().map(ImMessage::from).distinct().toList()).stream()
                    .collect(Collectors.toMap(User::id, Function.identity()));
            Map<Long, List<ReactionCount>> reactionsById = page.isEmpty() ? Map.of()
                    : reactions.of(page.stream().map(ImMessage::id).toList(), reader);
            // the newest page shows the newest message: reading it moves the reader's pointer there
            Optional<ImMessage> newest = command.lastId().isEmpty() ? page.stream().findFirst() : Optional.empty();
            boolean pointerBehind = newest.isPresent() && !seen.membership().hasSeen(newest.get().id());
            if (seen.membership().markRead().isPresent() || pointerBehind) {
                ImSession locked = sessions.lockMember(access.forMember(reader, seen.uuid()), reader);
                Membership before = locked.membershipOf(reader).orElseThrow();
                Optional<Membership> read = newest.isPresent() ? locked.markSeen(reader, newest.get(), true)
                        : locked.markRead(reader);
                read.ifPresent(after -> {
                    sessions.saveMemberships(locked.id(), List.of(after));
                    ImSession changed = locked.with(List.of(after));
                    if (!after.seenMessageId().equals(before.seenMessageId())) {
                        notifier.readReceipt(changed, reader, after.seenMessageId().getAsLong());
                    }
                    if (after.read() != before.read()) {
                        notifier.sessionChanged(changed, List.of(reader));
                    }
                });
            }
            return page.stream().filter(m -> senders.containsKey(m.from()))
                    .map(m -> view(seen, m, senders.get(m.from()), reactionsById.getOrDefault(m.id(), List.of())))
                    .toList();
        });
    }

    private static MessageView view(ImSession session, ImMessage message, User sender) {
        return view(session.id(), session.uuid(), message, sender);
    }

    private static MessageView view(SessionOfMember session, ImMessage message, User sender,
                                    List<ReactionCount> reactions) {
        return new MessageView(message.id(), session.sessionId(), session.uuid(), sender.id(), sender.name(),
                sender.partner(), message.type().value(), message.content(), message.createDate(), message.editDate(),
                message.isDeleted(), reactions);
    }

    private static MessageView view(long sessionId, UUID uuid, ImMessage message, User sender) {
        return new MessageView(message.id(), sessionId, uuid, sender.id(), sender.name(),
                sender.partner(), message.type().value(), message.content(), message.createDate());
    }
}

package dev.chatserver.application.im;

import dev.chatserver.application.port.in.view.AttachmentView;
import dev.chatserver.application.port.out.Attachments;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.PostDraft;

import dev.chatserver.application.port.in.im.SearchCommand;
import dev.chatserver.application.port.in.view.SearchHit;
import dev.chatserver.application.port.in.im.SearchMessages;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.MessageReactions;
import dev.chatserver.application.port.out.MessageSearch;
import dev.chatserver.application.port.out.MessageSearch.FoundMessage;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.application.port.in.view.MessageViews;
import dev.chatserver.application.port.in.view.ReactionCount;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Searches the caller's own sessions. The store checks membership in the search itself; a session named by
 * {@code uuid} is looked up first only to answer one the caller is not in like one that does not exist.
 */
public final class SearchMessagesService implements SearchMessages {
    private final MessageSearch search;
    private final ImSessions sessions;
    private final UserDirectory directory;
    private final Transactions transactions;
    private final ImPolicy policy;
    private final MessageReactions reactions;
    private final RepliedMessages replied;
    private final Attachments attachments;

    @Inject
    public SearchMessagesService(MessageSearch search, ImSessions sessions, UserDirectory directory,
                                 Transactions transactions, ImPolicy policy, MessageReactions reactions,
                                 RepliedMessages replied, Attachments attachments) {
        this.replied = replied;
        this.attachments = attachments;
        this.reactions = reactions;
        this.search = search;
        this.sessions = sessions;
        this.directory = directory;
        this.transactions = transactions;
        this.policy = policy;
    }

    @Override
    public List<SearchHit> search(SearchCommand command) {
        UserId caller = command.caller().id();
        int limit = policy.pageSize(command.limit());
        return transactions.inTransaction(() -> {
            OptionalLong sessionId = command.session()
                    .map(uuid -> OptionalLong.of(sessions.ofMember(uuid, caller).orElseThrow(ImSession::unknown).sessionId()))
                    .orElse(OptionalLong.empty());
            List<FoundMessage> found = search.search(caller, command.words(), sessionId, command.lastId(), limit);
            Map<UserId, User> senders = found.isEmpty() ? Map.of()
                    : directory.users(found.stream().map(f -> f.message().from()).distinct().toList()).stream()
                    .collect(Collectors.toMap(User::id, Function.identity()));
            Map<Long, List<ReactionCount>> reactionsById = found.isEmpty() ? Map.of()
                    : reactions.of(found.stream().map(f -> f.message().id()).toList(), caller);
            Map<Long, ImMessage> quoted = replied.of(found.stream().map(FoundMessage::message).toList());
            Map<Long, List<AttachmentView>> filesById = AttachmentViews.ofMessages(attachments, found.stream()
                    .map(FoundMessage::message).filter(m -> m.type().equals(PostDraft.ATTACHMENT))
                    .map(ImMessage::id).toList());
            return found.stream().filter(f -> senders.containsKey(f.message().from()))
                    .map(f -> hit(f, senders.get(f.message().from()), reactionsById.getOrDefault(f.message().id(), List.of()),
                            filesById.getOrDefault(f.message().id(), List.of()), quoted))
                    .toList();
        });
    }

    /** The message as history shows it: edited or not, its reactions as the caller sees them. */
    private static SearchHit hit(FoundMessage found, User sender, List<ReactionCount> reactions,
                                 List<AttachmentView> files, Map<Long, ImMessage> quoted) {
        return new SearchHit(MessageViews.shown(found.message(), found.sessionUuid(), sender, reactions, files, quoted),
                found.groupSession());
    }
}

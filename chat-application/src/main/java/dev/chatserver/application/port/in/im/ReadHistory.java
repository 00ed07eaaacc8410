package dev.chatserver.application.port.in.im;

import dev.chatserver.application.port.in.view.MessageView;

import java.util.List;

/** Paging back through a session's messages; marks the session read for the caller. */
public interface ReadHistory {
    List<MessageView> history(HistoryCommand command);
}

package dev.chatserver.application.port.in.im;

import dev.chatserver.application.port.in.view.SearchHit;

import java.util.List;

/** Full-text search over the caller's own sessions, newest first. */
public interface SearchMessages {
    List<SearchHit> search(SearchCommand command);
}

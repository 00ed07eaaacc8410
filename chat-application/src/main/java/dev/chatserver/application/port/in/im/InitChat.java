package dev.chatserver.application.port.in.im;

import dev.chatserver.application.port.in.view.ContactCard;

import java.util.List;

/** The caller's contact list as the chat window starts with it. */
public interface InitChat {
    List<ContactCard> init(InitCommand command);
}

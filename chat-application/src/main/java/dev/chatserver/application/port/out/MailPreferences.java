package dev.chatserver.application.port.out;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.notify.EmailChoice;
import dev.chatserver.domain.notify.SessionMute;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What each user chose to be told by email while away, and which sessions they silenced. */
public interface MailPreferences {
    /** Keeps the user's choice, replacing any earlier one. */
    void setEmail(UserId user, EmailChoice choice);

    /** The choice of each given user who made one (the others have the default), in one read however many. */
    Map<UserId, EmailChoice> emailOf(Collection<UserId> users);

    /** Keeps the mute, replacing any earlier one of the same member and session. */
    void mute(SessionMute mute);

    /** Forgets the member's mute of the session, if any. */
    void unmute(UserId member, long sessionId);

    /** Every mute these users keep (expired ones too: whether one still holds is the domain's), in one read. */
    List<SessionMute> mutesOf(Collection<UserId> users);
}

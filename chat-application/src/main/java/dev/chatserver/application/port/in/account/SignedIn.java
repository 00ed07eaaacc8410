package dev.chatserver.application.port.in.account;

import dev.chatserver.domain.account.User;

import java.time.Instant;

/** A successful sign-in: the user and the token that now stands for them until it expires or is revoked. */
public record SignedIn(User user, String token, Instant expiresAt) {
    @Override
    public String toString() {
        return "SignedIn[user=" + user.id() + ", token=***, expiresAt=" + expiresAt + "]";
    }
}

package dev.chatserver.application.contract;

import dev.chatserver.application.port.out.PasswordHasher;

/** A password "hash" that is the password itself, marked: tests need a hasher, not a slow one. */
public final class PlainPasswordHasher implements PasswordHasher {
    @Override
    public String hash(char[] password) {
        return "plain:" + new String(password);
    }

    @Override
    public boolean matches(char[] password, String storedHash) {
        return storedHash.equals(hash(password));
    }
}

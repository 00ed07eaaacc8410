package dev.chatserver.bootstrap.account;

import dev.chatserver.application.contract.PlainPasswordHasher;
import dev.chatserver.application.port.out.PasswordHasher;

import java.util.concurrent.atomic.AtomicInteger;

/** A fast hasher that counts the password checks it was asked for: the proof that a refusal spent no hashing. */
final class CountingPasswordHasher implements PasswordHasher {
    private final PlainPasswordHasher plain = new PlainPasswordHasher();
    private final AtomicInteger checks = new AtomicInteger();

    @Override
    public String hash(char[] password) {
        return plain.hash(password);
    }

    @Override
    public boolean matches(char[] password, String storedHash) {
        checks.incrementAndGet();
        return plain.matches(password, storedHash);
    }

    int checks() {
        return checks.get();
    }
}

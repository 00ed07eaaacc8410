package dev.chatserver.application.port.out;

/** A salted, deliberately slow password hash. */
public interface PasswordHasher {
    String hash(char[] password);

    boolean matches(char[] password, String storedHash);
}

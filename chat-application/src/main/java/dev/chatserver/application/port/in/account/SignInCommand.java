package dev.chatserver.application.port.in.account;

import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Optional;

/**
 * A login, the password offered for it, and the address of the client offering it (null when there is no client
 * to throttle, e.g. a command on the server itself; then only the login's failures count).
 */
public record SignInCommand(Login login, char[] password, String clientAddress) {
    public static final int MAX_ADDRESS_LENGTH = 100;

    public SignInCommand {
        if (login == null) {
            throw new InvalidInput("login", "login is required");
        }
        if (password == null || password.length == 0) {
            throw new InvalidInput("password", "password is required");
        }
        if (clientAddress != null && (clientAddress.isBlank() || clientAddress.length() > MAX_ADDRESS_LENGTH)) {
            throw new InvalidInput("clientAddress", "clientAddress has 1 to " + MAX_ADDRESS_LENGTH + " characters");
        }
    }

    public static SignInCommand of(String login, String password, String clientAddress) {
        return new SignInCommand(new Login(login), password == null ? null : password.toCharArray(), clientAddress);
    }

    public static SignInCommand of(String login, String password) {
        return of(login, password, null);
    }

    public Optional<String> address() {
        return Optional.ofNullable(clientAddress);
    }

    @Override
    public String toString() {
        return "SignInCommand[login=" + login + ", password=***, clientAddress=" + clientAddress + "]";
    }
}

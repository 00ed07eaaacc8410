package dev.chatserver.application.account;

import dev.chatserver.domain.account.FailureWindow;

import java.time.Duration;
import java.util.stream.Stream;

/**
 * How many failed sign-ins are allowed before attempts are refused for a while: a tight limit per login from one
 * client address (a guesser), one per client address across logins (a guesser trying many accounts), and a much
 * looser one per login across every address, so that a stranger's guesses from one address refuse only that
 * address, never the user signing in from her own.
 */
public record SignInThrottling(FailureWindow perLoginFromAddress, FailureWindow perAddress, FailureWindow perLogin) {
    public static final SignInThrottling DEFAULT = new SignInThrottling(new FailureWindow(5, Duration.ofMinutes(15)),
            new FailureWindow(20, Duration.ofMinutes(15)), new FailureWindow(100, Duration.ofMinutes(15)));

    public SignInThrottling {
        if (perLoginFromAddress == null || perAddress == null || perLogin == null) {
            throw new IllegalArgumentException("all three windows are required");
        }
    }

    Duration longestWindow() {
        return Stream.of(perLoginFromAddress, perAddress, perLogin).map(FailureWindow::length)
                .max(Duration::compareTo).orElseThrow();
    }
}

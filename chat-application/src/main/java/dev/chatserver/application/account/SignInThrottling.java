package dev.chatserver.application.account;

import dev.chatserver.domain.account.FailureWindow;

import java.time.Duration;

/** How many failed sign-ins are allowed per login and per client address before attempts are refused for a while. */
public record SignInThrottling(FailureWindow perLogin, FailureWindow perAddress) {
    public static final SignInThrottling DEFAULT = new SignInThrottling(
            new FailureWindow(5, Duration.ofMinutes(15)), new FailureWindow(20, Duration.ofMinutes(15)));

    public SignInThrottling {
        if (perLogin == null || perAddress == null) {
            throw new IllegalArgumentException("both windows are required");
        }
    }

    Duration longestWindow() {
        return perLogin.length().compareTo(perAddress.length()) >= 0 ? perLogin.length() : perAddress.length();
    }
}

package dev.chatserver.application.account;

import dev.chatserver.application.port.in.account.SignIn;
import dev.chatserver.application.port.in.account.SignInCommand;
import dev.chatserver.application.port.in.account.SignedIn;
import dev.chatserver.application.port.in.account.TokenHash;
import dev.chatserver.application.port.in.realtime.EndConnections;
import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.out.PasswordHasher;
import dev.chatserver.application.port.out.SignInFailures;
import dev.chatserver.application.port.out.SignInTokens;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.application.port.out.AccountStandings;
import dev.chatserver.domain.account.AccountStanding;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.Unauthenticated;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

public final class SignInService implements SignIn {
    private static final int TOKEN_BYTES = 32;
    private static final String WRONG_CREDENTIALS = "wrong login or password";

    private final UserDirectory directory;
    private final AccountRegistry registry;
    private final SignInTokens tokens;
    private final PasswordHasher hasher;
    private final HashingPool hashing;
    private final SignInThrottle throttle;
    private final SignInPolicy policy;
    private final Clock clock;
    private final VerifiedTokens verified;
    private final EndConnections connections;
    private final AccountStandings standings;
    private final SecureRandom random = new SecureRandom();
    /** Checked against when the login is unknown, so that both failures cost the same time. */
    private final String decoyHash;

    @Inject
    public SignInService(UserDirectory directory, AccountRegistry registry, SignInTokens tokens,
                         PasswordHasher hasher, SignInPolicy policy, Clock clock, SignInFailures failures,
                         SignInThrottling throttling, HashingLimits hashingLimits, EndConnections connections,
                         AccountStandings standings) {
        this.directory = directory;
        this.registry = registry;
        this.tokens = tokens;
        this.hasher = hasher;
        this.hashing = new HashingPool(hashingLimits);
        this.throttle = new SignInThrottle(failures, throttling, clock);
        this.policy = policy;
        this.clock = clock;
        this.connections = connections;
        this.standings = standings;
        this.verified = new VerifiedTokens(policy.verifiedTokenTrust(), clock);
        this.decoyHash = hasher.hash("decoy-password".toCharArray());
    }

    @Override
    public SignedIn signIn(SignInCommand command) {
        // refused before queueing for a hash, and again once a slot is held: the failures of the attempts this one
        // waited behind count, so a burst of guesses gets past the limit only by the hashes running at once
        throttle.refuseIfClosed(command.login(), command.address());
        Optional<User> user = directory.userByLogin(command.login());
        String storedHash = user.flatMap(u -> registry.passwordHash(u.id())).orElse(decoyHash);
        boolean signedIn = hashing.run(() -> {
            throttle.refuseIfClosed(command.login(), command.address());
            boolean passwordMatches = hasher.matches(command.password(), storedHash); // unknown logins cost alike
            // a disabled account is refused as a wrong password is, and only once the password was checked
            boolean matches = user.isPresent() && passwordMatches && !isDisabled(user.get());
            if (matches) {
                throttle.succeeded(command.login(), command.address());
            } else {
                throttle.failed(command.login(), command.address());
            }
            return matches;
        });
        if (!signedIn) {
            throw new Unauthenticated(WRONG_CREDENTIALS);
        }
        String token = newToken();
        Instant expiresAt = clock.instant().plus(policy.tokenLifetime());
        tokens.store(hashOf(token), user.get().id(), expiresAt);
        // disabling stores the standing, then revokes the account's tokens: a token stored before that revocation
        // is revoked by it, and one stored after it is seen here with the standing disabled
        if (isDisabled(user.get())) {
            tokens.revoke(hashOf(token));
            throw new Unauthenticated(WRONG_CREDENTIALS);
        }
        return new SignedIn(user.get(), token, expiresAt);
    }

    private boolean isDisabled(User user) {
        return standings.standing(user.id()).map(AccountStanding::disabled).orElse(false);
    }

    @Override
    public int signOutEverywhere(UserId user, String keptToken) {
        Set<String> ended = tokens.revokeAllOf(user, keptToken == null ? null : hashOf(keptToken));
        ended.forEach(hash -> {
            verified.forget(hash);
            connections.sessionEnded(hash);
        });
        return ended.size();
    }

    @Override
    public void signOut(String token) {
        if (token != null && !token.isBlank()) {
            String hash = hashOf(token);
            verified.forget(hash);
            tokens.revoke(hash);
            connections.sessionEnded(hash);
        }
    }

    @Override
    public User authenticate(String token) {
        if (token == null || token.isBlank()) {
            throw new Unauthenticated("a session token is required");
        }
        String hash = hashOf(token);
        Optional<User> recent = verified.holderOf(hash);
        if (recent.isPresent()) {
            // the holder as the directory has it now (a rename shows at once); its users by id are kept close
            return directory.user(recent.get().id()).orElse(recent.get());
        }
        User holder = tokens.holder(hash, clock.instant())
                .flatMap(directory::user)
                .orElseThrow(() -> new Unauthenticated("the session token is unknown or expired"));
        verified.remember(hash, holder);
        return holder;
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The hash a token is stored under: the store never sees the token itself. */
    public static String hashOf(String token) {
        return TokenHash.of(token);
    }
}

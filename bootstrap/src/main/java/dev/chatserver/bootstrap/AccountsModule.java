package dev.chatserver.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.account.SignInRoutes;
import dev.chatserver.adapter.http.admin.AdminRoutes;
import dev.chatserver.adapter.http.account.OwnAccountRoutes;
import dev.chatserver.application.account.ManageOwnAccountService;
import dev.chatserver.application.port.in.account.ManageOwnAccount;
import dev.chatserver.adapter.http.auth.AllowedOrigins;
import dev.chatserver.adapter.http.auth.ClientAddresses;
import dev.chatserver.adapter.http.auth.ClientSchemes;
import dev.chatserver.adapter.http.auth.OriginGuard;
import dev.chatserver.adapter.http.auth.SessionCookie;
import dev.chatserver.adapter.http.health.HealthRoutes;
import dev.chatserver.application.account.HashingLimits;
import dev.chatserver.application.admin.AdministerGroupsService;
import dev.chatserver.application.admin.AdministerUsersService;
import dev.chatserver.application.admin.ReadAuditLogService;
import dev.chatserver.application.port.in.admin.AdministerGroups;
import dev.chatserver.application.port.in.admin.AdministerUsers;
import dev.chatserver.application.port.in.admin.ReadAuditLog;
import dev.chatserver.application.account.ProvisionAccountsService;
import dev.chatserver.application.account.SignInService;
import dev.chatserver.application.account.SignInThrottling;
import dev.chatserver.application.health.CheckHealthService;
import dev.chatserver.application.port.in.account.ProvisionAccounts;
import dev.chatserver.application.port.in.account.SignIn;
import dev.chatserver.application.port.in.health.CheckHealth;
import dev.chatserver.domain.account.FailureWindow;

import java.time.Duration;
import java.util.function.Supplier;

/** Accounts, sign-in (with its throttling, bounded hashing, the browser origin check and the session cookie) and health. */
final class AccountsModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(SignIn.class).to(SignInService.class).in(Scopes.SINGLETON);
        bind(ProvisionAccounts.class).to(ProvisionAccountsService.class).in(Scopes.SINGLETON);
        bind(AdministerUsers.class).to(AdministerUsersService.class).in(Scopes.SINGLETON);
        bind(AdministerGroups.class).to(AdministerGroupsService.class).in(Scopes.SINGLETON);
        bind(ReadAuditLog.class).to(ReadAuditLogService.class).in(Scopes.SINGLETON);
        bind(ManageOwnAccount.class).to(ManageOwnAccountService.class).in(Scopes.SINGLETON);
        bind(CheckHealth.class).to(CheckHealthService.class).in(Scopes.SINGLETON);
        bind(dev.chatserver.adapter.http.auth.HostSignIn.class).toInstance(dev.chatserver.adapter.http.auth.HostSignIn.NONE);
        Multibinder<Routes> routes = Multibinder.newSetBinder(binder(), Routes.class);
        routes.addBinding().to(OriginGuard.class);
        routes.addBinding().to(SignInRoutes.class);
        routes.addBinding().to(AdminRoutes.class);
        routes.addBinding().to(OwnAccountRoutes.class);
        routes.addBinding().to(HealthRoutes.class);
    }

    @Provides
    @Singleton
    SignInThrottling signInThrottling(ChatOptions options) {
        Duration window = options.get(ServerFlags.SIGN_IN_WINDOW);
        if (window.isZero() || window.isNegative()) {
            throw new StartupFailure("--sign-in-window: must be positive");
        }
        FailureWindow perLoginFromAddress = settings("--sign-in-login-failures", () -> new FailureWindow(
                options.get(ServerFlags.SIGN_IN_LOGIN_FAILURES), window));
        FailureWindow perAddress = settings("--sign-in-address-failures", () -> new FailureWindow(
                options.get(ServerFlags.SIGN_IN_ADDRESS_FAILURES), window));
        FailureWindow perLogin = settings("--sign-in-login-total-failures", () -> new FailureWindow(
                options.get(ServerFlags.SIGN_IN_LOGIN_TOTAL_FAILURES), window));
        return new SignInThrottling(perLoginFromAddress, perAddress, perLogin);
    }

    @Provides
    @Singleton
    HashingLimits hashingLimits(ChatOptions options) {
        int concurrent = options.find(ServerFlags.SIGN_IN_HASHES).orElse(HashingLimits.DEFAULT.concurrent());
        if (concurrent < 1) {
            throw new StartupFailure("--sign-in-hashes " + concurrent + ": at least 1");
        }
        int queued = options.get(ServerFlags.SIGN_IN_HASH_QUEUE);
        if (queued < 0) {
            throw new StartupFailure("--sign-in-hash-queue " + queued + ": zero or more");
        }
        return new HashingLimits(concurrent, queued);
    }

    @Provides
    @Singleton
    ClientAddresses clientAddresses(ChatOptions options) {
        return settings("--trusted-proxies", () -> new ClientAddresses(options.get(ServerFlags.TRUSTED_PROXIES)));
    }

    @Provides
    @Singleton
    AllowedOrigins allowedOrigins(ChatOptions options) {
        return settings("--allowed-origins", () -> new AllowedOrigins(options.get(ServerFlags.ALLOWED_ORIGINS)));
    }

    @Provides
    @Singleton
    SessionCookie sessionCookie(ChatOptions options, ClientSchemes schemes) {
        return new SessionCookie(options.get(ServerFlags.COOKIE_SECURE), schemes);
    }

    private static <T> T settings(String flags, Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException invalid) {
            throw new StartupFailure(flags + ": " + invalid.getMessage());
        }
    }
}

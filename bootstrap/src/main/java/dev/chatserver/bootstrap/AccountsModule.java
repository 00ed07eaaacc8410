package dev.chatserver.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.account.SignInRoutes;
import dev.chatserver.adapter.http.health.HealthRoutes;
import dev.chatserver.application.account.ProvisioningService;
import dev.chatserver.application.account.SignInService;
import dev.chatserver.application.health.HealthService;
import dev.chatserver.application.port.in.account.ProvisionAccounts;
import dev.chatserver.application.port.in.account.SignIn;
import dev.chatserver.application.port.in.health.CheckHealth;

/** Accounts, sign-in and health. */
final class AccountsModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(SignIn.class).to(SignInService.class).in(Scopes.SINGLETON);
        bind(ProvisionAccounts.class).to(ProvisioningService.class).in(Scopes.SINGLETON);
        bind(CheckHealth.class).to(HealthService.class).in(Scopes.SINGLETON);
        Multibinder<Routes> routes = Multibinder.newSetBinder(binder(), Routes.class);
        routes.addBinding().to(SignInRoutes.class);
        routes.addBinding().to(HealthRoutes.class);
    }
}

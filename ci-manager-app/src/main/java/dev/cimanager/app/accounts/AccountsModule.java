package dev.cimanager.app.accounts;

import com.google.inject.AbstractModule;
import dev.cimanager.app.web.JerseyComponents;

/** Accounts, orgs, projects, tokens and request authentication. */
public final class AccountsModule extends AbstractModule {
  private final AdminToken adminToken;

  public AccountsModule(AdminToken adminToken) {
    this.adminToken = adminToken;
  }

  @Override
  protected void configure() {
    bind(AdminToken.class).toInstance(adminToken);
    var jersey = JerseyComponents.in(binder());
    jersey.addBinding().to(BearerTokenFilter.class);
    jersey.addBinding().toInstance(new CallerBinder());
    jersey.addBinding().to(AccountResource.class);
    jersey.addBinding().to(MeResource.class);
    jersey.addBinding().to(OrgResource.class);
    jersey.addBinding().to(TokenResource.class);
  }
}

package dev.cimanager.app.accounts;

import dev.cimanager.app.web.SecurityHeadersFilter;
import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;

/**
 * Installs the servlet filters of both ports: security headers (application) and the admin tasks
 * guard.
 */
public final class WebHardening {
  private WebHardening() {}

  public static void install(Environment environment, AdminToken adminToken) {
    environment
        .servlets()
        .addFilter("security-headers", new SecurityHeadersFilter())
        .addMappingForUrlPatterns(
            EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR), true, "/*");
    environment
        .admin()
        .addFilter(
            "admin-tasks-token", new AdminTasksFilter(adminToken, environment.getObjectMapper()))
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/tasks/*");
  }
}

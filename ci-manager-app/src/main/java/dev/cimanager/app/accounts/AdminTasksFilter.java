package dev.cimanager.app.accounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cimanager.app.web.ApiException;
import dev.cimanager.contracts.errors.ErrorResponse;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Guards Dropwizard's admin tasks ({@code /tasks/log-level}, {@code /tasks/gc}, ...) on the admin
 * port: they need {@code Authorization: Bearer <CI_MANAGER_ADMIN_TOKEN>}, and answer 403 when no
 * admin token is configured. Anything that can reach the admin port (a build on the host's network)
 * could otherwise switch logging off or trigger garbage collections. Health checks and metrics stay
 * open.
 */
public final class AdminTasksFilter implements Filter {
  private final AdminToken adminToken;
  private final ObjectMapper json;

  public AdminTasksFilter(AdminToken adminToken, ObjectMapper json) {
    this.adminToken = adminToken;
    this.json = json;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      adminToken.check(((HttpServletRequest) request).getHeader("Authorization"));
    } catch (ApiException e) {
      String message =
          e.status() == 403
              ? "admin tasks are disabled: start the server with CI_MANAGER_ADMIN_TOKEN set to use them"
              : e.getMessage() + " (admin tasks need the admin token)";
      String code = e.status() == 403 ? "ADMIN_TASKS_DISABLED" : e.code();
      HttpServletResponse http = (HttpServletResponse) response;
      http.setStatus(e.status());
      http.setContentType("application/json");
      json.writeValue(http.getOutputStream(), new ErrorResponse(code, message));
      return;
    }
    chain.doFilter(request, response);
  }
}

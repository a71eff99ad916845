package dev.cimanager.app.accounts;

import java.util.Objects;

/**
 * Where a secret, connector or pipeline lives: an account, an org in it, or a project in that org.
 * {@code orgId} is null at account scope; {@code projectId} is null unless at project scope.
 */
public record Scope(String accountId, String orgId, String projectId) {
  public enum Level {
    ACCOUNT("account"),
    ORG("org"),
    PROJECT("project");

    private final String jsonName;

    Level(String jsonName) {
      this.jsonName = jsonName;
    }

    /** {@code account|org|project} as the API shows it. */
    public String jsonName() {
      return jsonName;
    }
  }

  public Scope {
    Objects.requireNonNull(accountId, "accountId");
    if (orgId == null && projectId != null) {
      throw new IllegalArgumentException("a project scope needs an org");
    }
  }

  public static Scope account(String accountId) {
    return new Scope(accountId, null, null);
  }

  public static Scope org(String accountId, String orgId) {
    return new Scope(accountId, Objects.requireNonNull(orgId, "orgId"), null);
  }

  public static Scope project(String accountId, String orgId, String projectId) {
    return new Scope(accountId, orgId, Objects.requireNonNull(projectId, "projectId"));
  }

  public Level level() {
    return projectId != null ? Level.PROJECT : orgId != null ? Level.ORG : Level.ACCOUNT;
  }

  /**
   * {@code acct}, {@code acct/org} or {@code acct/org/project}: the prefix of stored {@code _id}s.
   */
  public String key() {
    return switch (level()) {
      case ACCOUNT -> accountId;
      case ORG -> accountId + "/" + orgId;
      case PROJECT -> accountId + "/" + orgId + "/" + projectId;
    };
  }

  /**
   * The {@code _id} of an object named {@code identifier} in this scope, e.g. {@code acct/org:key}.
   */
  public String idOf(String identifier) {
    return key() + ":" + identifier;
  }

  /**
   * How a pipeline in this scope's project refers to an object of this scope named {@code
   * identifier}.
   */
  public String referenceTo(String identifier) {
    return switch (level()) {
      case ACCOUNT -> "account." + identifier;
      case ORG -> "org." + identifier;
      case PROJECT -> identifier;
    };
  }
}

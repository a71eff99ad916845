package dev.cimanager.app.accounts;

/**
 * A YAML reference to a secret or connector ({@code account.<id>}, {@code org.<id>}, {@code <id>})
 * resolved against the scope it is used from (a pipeline's project, or a connector's own scope).
 */
public record ScopedReference(String reference, Scope scope, String identifier) {

  /**
   * Resolves {@code reference} used from {@code from}. {@code kind} ("secret", "connector") names
   * the object in error messages.
   */
  public static ScopedReference resolve(String kind, String reference, Scope from) {
    if (reference == null || reference.isBlank()) {
      throw new ReferenceException(ReferenceException.Reason.EMPTY, kind + " reference is empty");
    }
    String ref = reference.trim();
    Scope target;
    String identifier;
    if (ref.startsWith("account.")) {
      target = Scope.account(from.accountId());
      identifier = ref.substring("account.".length());
    } else if (ref.startsWith("org.")) {
      if (from.orgId() == null) {
        throw new ReferenceException(
            ReferenceException.Reason.INVALID,
            kind + " reference " + ref + " names an org object but is used outside an org");
      }
      target = Scope.org(from.accountId(), from.orgId());
      identifier = ref.substring("org.".length());
    } else {
      if (from.projectId() == null) {
        throw new ReferenceException(
            ReferenceException.Reason.INVALID,
            kind
                + " reference "
                + ref
                + " names a project object but is used outside a project;"
                + " use account."
                + ref
                + " or org."
                + ref);
      }
      target = from;
      identifier = ref;
    }
    if (!Identifiers.isValid(identifier)) {
      throw new ReferenceException(
          ReferenceException.Reason.INVALID,
          kind + " reference " + ref + " is not valid: expected account.<id>, org.<id> or <id>");
    }
    return new ScopedReference(ref, target, identifier);
  }
}

package dev.cimanager.ssca.api;

import dev.cimanager.ssca.provenance.ProvenancePredicate;
import dev.cimanager.ssca.provenance.Statement;
import java.util.List;
import java.util.Map;

/**
 * Predicate + pushed image -> in-toto Statement v1 whose subject is the image's manifest digest.
 */
public final class StatementBuilder {

  public Statement build(PushedImage image, ProvenancePredicate predicate) {
    Statement.Subject subject =
        new Statement.Subject(image.name(), Map.of("sha256", image.digestHex()));
    return new Statement(
        Statement.TYPE, List.of(subject), ProvenancePredicate.PREDICATE_TYPE, predicate);
  }
}

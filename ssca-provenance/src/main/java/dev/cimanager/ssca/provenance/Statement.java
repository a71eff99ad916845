package dev.cimanager.ssca.provenance;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** An in-toto Statement v1 carrying SLSA provenance; only the spec's four fields. */
@JsonPropertyOrder({"_type", "subject", "predicateType", "predicate"})
public record Statement(
    @JsonProperty("_type") String type,
    List<Subject> subject,
    String predicateType,
    ProvenancePredicate predicate) {
  public static final String TYPE = "https://in-toto.io/Statement/v1";

  public Statement {
    subject = List.copyOf(subject);
  }

  /**
   * {@code name} is registry/repository; {@code digest.sha256} the manifest digest's lowercase hex.
   */
  @JsonPropertyOrder({"name", "digest"})
  public record Subject(String name, Map<String, String> digest) {
    public Subject {
      digest = Map.copyOf(digest);
    }
  }
}

package dev.cimanager.ssca.provenance;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * An in-toto ResourceDescriptor, with the fields this builder fills.
 *
 * @param annotations null when there are none (the git source's {@code commitTime})
 */
@JsonPropertyOrder({"uri", "digest", "name", "annotations"})
public record ResourceDescriptor(
    String uri, Map<String, String> digest, String name, Map<String, String> annotations) {
  public ResourceDescriptor {
    digest = Map.copyOf(digest);
    annotations = annotations == null ? null : Map.copyOf(annotations);
  }
}

package dev.cimanager.ssca.provenance;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/** An in-toto ResourceDescriptor, with the fields this builder fills. */
@JsonPropertyOrder({"uri", "digest", "name"})
public record ResourceDescriptor(String uri, Map<String, String> digest, String name) {
  public ResourceDescriptor {
    digest = Map.copyOf(digest);
  }
}

package dev.cimanager.ssca.provenance;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Map;

/** SLSA {@code runDetails}: who built it, and when. */
@JsonPropertyOrder({"builder", "metadata"})
public record RunDetails(Builder builder, Metadata metadata) {

  /** The build platform; {@code version} maps each tool to its version. */
  @JsonPropertyOrder({"id", "version"})
  public record Builder(String id, Map<String, String> version) {}

  /** Times are whole seconds in UTC, serialized RFC 3339 with {@code Z}. */
  @JsonPropertyOrder({"invocationId", "startedOn", "finishedOn"})
  public record Metadata(String invocationId, Instant startedOn, Instant finishedOn) {}
}

package dev.cimanager.ssca.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.ssca.json.SscaJson;
import dev.cimanager.ssca.spi.Digest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The layers of an {@code .att} manifest read from the registry, each descriptor kept verbatim. */
record AttestationManifest(Digest digest, List<JsonNode> layers) {
  AttestationManifest {
    layers = List.copyOf(layers);
  }

  static AttestationManifest parse(FetchedManifest fetched, String action) {
    JsonNode root;
    try {
      root = SscaJson.read(fetched.content());
    } catch (IOException e) {
      throw new RegistryException(
          action, 200, "the existing manifest " + fetched.digest() + " is not valid JSON");
    }
    String mediaType = root.path("mediaType").asText(fetched.mediaType());
    if (!mediaType.equals(ManifestMediaTypes.OCI_MANIFEST)
        && !mediaType.equals(ManifestMediaTypes.DOCKER_MANIFEST)) {
      throw new RegistryException(
          action,
          200,
          "the existing manifest "
              + fetched.digest()
              + " has media type '"
              + mediaType
              + "', not an image manifest");
    }
    List<JsonNode> layers = new ArrayList<>();
    for (JsonNode layer : root.path("layers")) {
      try {
        Digest.parse(layer.path("digest").asText());
      } catch (IllegalArgumentException e) {
        throw new RegistryException(
            action,
            200,
            "the existing manifest " + fetched.digest() + " has a layer with " + e.getMessage());
      }
      layers.add(layer);
    }
    return new AttestationManifest(fetched.digest(), layers);
  }

  boolean contains(Digest layerDigest) {
    String wanted = layerDigest.toString();
    return layers.stream().anyMatch(layer -> layer.path("digest").asText().equals(wanted));
  }
}

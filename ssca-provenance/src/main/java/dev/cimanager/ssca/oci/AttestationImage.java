package dev.cimanager.ssca.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cimanager.ssca.json.SscaJson;
import dev.cimanager.ssca.spi.Digest;
import java.util.List;

/**
 * The bytes of a cosign {@code .att} image, serialized as go-containerregistry does so that what we
 * push is byte-identical to what {@code cosign attest} pushes: field order is fixed here on
 * purpose.
 */
final class AttestationImage {
  static final String CONFIG_MEDIA_TYPE = "application/vnd.oci.image.config.v1+json";
  static final String LAYER_MEDIA_TYPE = "application/vnd.dsse.envelope.v1+json";
  static final String SIGNATURE_ANNOTATION = "dev.cosignproject.cosign/signature";
  static final String PREDICATE_TYPE_ANNOTATION = "predicateType";

  /** Go's zero time.Time: cosign's empty image has no creation date. */
  private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  private AttestationImage() {}

  /**
   * The layer descriptor of one DSSE envelope (annotation keys sorted, as Go's map encoding does).
   */
  static ObjectNode layer(Digest digest, long size, String predicateType) {
    ObjectNode layer = SscaJson.object();
    layer.put("mediaType", LAYER_MEDIA_TYPE);
    layer.put("size", size);
    layer.put("digest", digest.toString());
    ObjectNode annotations = layer.putObject("annotations");
    annotations.put(SIGNATURE_ANNOTATION, "");
    annotations.put(PREDICATE_TYPE_ANNOTATION, predicateType);
    return layer;
  }

  /** The config: DSSE layers are not compressed, so each diff_id is the layer digest. */
  static byte[] config(List<JsonNode> layers) {
    ObjectNode config = SscaJson.object();
    config.put("architecture", "");
    config.put("created", ZERO_TIME);
    ArrayNode history = config.putArray("history");
    config.put("os", "");
    ObjectNode rootfs = config.putObject("rootfs");
    rootfs.put("type", "layers");
    ArrayNode diffIds = rootfs.putArray("diff_ids");
    for (JsonNode layer : layers) {
      history.addObject().put("created", ZERO_TIME);
      diffIds.add(layer.get("digest").asText());
    }
    config.putObject("config");
    return SscaJson.write(config);
  }

  static byte[] manifest(byte[] config, List<JsonNode> layers) {
    ObjectNode manifest = SscaJson.object();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", ManifestMediaTypes.OCI_MANIFEST);
    ObjectNode configDescriptor = manifest.putObject("config");
    configDescriptor.put("mediaType", CONFIG_MEDIA_TYPE);
    configDescriptor.put("size", config.length);
    configDescriptor.put("digest", Digest.of(config).toString());
    manifest.putArray("layers").addAll(layers);
    return SscaJson.write(manifest);
  }
}

package dev.cimanager.contracts.verifications;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code POST /api/v1/orgs/{org}/projects/{project}/verifications}: the SlsaVerification step's
 * fields, references as in YAML.
 *
 * @param connector a DockerRegistry connector reference
 * @param imagePath the repository inside that registry
 * @param digest {@code sha256:<hex>}; wins over {@code tag}
 * @param publicKey a SecretFile reference holding a PEM public key
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VerificationRequest(
    String connector,
    @JsonProperty("image_path") String imagePath,
    String tag,
    String digest,
    @JsonProperty("public_key") String publicKey,
    List<String> policySets) {}

package dev.cimanager.app.provenance.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cimanager.app.failures.DomainException;
import dev.cimanager.app.policysets.PolicySetValidator;
import dev.cimanager.contracts.policysets.PolicySetRequest;
import dev.cimanager.ssca.api.AttestationVerification;
import dev.cimanager.ssca.api.ImageToVerify;
import dev.cimanager.ssca.api.PolicySet;
import dev.cimanager.ssca.api.ProvenanceException;
import dev.cimanager.ssca.api.Verdict;
import dev.cimanager.ssca.api.VerificationResult;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code verify-attestation --registry URL --repository REPO --digest sha256:.. --key cosign.pub
 * [--insecure] [--policy policyset.json]...}: reads the image's {@code sha256-<hex>.att} and checks
 * every layer as {@code cosign verify-attestation --type slsaprovenance1} does, with the SSCA
 * module's verifier. Prints one JSON line; exits 1 unless at least one attestation verifies and,
 * with {@code --policy}, no error policy denies it.
 */
public final class VerifyAttestationCommand extends Command {

  private final PrintStream out;

  public VerifyAttestationCommand() {
    this(System.out);
  }

  VerifyAttestationCommand(PrintStream out) {
    super(
        "verify-attestation",
        "Verify the SLSA provenance attestations of an image with a public key");
    this.out = out;
  }

  @Override
  public void configure(Subparser subparser) {
    subparser
        .addArgument("--registry")
        .required(true)
        .help("registry base URL, e.g. http://127.0.0.1:5000 (http:// implies --insecure)");
    subparser
        .addArgument("--repository")
        .required(true)
        .help("repository inside the registry, e.g. demo/app");
    subparser
        .addArgument("--digest")
        .required(true)
        .help("the image manifest digest, sha256:<hex>");
    subparser.addArgument("--key").required(true).help("the public key PEM file, e.g. cosign.pub");
    subparser
        .addArgument("--insecure")
        .action(Arguments.storeTrue())
        .help("reach the registry over plain HTTP");
    subparser
        .addArgument("--policy")
        .action(Arguments.append())
        .metavar("FILE")
        .help(
            "a policy set JSON file (as POST .../policysets takes); repeat for several; exits 1 when an"
                + " error policy denies the provenance");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws IOException {
    // Dropwizard's mapper: the application's one JSON configuration
    ObjectMapper json = bootstrap.getObjectMapper();
    String digestText = namespace.getString("digest");
    ObjectNode summary = json.createObjectNode();
    try {
      URI registry = registryUrl(namespace.getString("registry"));
      String hostPort =
          registry.getPort() < 0
              ? registry.getHost()
              : registry.getHost() + ":" + registry.getPort();
      boolean insecure =
          namespace.getBoolean("insecure") || "http".equalsIgnoreCase(registry.getScheme());
      String image = hostPort + "/" + namespace.getString("repository");
      byte[] key = readKey(Path.of(namespace.getString("key")));
      VerificationResult result =
          AttestationVerification.create(insecure ? Set.of(hostPort) : Set.of())
              .verify(image, digestText, key, null);
      summary.put("verified", result.verified());
      summary.put("image", image + "@" + digestText);
      summary.put("attestationRef", result.attestationRef());
      summary.put("verifiedLayers", result.verifiedStatements().size());
      summary
          .putArray("failures")
          .addAll(result.failures().stream().map(json.getNodeFactory()::textNode).toList());
      List<String> policyFiles = namespace.getList("policy");
      Verdict verdict = null;
      if (policyFiles != null && !policyFiles.isEmpty() && result.verified()) {
        verdict =
            AttestationVerification.create(insecure ? Set.of(hostPort) : Set.of())
                .verify(
                    new ImageToVerify(
                        image, null, digestText, key, null, readPolicySets(json, policyFiles)));
        summary.put("status", verdict.status().name());
        summary.putPOJO(
            "policies",
            verdict.policies().stream()
                .map(
                    r ->
                        Map.of(
                            "policySet",
                            r.policySet(),
                            "identifier",
                            r.identifier(),
                            "status",
                            r.status().name(),
                            "severity",
                            r.severity().jsonName(),
                            "message",
                            r.message() == null ? "" : r.message()))
                .toList());
        summary.put("failureMessage", verdict.failureMessage());
      }
      print(json, summary);
      if (!result.verified()) {
        throw new CommandException(
            "no attestation of " + image + "@" + digestText + " verified with the key");
      }
      if (verdict != null && !verdict.passed()) {
        throw new CommandException(verdict.failureMessage());
      }
    } catch (ProvenanceException | IllegalArgumentException e) {
      summary.put("verified", false);
      summary.put("digest", digestText);
      summary.put("error", e.getMessage());
      print(json, summary);
      throw new CommandException(e.getMessage(), e);
    }
  }

  private static URI registryUrl(String value) {
    URI uri;
    try {
      uri = URI.create(value.contains("://") ? value : "https://" + value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--registry '" + value + "' is not a URL like http://127.0.0.1:5000", e);
    }
    if (uri.getHost() == null
        || !(uri.getScheme().equalsIgnoreCase("http")
            || uri.getScheme().equalsIgnoreCase("https"))) {
      throw new IllegalArgumentException(
          "--registry '" + value + "' is not a URL like http://127.0.0.1:5000");
    }
    return uri;
  }

  private static List<PolicySet> readPolicySets(ObjectMapper json, List<String> files) {
    List<PolicySet> sets = new ArrayList<>();
    for (String file : files) {
      PolicySetRequest request;
      try {
        request = json.readValue(Files.readAllBytes(Path.of(file)), PolicySetRequest.class);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "tried to read the policy set --policy "
                + file
                + " but failed because "
                + e.getMessage().lines().findFirst().orElse("it is unreadable"),
            e);
      }
      if (request == null) {
        throw new IllegalArgumentException("the policy set --policy " + file + " is empty");
      }
      try {
        sets.add(PolicySetValidator.fromFile(request, file));
      } catch (DomainException e) {
        throw new IllegalArgumentException(
            "the policy set --policy " + file + " is invalid: " + e.getMessage(), e);
      }
    }
    return sets;
  }

  private static byte[] readKey(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "tried to read the public key --key " + file + " but failed because " + e.getMessage(),
          e);
    }
  }

  private void print(ObjectMapper json, ObjectNode summary) throws JsonProcessingException {
    out.println(json.writeValueAsString(summary));
    out.flush();
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    CommandException.report(cli, e);
  }
}

package dev.cimanager.app.pipelines;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Parses and validates pipeline YAML (the Harness v0 shape of {@code
 * contract/examples/pipeline-slsa.yaml}) into a {@link Pipeline}, or throws {@link
 * InvalidPipelineException} listing every problem with its YAML path. Each section has its own
 * reader that returns its value, or nothing once it has recorded its problems on the {@link
 * YamlNode}. Fields this CI manager does not use (Harness' {@code description}, {@code tags},
 * {@code platform}, {@code infrastructure}...) are ignored so pipelines copied from Harness load.
 */
@Singleton
public final class PipelineParser {

  /** Harness' identifier rule, without the {@code $} it tolerates. */
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  /** An OCI repository path (distribution spec). */
  private static final Pattern REPOSITORY =
      Pattern.compile(
          "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*");

  /** An OCI tag (distribution spec). */
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  private static final Pattern COSIGN = Pattern.compile("cosign");

  private static final String NO_EXPRESSIONS = "expressions are not supported here";

  private final YAMLMapper mapper =
      YAMLMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          // keep "1.10" as written instead of the double 1.1
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  /**
   * @param key the org, project and pipeline of the REST path; the YAML must name the same ones
   * @throws InvalidPipelineException with every problem found
   */
  public Pipeline parse(PipelineKey key, String yaml) {
    List<PipelineProblem> problems = new ArrayList<>();
    Optional<Pipeline> pipeline =
        YamlNode.document(mapper, yaml, "pipeline", problems)
            .flatMap(node -> readPipeline(key, node, yaml));
    if (!problems.isEmpty() || pipeline.isEmpty()) {
      throw new InvalidPipelineException(problems);
    }
    return pipeline.get();
  }

  private static Optional<Pipeline> readPipeline(PipelineKey key, YamlNode node, String yaml) {
    Optional<String> identifier = identifier(node, "identifier", "Identifier");
    Optional<String> name = node.text("name", "Name");
    Optional<String> org = identifier(node, "orgIdentifier", "Org identifier");
    Optional<String> project = identifier(node, "projectIdentifier", "Project identifier");
    mustMatch(node, "identifier", identifier, key.pipelineIdentifier(), "pipeline");
    mustMatch(node, "orgIdentifier", org, key.orgIdentifier(), "org");
    mustMatch(node, "projectIdentifier", project, key.projectIdentifier(), "project");
    Optional<YamlNode> codebaseNode =
        node.optionalObject("properties")
            .flatMap(properties -> properties.optionalObject("ci"))
            .flatMap(ci -> ci.optionalObject("codebase"));
    Optional<Codebase> codebase = codebaseNode.flatMap(PipelineParser::readCodebase);
    List<Stage> stages =
        entries(
            node.list("stages", "Stages"),
            "stage",
            "(parallel stages are not supported)",
            stage -> readStage(stage, codebaseNode.isPresent()),
            Stage::identifier,
            "");
    if (identifier.isEmpty()
        || name.isEmpty()
        || org.isEmpty()
        || project.isEmpty()
        || stages.isEmpty()) {
      return Optional.empty();
    }
    Codebase source = codebase.orElse(null);
    return Optional.of(
        new Pipeline(identifier.get(), name.get(), org.get(), project.get(), source, stages, yaml));
  }

  /**
   * The {@code {<key>: {...}}} entries of a list read by {@code reader}, with a problem for each
   * identifier seen before in the list (the entry is kept).
   */
  private static <T> List<T> entries(
      List<YamlNode> items,
      String key,
      String why,
      Function<YamlNode, Optional<T>> reader,
      Function<T, String> identifier,
      String duplicateScope) {
    List<T> read = new ArrayList<>();
    Set<String> identifiers = new HashSet<>();
    for (YamlNode item : items) {
      Optional<YamlNode> node =
          item.asObject()
              .filter(map -> map.check(map.has(key), null, "expected a '" + key + "' entry " + why))
              .flatMap(map -> map.object(key, YamlNode.capitalize(key)));
      Optional<T> value = node.flatMap(reader);
      if (value.isPresent()) {
        String id = identifier.apply(value.get());
        String duplicate = "duplicate %s identifier '%s'%s".formatted(key, id, duplicateScope);
        node.get().check(identifiers.add(id), "identifier", duplicate);
        read.add(value.get());
      }
    }
    return read;
  }

  private static Optional<Codebase> readCodebase(YamlNode node) {
    Optional<String> connectorRef = node.reference("connectorRef", "Codebase connector");
    Optional<YamlNode> build = node.object("build", "Codebase build");
    Optional<Codebase.BuildType> buildType =
        build.flatMap(b -> b.text("type", "Build type").flatMap(type -> buildType(b, type)));
    if (buildType.isEmpty()) {
      return Optional.empty();
    }
    String refName = buildType.get().yamlName();
    Optional<YamlNode> spec = build.get().object("spec", "Build spec");
    Optional<String> ref = spec.flatMap(s -> s.text(refName, YamlNode.capitalize(refName)));
    if (connectorRef.isEmpty() || ref.isEmpty()) {
      return Optional.empty();
    }
    String invalid =
        "'%s' is not a valid %s name (letters, digits, '.', '_', '/', '-'; not starting with '-'"
            + " or '.'; no '..')";
    boolean valid =
        spec.get().check(!Expressions.containsExpression(ref.get()), refName, NO_EXPRESSIONS)
            && spec.get()
                .check(
                    GitRefNames.isValid(ref.get()),
                    refName,
                    invalid.formatted(GitRefNames.printable(ref.get()), refName));
    return valid
        ? Optional.of(new Codebase(connectorRef.get(), buildType.get(), ref.get()))
        : Optional.empty();
  }

  private static Optional<Codebase.BuildType> buildType(YamlNode build, String type) {
    Optional<Codebase.BuildType> known =
        Arrays.stream(Codebase.BuildType.values())
            .filter(buildType -> buildType.yamlName().equals(type))
            .findFirst();
    build.check(
        known.isPresent(),
        "type",
        "unknown build type '%s'; expected branch or tag".formatted(type));
    return known;
  }

  private static Optional<Stage> readStage(YamlNode node, boolean hasCodebase) {
    Optional<String> identifier = identifier(node, "identifier", "Identifier");
    Optional<String> name = node.text("name", "Name");
    String unknownType = "unknown stage type '%s'; only CI stages are supported";
    node.text("type", "Stage type")
        .filter(type -> !type.equals("CI"))
        .ifPresent(type -> node.problem("type", unknownType.formatted(type)));
    Optional<YamlNode> spec = node.object("spec", "Stage spec");
    if (spec.isEmpty()) {
      return Optional.empty();
    }
    YamlNode stage = spec.get();
    boolean cloneCodebase = stage.optionalBoolean("cloneCodebase", true);
    stage.check(
        !cloneCodebase || hasCodebase,
        "cloneCodebase",
        "the stage clones the codebase but pipeline.properties.ci.codebase is missing");
    Optional<SlsaProvenance> slsa =
        stage.optionalObject("slsa_provenance").flatMap(PipelineParser::readSlsaProvenance);
    List<Step> steps =
        stage
            .object("execution", "Execution")
            .map(
                execution ->
                    entries(
                        execution.list("steps", "Steps"),
                        "step",
                        "(parallel steps and step groups are not supported)",
                        PipelineParser::readStep,
                        Step::identifier,
                        " in this stage"))
            .orElse(List.of());
    if (identifier.isEmpty() || name.isEmpty() || slsa.isEmpty() && stage.has("slsa_provenance")) {
      return Optional.empty();
    }
    SlsaProvenance provenance = slsa.orElse(null);
    return Optional.of(
        new Stage(identifier.get(), name.get(), cloneCodebase, provenance, steps, node.path()));
  }

  private static Optional<SlsaProvenance> readSlsaProvenance(YamlNode node) {
    Optional<String> enabled = enabled(node);
    if (enabled.isEmpty()) {
      return Optional.empty();
    }
    if (enabled.get().equals("false") && !node.has("attestation")) {
      return Optional.of(new SlsaProvenance(enabled.get(), null, null, node.path()));
    }
    Optional<YamlNode> attestation = node.object("attestation", "Attestation");
    if (attestation.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> type =
        attestation
            .get()
            .text(
                "type",
                "Attestation type",
                COSIGN,
                "unknown attestation type '%s'; only cosign is supported");
    Optional<YamlNode> spec = attestation.get().object("spec", "Attestation spec");
    if (spec.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> privateKey = spec.get().reference("private_key", "Private key");
    Optional<String> password = spec.get().reference("password", "Password");
    if (privateKey.isEmpty() || password.isEmpty() || type.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new SlsaProvenance(enabled.get(), privateKey.get(), password.get(), node.path()));
  }

  /** {@code enabled}: a YAML boolean, or text that is a boolean or holds expressions. */
  private static Optional<String> enabled(YamlNode node) {
    JsonNode enabled = node.raw("enabled");
    if (enabled == null || enabled.isNull()) {
      node.problem("enabled", "Enabled is required (true, false or an expression)");
      return Optional.empty();
    }
    if (enabled.isBoolean()) {
      return Optional.of(Boolean.toString(enabled.booleanValue()));
    }
    if (enabled.isTextual() && isBooleanOrExpression(enabled.textValue())) {
      return Optional.of(enabled.textValue())
          .filter(text -> expressionsValid(node, "enabled", text));
    }
    String given =
        enabled.isTextual() ? "'" + enabled.textValue() + "'" : YamlNode.describe(enabled);
    node.problem("enabled", "expected true, false or an expression but got " + given);
    return Optional.empty();
  }

  private static boolean isBooleanOrExpression(String text) {
    String trimmed = text.trim();
    return trimmed.equalsIgnoreCase("true")
        || trimmed.equalsIgnoreCase("false")
        || Expressions.containsExpression(trimmed);
  }

  private static Optional<Step> readStep(YamlNode node) {
    Optional<String> identifier = identifier(node, "identifier", "Identifier");
    Optional<String> name = node.text("name", "Name");
    Optional<StepSpec> spec = node.text("type", "Step type").flatMap(type -> readSpec(node, type));
    if (identifier.isEmpty() || name.isEmpty() || spec.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Step(identifier.get(), name.get(), spec.get(), node.path()));
  }

  private static Optional<StepSpec> readSpec(YamlNode step, String type) {
    return switch (type) {
      case BuildAndPushSpec.TYPE ->
          step.object("spec", "Step spec").flatMap(PipelineParser::readBuildAndPush);
      case SlsaVerificationSpec.TYPE -> SlsaVerificationYaml.read(step);
      default -> {
        step.problem(
            "type",
            "unknown step type '%s': supported step types: %s, %s"
                .formatted(type, BuildAndPushSpec.TYPE, SlsaVerificationSpec.TYPE));
        yield Optional.empty();
      }
    };
  }

  private static Optional<StepSpec> readBuildAndPush(YamlNode spec) {
    Optional<String> connectorRef = spec.reference("connectorRef", "Docker registry connector");
    Optional<String> repo = repository(spec, "repo", "Repository");
    List<String> tags = spec.textList("tags", "Tags");
    boolean valid = !tags.isEmpty();
    for (int i = 0; i < tags.size(); i++) {
      valid &= tagValid(spec, "tags[" + i + "]", tags.get(i));
    }
    Optional<String> dockerfile = relativePath(spec, "dockerfile", "Dockerfile");
    Optional<String> context = relativePath(spec, "context", ".");
    Map<String, String> buildArgs = spec.textMap("buildArgs");
    Map<String, String> labels = spec.textMap("labels");
    for (Map.Entry<String, String> entry : buildArgs.entrySet()) {
      valid &= expressionsValid(spec, "buildArgs." + entry.getKey(), entry.getValue());
    }
    for (Map.Entry<String, String> entry : labels.entrySet()) {
      valid &= expressionsValid(spec, "labels." + entry.getKey(), entry.getValue());
    }
    if (connectorRef.isEmpty()
        || repo.isEmpty()
        || dockerfile.isEmpty()
        || context.isEmpty()
        || !valid) {
      return Optional.empty();
    }
    return Optional.of(
        new BuildAndPushSpec(
            connectorRef.get(),
            repo.get(),
            tags,
            dockerfile.get(),
            context.get(),
            buildArgs,
            labels));
  }

  /** A path inside the workspace: relative, no {@code ..} escaping it. */
  private static Optional<String> relativePath(YamlNode spec, String field, String fallback) {
    String path = spec.optionalText(field, fallback);
    String normalized = path.replace('\\', '/');
    boolean escapes = normalized.startsWith("/") || List.of(normalized.split("/")).contains("..");
    String outside = "'" + path + "' must be a path inside the workspace (relative, without ..)";
    return spec.check(!escapes, field, outside)
            && spec.check(!Expressions.containsExpression(path), field, NO_EXPRESSIONS)
        ? Optional.of(path)
        : Optional.empty();
  }

  /** A required OCI repository path (build-and-push's repo, verification's image_path). */
  static Optional<String> repository(YamlNode node, String field, String label) {
    return node.text(
        field,
        label,
        REPOSITORY,
        "'%s' is not a valid repository path (lowercase letters, digits, separators . _ -, path"
            + " components joined by /, e.g. demo/app)");
  }

  /** A tag: an OCI tag as written, or valid expressions. */
  static boolean tagValid(YamlNode node, String field, String tag) {
    if (Expressions.containsExpression(tag)) {
      return expressionsValid(node, field, tag);
    }
    String invalid =
        "'%s' is not a valid image tag (letters, digits, _ . -, at most 128, not starting with ."
            + " or -)";
    return node.check(TAG.matcher(tag).matches(), field, invalid.formatted(tag));
  }

  static boolean expressionsValid(YamlNode node, String field, String value) {
    List<String> problems = Expressions.problems(value);
    problems.forEach(problem -> node.problem(field, problem));
    return problems.isEmpty();
  }

  private static Optional<String> identifier(YamlNode node, String field, String label) {
    return node.text(
        field,
        label,
        IDENTIFIER,
        "'%s' is not a valid identifier (letters, digits and _, not starting with a digit, at most"
            + " 128 characters)");
  }

  private static void mustMatch(
      YamlNode node, String field, Optional<String> value, String expected, String what) {
    node.mustEqual(
        field,
        value,
        expected,
        given ->
            "'"
                + given
                + "' does not match the "
                + what
                + " '"
                + expected
                + "' of the request path");
  }
}

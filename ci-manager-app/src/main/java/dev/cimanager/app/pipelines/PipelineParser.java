package dev.cimanager.app.pipelines;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses and validates pipeline YAML (the Harness v0 shape of {@code
 * contract/examples/pipeline-slsa.yaml}) into a {@link Pipeline}, or throws {@link
 * InvalidPipelineException} listing every problem with its YAML path. Fields this CI manager does
 * not use (Harness' {@code description}, {@code tags}, {@code platform}, {@code infrastructure}...)
 * are ignored so pipelines copied from Harness still load.
 */
@Singleton
public final class PipelineParser {

  /** Harness' identifier rule, without the {@code $} it tolerates. */
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  /** A secret or connector reference: {@code account.<id>}, {@code org.<id>} or {@code <id>}. */
  static final Pattern REFERENCE =
      Pattern.compile("((account|org)\\.)?[A-Za-z_][A-Za-z0-9_]{0,127}");

  /** An OCI repository path (distribution spec). */
  static final Pattern REPOSITORY =
      Pattern.compile(
          "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*");

  /** An OCI tag (distribution spec). */
  static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  /** The path of a problem with the document as a whole (it does not parse, or has no pipeline). */
  static final String DOCUMENT = "$";

  private final YAMLMapper mapper;

  public PipelineParser() {
    mapper =
        YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            // keep "1.10" as written instead of the double 1.1
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
  }

  /**
   * @param key the org, project and pipeline of the REST path; the YAML must name the same ones
   * @throws InvalidPipelineException with every problem found
   */
  public Pipeline parse(PipelineKey key, String yaml) {
    List<PipelineProblem> problems = new ArrayList<>();
    JsonNode root;
    try {
      root = mapper.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new InvalidPipelineException(List.of(new PipelineProblem(DOCUMENT, malformed(e))));
    }
    if (root == null || root.isMissingNode() || !root.isObject() || !root.has("pipeline")) {
      throw new InvalidPipelineException(
          List.of(
              new PipelineProblem(
                  DOCUMENT, "the YAML document's root must be a map with the key 'pipeline'")));
    }
    YamlNode pipelineNode = new YamlNode(root, "", problems).object("pipeline", "Pipeline");
    Pipeline pipeline = pipelineNode == null ? null : readPipeline(key, pipelineNode, yaml);
    if (!problems.isEmpty() || pipeline == null) {
      throw new InvalidPipelineException(problems);
    }
    return pipeline;
  }

  /**
   * One line: snakeyaml's problem (its message spans lines with a caret drawing) or Jackson's first
   * line, and where it is.
   */
  public static String malformed(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException marked
        && marked.getProblem() != null
        && marked.getProblemMark() != null) {
      return "malformed YAML: "
          + marked.getProblem()
          + " (line "
          + (marked.getProblemMark().getLine() + 1)
          + ", column "
          + (marked.getProblemMark().getColumn() + 1)
          + ")";
    }
    String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
    JsonLocation at = e.getLocation();
    return "malformed YAML: "
        + message.lines().findFirst().orElse("unreadable")
        + (at == null || at.getLineNr() < 0
            ? ""
            : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
  }

  private Pipeline readPipeline(PipelineKey key, YamlNode node, String yaml) {
    String identifier = identifier(node, "identifier", "Identifier");
    String name = node.text("name", "Name");
    String org = identifier(node, "orgIdentifier", "Org identifier");
    String project = identifier(node, "projectIdentifier", "Project identifier");
    mustMatch(node, "identifier", identifier, key.pipelineIdentifier(), "pipeline");
    mustMatch(node, "orgIdentifier", org, key.orgIdentifier(), "org");
    mustMatch(node, "projectIdentifier", project, key.projectIdentifier(), "project");
    Optional<YamlNode> codebaseNode =
        node.optionalObject("properties")
            .flatMap(properties -> properties.optionalObject("ci"))
            .flatMap(ci -> ci.optionalObject("codebase"));
    Codebase codebase = codebaseNode.map(this::readCodebase).orElse(null);
    List<Stage> stages = new ArrayList<>();
    Set<String> stageIds = new HashSet<>();
    for (YamlNode item : node.list("stages", "Stages")) {
      YamlNode wrapper = item.asObject();
      if (wrapper == null) {
        continue;
      }
      if (!wrapper.has("stage")) {
        wrapper.problem(null, "expected a 'stage' entry (parallel stages are not supported)");
        continue;
      }
      YamlNode stageNode = wrapper.object("stage", "Stage");
      if (stageNode != null) {
        Stage stage = readStage(stageNode, codebaseNode.isPresent());
        if (stage != null && !stageIds.add(stage.identifier())) {
          stageNode.problem(
              "identifier", "duplicate stage identifier '" + stage.identifier() + "'");
        }
        if (stage != null) {
          stages.add(stage);
        }
      }
    }
    if (identifier == null || name == null || org == null || project == null || stages.isEmpty()) {
      return null;
    }
    return new Pipeline(identifier, name, org, project, codebase, stages, yaml);
  }

  private Codebase readCodebase(YamlNode node) {
    String connectorRef = reference(node, "connectorRef", "Codebase connector");
    YamlNode build = node.object("build", "Codebase build");
    if (build == null) {
      return null;
    }
    String type = build.text("type", "Build type");
    if (type == null) {
      return null;
    }
    Codebase.BuildType buildType =
        switch (type) {
          case "branch" -> Codebase.BuildType.BRANCH;
          case "tag" -> Codebase.BuildType.TAG;
          default -> null;
        };
    if (buildType == null) {
      build.problem("type", "unknown build type '" + type + "'; expected branch or tag");
      return null;
    }
    YamlNode spec = build.object("spec", "Build spec");
    String ref =
        spec == null ? null : spec.text(buildType.yamlName(), capitalize(buildType.yamlName()));
    if (connectorRef == null || ref == null) {
      return null;
    }
    if (Expressions.containsExpression(ref)) {
      spec.problem(buildType.yamlName(), "expressions are not supported here");
      return null;
    }
    if (!GitRefNames.isValid(ref)) {
      spec.problem(
          buildType.yamlName(),
          "'"
              + GitRefNames.printable(ref)
              + "' is not a valid "
              + buildType.yamlName()
              + " name (letters, digits, '.', '_', '/', '-'; not starting with '-' or '.'; no '..')");
      return null;
    }
    return new Codebase(connectorRef, buildType, ref);
  }

  private Stage readStage(YamlNode node, boolean hasCodebase) {
    String identifier = identifier(node, "identifier", "Identifier");
    String name = node.text("name", "Name");
    String type = node.text("type", "Stage type");
    if (type != null && !type.equals("CI")) {
      node.problem("type", "unknown stage type '" + type + "'; only CI stages are supported");
    }
    YamlNode spec = node.object("spec", "Stage spec");
    if (spec == null) {
      return null;
    }
    boolean cloneCodebase = spec.optionalBoolean("cloneCodebase", true);
    if (cloneCodebase && !hasCodebase) {
      spec.problem(
          "cloneCodebase",
          "the stage clones the codebase but pipeline.properties.ci.codebase is missing");
    }
    SlsaProvenance slsa =
        spec.optionalObject("slsa_provenance").map(this::readSlsaProvenance).orElse(null);
    List<Step> steps = new ArrayList<>();
    YamlNode execution = spec.object("execution", "Execution");
    if (execution != null) {
      Set<String> stepIds = new HashSet<>();
      for (YamlNode item : execution.list("steps", "Steps")) {
        YamlNode wrapper = item.asObject();
        if (wrapper == null) {
          continue;
        }
        if (!wrapper.has("step")) {
          wrapper.problem(
              null, "expected a 'step' entry (parallel steps and step groups are not supported)");
          continue;
        }
        YamlNode stepNode = wrapper.object("step", "Step");
        Step step = stepNode == null ? null : readStep(stepNode);
        if (step != null && !stepIds.add(step.identifier())) {
          stepNode.problem(
              "identifier", "duplicate step identifier '" + step.identifier() + "' in this stage");
        }
        if (step != null) {
          steps.add(step);
        }
      }
    }
    if (identifier == null || name == null || (slsa == null && spec.has("slsa_provenance"))) {
      return null;
    }
    return new Stage(identifier, name, cloneCodebase, slsa, steps, node.path());
  }

  private SlsaProvenance readSlsaProvenance(YamlNode node) {
    JsonNode enabledNode = node.raw("enabled");
    String enabled;
    if (enabledNode == null || enabledNode.isNull()) {
      node.problem("enabled", "Enabled is required (true, false or an expression)");
      return null;
    } else if (enabledNode.isBoolean()) {
      enabled = Boolean.toString(enabledNode.booleanValue());
    } else if (enabledNode.isTextual() && isBooleanOrExpression(enabledNode.textValue())) {
      enabled = enabledNode.textValue();
      if (!expressionsValid(node, "enabled", enabled)) {
        return null;
      }
    } else {
      node.problem(
          "enabled",
          "expected true, false or an expression but got "
              + (enabledNode.isTextual()
                  ? "'" + enabledNode.textValue() + "'"
                  : YamlNode.describe(enabledNode)));
      return null;
    }
    if (enabled.equals("false") && !node.has("attestation")) {
      return new SlsaProvenance(enabled, null, null, node.path());
    }
    YamlNode attestation = node.object("attestation", "Attestation");
    if (attestation == null) {
      return null;
    }
    String type = attestation.text("type", "Attestation type");
    if (type != null && !type.equals("cosign")) {
      attestation.problem(
          "type", "unknown attestation type '" + type + "'; only cosign is supported");
    }
    YamlNode spec = attestation.object("spec", "Attestation spec");
    if (spec == null) {
      return null;
    }
    String privateKey = reference(spec, "private_key", "Private key");
    String password = reference(spec, "password", "Password");
    if (privateKey == null || password == null || type == null || !type.equals("cosign")) {
      return null;
    }
    return new SlsaProvenance(enabled, privateKey, password, node.path());
  }

  private static boolean isBooleanOrExpression(String text) {
    String trimmed = text.trim();
    return trimmed.equalsIgnoreCase("true")
        || trimmed.equalsIgnoreCase("false")
        || Expressions.containsExpression(trimmed);
  }

  private Step readStep(YamlNode node) {
    String identifier = identifier(node, "identifier", "Identifier");
    String name = node.text("name", "Name");
    String type = node.text("type", "Step type");
    if (type == null) {
      return null;
    }
    StepSpec spec;
    switch (type) {
      case BuildAndPushSpec.TYPE -> spec = readBuildAndPush(node.object("spec", "Step spec"));
      case SlsaVerificationSpec.TYPE -> spec = SlsaVerificationYaml.read(node);
      default -> {
        node.problem(
            "type",
            "unknown step type '"
                + type
                + "': supported step types: "
                + BuildAndPushSpec.TYPE
                + ", "
                + SlsaVerificationSpec.TYPE);
        return null;
      }
    }
    if (identifier == null || name == null || spec == null) {
      return null;
    }
    return new Step(identifier, name, spec, node.path());
  }

  private BuildAndPushSpec readBuildAndPush(YamlNode spec) {
    if (spec == null) {
      return null;
    }
    String connectorRef = reference(spec, "connectorRef", "Docker registry connector");
    String repo = spec.text("repo", "Repository");
    if (repo != null && !REPOSITORY.matcher(repo).matches()) {
      spec.problem(
          "repo",
          "'"
              + repo
              + "' is not a valid repository path (lowercase letters, digits, "
              + "separators . _ -, path components joined by /, e.g. demo/app)");
      repo = null;
    }
    List<String> tags = spec.textList("tags", "Tags");
    boolean tagsValid = !tags.isEmpty();
    for (int i = 0; i < tags.size(); i++) {
      String tag = tags.get(i);
      String field = "tags[" + i + "]";
      if (Expressions.containsExpression(tag)) {
        tagsValid &= expressionsValid(spec, field, tag);
      } else if (!TAG.matcher(tag).matches()) {
        spec.problem(
            field,
            "'"
                + tag
                + "' is not a valid image tag (letters, digits, _ . -, at most 128, "
                + "not starting with . or -)");
        tagsValid = false;
      }
    }
    String dockerfile = relativePath(spec, "dockerfile", "Dockerfile");
    String context = relativePath(spec, "context", ".");
    Map<String, String> buildArgs = spec.textMap("buildArgs");
    Map<String, String> labels = spec.textMap("labels");
    boolean valuesValid = true;
    for (Map.Entry<String, String> entry : buildArgs.entrySet()) {
      valuesValid &= expressionsValid(spec, "buildArgs." + entry.getKey(), entry.getValue());
    }
    for (Map.Entry<String, String> entry : labels.entrySet()) {
      valuesValid &= expressionsValid(spec, "labels." + entry.getKey(), entry.getValue());
    }
    if (connectorRef == null
        || repo == null
        || !tagsValid
        || dockerfile == null
        || context == null
        || !valuesValid) {
      return null;
    }
    return new BuildAndPushSpec(connectorRef, repo, tags, dockerfile, context, buildArgs, labels);
  }

  /** A path inside the workspace: relative, no {@code ..} escaping it. */
  private static String relativePath(YamlNode spec, String field, String fallback) {
    String path = spec.optionalText(field, fallback);
    String normalized = path.replace('\\', '/');
    boolean escapes = normalized.startsWith("/") || List.of(normalized.split("/")).contains("..");
    if (escapes) {
      spec.problem(
          field, "'" + path + "' must be a path inside the workspace (relative, without ..)");
      return null;
    }
    if (Expressions.containsExpression(path)) {
      spec.problem(field, "expressions are not supported here");
      return null;
    }
    return path;
  }

  static boolean expressionsValid(YamlNode node, String field, String value) {
    List<String> problems = Expressions.problems(value);
    problems.forEach(problem -> node.problem(field, problem));
    return problems.isEmpty();
  }

  private static String identifier(YamlNode node, String field, String label) {
    String value = node.text(field, label);
    if (value != null && !IDENTIFIER.matcher(value).matches()) {
      node.problem(
          field,
          "'"
              + value
              + "' is not a valid identifier (letters, digits and _, "
              + "not starting with a digit, at most 128 characters)");
      return null;
    }
    return value;
  }

  /**
   * The text at {@code field} if it is a valid reference; else null and a problem (triggers too).
   */
  public static String reference(YamlNode node, String field, String label) {
    String value = node.text(field, label);
    if (value != null && !REFERENCE.matcher(value).matches()) {
      node.problem(
          field, "'" + value + "' is not a valid reference (account.<id>, org.<id> or <id>)");
      return null;
    }
    return value;
  }

  private static void mustMatch(
      YamlNode node, String field, String value, String expected, String what) {
    if (value != null && !value.equals(expected)) {
      node.problem(
          field,
          "'" + value + "' does not match the " + what + " '" + expected + "' of the request path");
    }
  }

  private static String capitalize(String word) {
    return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }
}

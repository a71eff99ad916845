package dev.cimanager.app.execution.tools;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cimanager.ssca.spi.Digest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds an image with {@code buildah} ({@code vfs} storage, no daemon) and pushes it with every
 * tag. A Dockerfile's {@code RUN} steps run isolated from the server ({@link
 * BuildIsolation#NAMESPACES}); pulling base images and pushing happen in buildah's own process, on
 * the server's network.
 *
 * <p>Each build gets a private directory under {@code dataDir/buildah/tmp} holding its auth file,
 * its temp files and runc's state of its containers ({@code runc --root}), so a build left by a
 * crashed server is found and stopped by {@link LeftoverBuilds}; {@code buildah bud} runs under
 * {@link BuildTimeLimit}, which ends it and its containers even when the server is gone.
 *
 * <p>Reproducible: {@code --timestamp <commit time>} sets the image's created time and every file
 * time in its layers (checkouts give files the time of checkout), so building one commit twice
 * pushes the same digest.
 *
 * <p>Pushed as OCI ({@code --format oci}): the attestation is an OCI manifest too, and the registry
 * stores and serves the manifest bytes buildah pushed, so the digest in {@code --digestfile} is the
 * one the registry answers for every tag. Registry credentials go into a per-build auth file (mode
 * 600, deleted after), never onto a command line or into the log.
 */
public final class BuildahBuilder {

  /**
   * The name prefix of the local image a build tags before pushing (removed after, or at next
   * start-up).
   */
  static final String LOCAL_IMAGE_PREFIX = "localhost/cimanager-build-";

  private static final Pattern VERSION = Pattern.compile("buildah version (\\S+)");

  private final BuildahPaths paths;
  private final Path root;
  private final Path runRoot;
  private final Path tmp;
  private final Set<String> insecureRegistries;
  private final BuildIsolation isolation;
  private final Duration commandTimeout;
  private final CommandRunner runner;
  private final CommandRetry pushRetry;
  private final CommandRetry buildRetry;
  private volatile String version;

  /**
   * @param dataDir buildah's storage goes under {@code dataDir/buildah}
   * @param insecureRegistries {@code host:port}s reached over plain HTTP (no TLS verification)
   * @param commandTimeout for each buildah command (build, each push)
   */
  public BuildahBuilder(Path dataDir, Set<String> insecureRegistries, Duration commandTimeout) {
    this(dataDir, insecureRegistries, commandTimeout, BuildIsolation.NAMESPACES);
  }

  /**
   * @param isolation how {@code RUN} steps are isolated: {@link BuildIsolation#NAMESPACES} but in
   *     the benchmark comparing it with what came before
   */
  public BuildahBuilder(
      Path dataDir,
      Set<String> insecureRegistries,
      Duration commandTimeout,
      BuildIsolation isolation) {
    this.paths = BuildahPaths.under(dataDir);
    this.root = paths.root();
    this.runRoot = paths.runRoot();
    this.tmp = paths.tmp();
    this.insecureRegistries = Set.copyOf(insecureRegistries);
    this.isolation = isolation;
    this.commandTimeout = commandTimeout;
    this.runner = new CommandRunner(commandTimeout);
    this.pushRetry = CommandRetry.pushes();
    this.buildRetry = CommandRetry.builds();
  }

  /** The buildah version, e.g. {@code 1.28.2}, for the provenance's builder versions. */
  public String version() {
    if (version == null) {
      List<String> output =
          runner.run(
              "ask buildah for its version",
              List.of("buildah", "--version"),
              Path.of("."),
              Map.of(),
              new StepLog(line -> line));
      Matcher matcher = VERSION.matcher(String.join("\n", output));
      if (!matcher.find()) {
        throw new StepFailedException(
            "tried to read the buildah version but 'buildah --version' printed: "
                + String.join(" ", output));
      }
      version = matcher.group(1);
    }
    return version;
  }

  /**
   * Builds {@code build} and pushes it to {@code registry/repository:tag} for each tag.
   *
   * @throws StepFailedException with the failed command's last log lines
   */
  public PushedImage buildAndPush(ImageBuild build, StepLog log) {
    Path workspace = build.workspace().toAbsolutePath().normalize();
    Path dockerfile = insideWorkspace(workspace, build.dockerfile(), "Dockerfile");
    Path context = insideWorkspace(workspace, build.context(), "build context");
    if (!Files.isRegularFile(dockerfile)) {
      throw new StepFailedException(
          "tried to build "
              + build.image()
              + " but the Dockerfile '"
              + build.dockerfile()
              + "' does not exist in the workspace");
    }
    if (!Files.isDirectory(context)) {
      throw new StepFailedException(
          "tried to build "
              + build.image()
              + " but the build context '"
              + build.context()
              + "' is not a directory in the workspace");
    }
    String builderVersion = version();
    List<String> baseImages = DockerfileBaseImages.of(read(dockerfile));
    String localName = LOCAL_IMAGE_PREFIX + UUID.randomUUID();
    Path buildDir = createBuildDir();
    boolean built = false;
    try {
      Path authFile = writeAuthFile(buildDir, build);
      List<String> bud =
          budCommand(build, dockerfile, context, authFile, baseImages, localName, buildDir);
      List<String> limited =
          BuildTimeLimit.wrap(bud, commandTimeout.plus(BuildTimeLimit.GRACE), runcRoot(buildDir));
      // two builds of one commit create identical layers at once in the shared storage; one may
      // lose the race
      buildRetry.run(
          build.image(),
          log,
          () -> runner.run("build " + build.image(), limited, bud, workspace, env(buildDir), log));
      built = true;
      List<PushedImage.BaseImage> resolvedBases = new ArrayList<>();
      for (String baseImage : baseImages) {
        resolvedBase(baseImage, inspectBaseDigest(baseImage, log), log)
            .ifPresent(resolvedBases::add);
      }
      String digest = null;
      for (String tag : build.tags()) {
        String tagDigest = push(build, tag, localName, authFile, buildDir, log);
        if (digest != null && !digest.equals(tagDigest)) {
          throw new StepFailedException(
              "tried to push "
                  + build.image()
                  + " but tag '"
                  + tag
                  + "' got digest "
                  + tagDigest
                  + " while the earlier tags got "
                  + digest);
        }
        digest = tagDigest;
      }
      log.append(
          "Pushed " + build.image() + "@" + digest + " as " + String.join(", ", build.tags()));
      return new PushedImage(build.image(), build.tags(), digest, builderVersion, resolvedBases);
    } finally {
      if (built) {
        removeLocalImage(localName, log);
      }
      deleteRecursively(buildDir);
    }
  }

  private List<String> budCommand(
      ImageBuild build,
      Path dockerfile,
      Path context,
      Path authFile,
      List<String> baseImages,
      String localName,
      Path buildDir) {
    List<String> command = buildah("bud");
    command.addAll(isolation.flags());
    if (isolation.usesRunc()) {
      command.addAll(List.of("--runtime-flag", "root=" + runcRoot(buildDir)));
    }
    // --no-cache --force-rm: without them buildah 1.28 leaves the working container of every
    // earlier stage of a multi-stage build behind, each a full rootfs copy in vfs storage
    command.addAll(
        List.of(
            "--format",
            "oci",
            "--no-cache",
            "--force-rm",
            "--timestamp",
            Long.toString(build.sourceDate().getEpochSecond()),
            "-f",
            dockerfile.toString()));
    build
        .buildArgs()
        .forEach((key, value) -> command.addAll(List.of("--build-arg", key + "=" + value)));
    build.labels().forEach((key, value) -> command.addAll(List.of("--label", key + "=" + value)));
    if (authFile != null) {
      command.addAll(List.of("--authfile", authFile.toString()));
    }
    if (baseImages.stream().anyMatch(image -> insecureRegistries.contains(hostOf(image)))) {
      command.add("--tls-verify=false");
    }
    command.addAll(List.of("-t", localName, context.toString()));
    return command;
  }

  private String push(
      ImageBuild build, String tag, String localName, Path authFile, Path buildDir, StepLog log) {
    Path digestFile = buildDir.resolve("digest-" + UUID.randomUUID());
    String destination = build.image() + ":" + tag;
    List<String> command = buildah("push");
    command.addAll(List.of("--format", "oci", "--digestfile", digestFile.toString()));
    if (authFile != null) {
      command.addAll(List.of("--authfile", authFile.toString()));
    }
    if (insecureRegistries.contains(build.registry())) {
      command.add("--tls-verify=false");
    }
    command.addAll(List.of(localName, "docker://" + destination));
    // a registry 5xx or two builds pushing one tag at once must not fail the step: retried with
    // backoff
    pushRetry.run(
        destination,
        log,
        () -> runner.run("push " + destination, command, build.workspace(), env(), log));
    String digest = read(digestFile).trim();
    if (!Digest.isValid(digest)) {
      throw new StepFailedException(
          "tried to push " + destination + " but buildah reported the digest '" + digest + "'");
    }
    return digest;
  }

  private List<String> inspectBaseDigest(String baseImage, StepLog log) {
    List<String> command = buildah("inspect");
    command.addAll(List.of("--type", "image", "--format", "{{.FromImageDigest}}", baseImage));
    return runner.run(
        "read the digest of base image " + baseImage, command, Path.of("."), env(), log);
  }

  /**
   * The base image with the digest {@code buildah inspect} printed last, or empty (and a log line)
   * when it printed none: the provenance then lists no entry for it rather than an invalid one
   * failing the step.
   */
  static Optional<PushedImage.BaseImage> resolvedBase(
      String baseImage, List<String> inspectOutput, StepLog log) {
    String digest =
        inspectOutput.isEmpty() ? "" : inspectOutput.get(inspectOutput.size() - 1).trim();
    if (!Digest.isValid(digest)) {
      log.append(
          "(buildah printed no digest for base image "
              + baseImage
              + "; it is left out of the provenance's resolvedDependencies)");
      return Optional.empty();
    }
    return Optional.of(new PushedImage.BaseImage(baseImage, digest));
  }

  private void removeLocalImage(String localName, StepLog log) {
    List<String> command = buildah("rmi");
    command.addAll(List.of("-f", localName));
    try {
      runner.run("remove the local image", command, Path.of("."), env(), new StepLog(line -> line));
    } catch (StepFailedException e) {
      // the image is pushed already; a leftover only costs vfs space
      log.append("(could not remove the local image " + localName + ")");
    }
  }

  private List<String> buildah(String subcommand) {
    return new ArrayList<>(
        List.of(
            "buildah",
            "--storage-driver",
            "vfs",
            "--root",
            root.toString(),
            "--runroot",
            runRoot.toString(),
            subcommand));
  }

  private Map<String, String> env() {
    // big layer files go under the data dir rather than /var/tmp
    return Map.of("TMPDIR", tmp.toString());
  }

  /** The build's temp files, container bundles included, in its own directory. */
  private static Map<String, String> env(Path buildDir) {
    return Map.of("TMPDIR", buildDir.toString());
  }

  static Path runcRoot(Path buildDir) {
    return buildDir.resolve(BuildahPaths.RUNC_STATE);
  }

  private Path createBuildDir() {
    paths.prepare();
    try {
      // rwx--x--x: the build's user namespace must reach its bundle in here; the auth file stays
      // 600
      return Files.createTempDirectory(
          tmp,
          BuildahPaths.BUILD_DIR_PREFIX,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
    } catch (IOException e) {
      throw new UncheckedIOException("could not create a build directory under " + tmp, e);
    }
  }

  /** The containers-auth.json for {@code build}'s registry, or null for anonymous access. */
  static Path writeAuthFile(Path buildDir, ImageBuild build) {
    if (build.credentials() == null) {
      return null;
    }
    String auth =
        Base64.getEncoder()
            .encodeToString(
                (build.credentials().username() + ":" + build.credentials().password())
                    .getBytes(StandardCharsets.UTF_8));
    // Jackson, not concatenation: a registry name is escaped properly whatever it holds
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.putObject("auths").putObject(build.registry()).put("auth", auth);
    try {
      Path file =
          Files.createFile(
              buildDir.resolve("auth.json"),
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(file, json.toString().getBytes(StandardCharsets.UTF_8));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the registry auth file", e);
    }
  }

  private static Path insideWorkspace(Path workspace, String relative, String what) {
    Path resolved = workspace.resolve(relative).normalize();
    if (!resolved.startsWith(workspace)) {
      throw new StepFailedException(
          "tried to build but the " + what + " '" + relative + "' points outside the workspace");
    }
    try {
      if (Files.exists(resolved) && !resolved.toRealPath().startsWith(workspace.toRealPath())) {
        throw new StepFailedException(
            "tried to build but the " + what + " '" + relative + "' links outside the workspace");
      }
    } catch (IOException e) {
      throw new StepFailedException(
          "tried to build but could not read the "
              + what
              + " '"
              + relative
              + "': "
              + e.getMessage(),
          e);
    }
    return resolved;
  }

  /**
   * The registry host of an image reference, as Docker decides it (first component with . or :).
   */
  static String hostOf(String image) {
    int slash = image.indexOf('/');
    if (slash < 0) {
      return "docker.io";
    }
    String first = image.substring(0, slash);
    return first.contains(".") || first.contains(":") || first.equals("localhost")
        ? first
        : "docker.io";
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file, e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temp directory under the data dir is harmless
    }
  }
}

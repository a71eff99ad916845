package dev.cimanager.ssca.api;

import dev.cimanager.contracts.executions.TriggerType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fixed execution context the golden file was written from, and variants of it. */
public final class ExecutionContexts {
  public static final String DIGEST = "sha256:" + "3f".repeat(32);
  public static final String COMMIT = "9c1e5d0c6a0b4f2e8d7a6b5c4d3e2f1a0b9c8d7e";
  public static final Instant COMMIT_TIME = Instant.parse("2026-11-26T04:58:12Z");

  private ExecutionContexts() {}

  public static Codebase branchCodebase() {
    return new Codebase(
        "https://git.example.com/demo/app.git", "main", null, null, COMMIT, COMMIT_TIME);
  }

  public static ExecutionContext golden() {
    return withCodebase(branchCodebase());
  }

  public static ExecutionContext withCodebase(Codebase codebase) {
    return withImage(
        codebase, new PushedImage("127.0.0.1:5000", "demo/app", List.of("1.0", "7"), DIGEST));
  }

  public static ExecutionContext withImage(Codebase codebase, PushedImage image) {
    Map<String, String> buildArgs = new LinkedHashMap<>();
    buildArgs.put("VERSION", "1.0");
    buildArgs.put("BASE", "scratch");
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("ci-manager", "0.1.0");
    versions.put("buildah", "1.39.3");
    return new ExecutionContext(
        "acme",
        "default",
        "demo",
        "build_app",
        "exec-0001",
        7,
        new Trigger(TriggerType.MANUAL, "Ada Lovelace", null),
        codebase,
        "build",
        "BuildAndPush",
        new BuildSpec(
            "Dockerfile",
            ".",
            buildArgs,
            Map.of("org.opencontainers.image.title", "app"),
            image.tags()),
        image,
        List.of(new BaseImage("docker.io/library/alpine", "sha256:" + "a1".repeat(32))),
        versions,
        Instant.parse("2026-11-26T05:00:00.123456Z"),
        Instant.parse("2026-11-26T05:01:30.987Z"));
  }
}

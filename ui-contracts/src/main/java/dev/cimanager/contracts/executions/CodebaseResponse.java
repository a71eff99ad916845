package dev.cimanager.contracts.executions;

/** The source an execution checked out; {@code branch} or {@code tag} is null. */
public record CodebaseResponse(String repositoryUrl, String branch, String tag, String commitSha) {}

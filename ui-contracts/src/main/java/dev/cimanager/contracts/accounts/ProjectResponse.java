package dev.cimanager.contracts.accounts;

public record ProjectResponse(String identifier, String name, String orgIdentifier) {}

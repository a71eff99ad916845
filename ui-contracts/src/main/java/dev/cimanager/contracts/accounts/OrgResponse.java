package dev.cimanager.contracts.accounts;

public record OrgResponse(String identifier, String name) {}

package dev.cimanager.contracts.accounts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The first user of a new account; the returned token acts as this user. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccountUser(String name, String email) {}

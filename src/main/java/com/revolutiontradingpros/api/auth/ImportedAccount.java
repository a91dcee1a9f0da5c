package com.revolutiontradingpros.api.auth;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One account from an import file. A password hash (Laravel's bcrypt {@code $2y$} or Argon2id) is used only for
 * new accounts; an existing account keeps its password, and an existing staff account keeps its roles.
 */
public record ImportedAccount(String email, String name, List<String> roles, @Nullable String passwordHash) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED }
}

package dev.cimanager.app.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces secret values in text (step logs) with {@link #MASK}. Longer values are replaced first
 * so a value containing another is masked whole. Multi-line values (files) are also masked line by
 * line, since tools print them that way.
 */
public final class SecretMasker {
  public static final String MASK = "**************";
  private final List<String> values;

  private SecretMasker(Collection<String> values) {
    Set<String> unique = new LinkedHashSet<>();
    for (String value : values) {
      addValue(unique, value);
    }
    this.values =
        unique.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  public static SecretMasker of(Collection<ResolvedSecret> secrets) {
    return new SecretMasker(secrets.stream().map(ResolvedSecret::valueAsString).toList());
  }

  public static SecretMasker ofValues(Collection<String> values) {
    return new SecretMasker(values);
  }

  public String mask(String text) {
    if (text == null || values.isEmpty()) {
      return text;
    }
    String masked = text;
    for (String value : values) {
      masked = masked.replace(value, MASK);
    }
    return masked;
  }

  public byte[] mask(byte[] utf8) {
    return mask(new String(utf8, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
  }

  private static void addValue(Set<String> unique, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    unique.add(value);
    String trimmed = value.strip();
    if (!trimmed.isEmpty()) {
      unique.add(trimmed);
    }
    if (value.indexOf('\n') >= 0) {
      for (String line : value.split("\\R")) {
        // Short lines (PEM dashes, blank lines) would mask unrelated log text.
        if (line.strip().length() >= 8) {
          unique.add(line.strip());
        }
      }
    }
  }

  @Override
  public String toString() {
    return "SecretMasker[" + values.size() + " values]";
  }
}

package dev.cimanager.app.pipelines;

import java.util.regex.Pattern;

/**
 * Branch and tag names as users type them, one rule for pipeline save and for the run API: letters,
 * digits, {@code . _ / -}, not starting with {@code -} or {@code .} (no {@code --upload-pack=...}
 * reaching a Git command line), no {@code ..}, no spaces or control characters, at most 255
 * characters.
 */
public final class GitRefNames {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._/-]{0,254}");

  private GitRefNames() {}

  public static boolean isValid(String name) {
    return name != null && NAME.matcher(name).matches() && !name.contains("..");
  }

  /**
   * {@code name} for a message: control characters shown as {@code ?} so they cannot forge lines.
   */
  public static String printable(String name) {
    return name.codePoints()
        .map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }
}

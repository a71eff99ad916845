package dev.cimanager.app.execution.tools;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The external images a Dockerfile's {@code FROM} lines name: not {@code scratch}, not an earlier
 * stage's name, and not built from {@code ARG}s (their value is only known to the builder).
 */
final class DockerfileBaseImages {

  private DockerfileBaseImages() {}

  static List<String> of(String dockerfile) {
    Set<String> stageNames = new HashSet<>();
    Set<String> images = new LinkedHashSet<>();
    for (String rawLine : dockerfile.split("\\R")) {
      String[] words = rawLine.trim().split("\\s+");
      if (words.length < 2 || !words[0].equalsIgnoreCase("FROM")) {
        continue;
      }
      int index = 1;
      while (index < words.length && words[index].startsWith("--")) {
        index++;
      }
      if (index >= words.length) {
        continue;
      }
      String image = words[index];
      boolean external =
          !image.equalsIgnoreCase("scratch")
              && !image.contains("$")
              && !stageNames.contains(image.toLowerCase(Locale.ROOT));
      if (external) {
        images.add(image);
      }
      if (index + 2 < words.length && words[index + 1].equalsIgnoreCase("AS")) {
        stageNames.add(words[index + 2].toLowerCase(Locale.ROOT));
      }
    }
    return new ArrayList<>(images);
  }
}

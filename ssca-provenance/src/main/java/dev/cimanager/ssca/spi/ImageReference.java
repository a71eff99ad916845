package dev.cimanager.ssca.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code host[:port]/path[:tag][@digest]}, parsed with Docker's host rules (see {@link
 * RepositoryRef#parse}). A reference without tag or digest means tag {@code latest}.
 */
public record ImageReference(RepositoryRef repository, String tag, Digest digest) {
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  public ImageReference {
    Objects.requireNonNull(repository, "repository");
    if (tag == null && digest == null) {
      throw new IllegalArgumentException("an image reference needs a tag or a digest");
    }
    if (tag != null && !TAG.matcher(tag).matches()) {
      throw new IllegalArgumentException(
          "tag '" + tag + "' is invalid (up to 128 of [A-Za-z0-9_.-], not starting with . or -)");
    }
  }

  public static ImageReference parse(String value) {
    Objects.requireNonNull(value, "image reference");
    String rest = value;
    Digest digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = Digest.parse(rest.substring(at + 1));
      rest = rest.substring(0, at);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    if (tag == null && digest == null) {
      tag = "latest";
    }
    return new ImageReference(RepositoryRef.parse(rest), tag, digest);
  }

  /** What the Registry API's manifest endpoint takes: the digest when present, else the tag. */
  public String manifestReference() {
    return digest != null ? digest.toString() : tag;
  }

  @Override
  public String toString() {
    return repository + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
  }
}

package dev.cimanager.app.triggers;

/**
 * Text that lets a regular expression read at most {@code budget} characters, then throws: Java's
 * regex engine has no time limit, and a pattern a user saved may backtrack exponentially on a
 * crafted branch name.
 */
final class BoundedText implements CharSequence {

  static final class BudgetExceeded extends RuntimeException {
    BudgetExceeded() {
      super("regular expression exceeded its evaluation budget", null, false, false);
    }
  }

  private final CharSequence text;
  private final int[] remaining;

  BoundedText(CharSequence text, int budget) {
    this(text, new int[] {budget});
  }

  private BoundedText(CharSequence text, int[] remaining) {
    this.text = text;
    this.remaining = remaining;
  }

  @Override
  public char charAt(int index) {
    if (--remaining[0] < 0) {
      throw new BudgetExceeded();
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new BoundedText(text.subSequence(start, end), remaining);
  }

  @Override
  public String toString() {
    return text.toString();
  }
}

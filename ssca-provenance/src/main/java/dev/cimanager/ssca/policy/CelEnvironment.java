package dev.cimanager.ssca.policy;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;

/**
 * The one CEL environment every policy compiles and runs in: the variables a policy sees and the
 * limits that keep a policy from running away. Thread-safe and shared.
 */
public final class CelEnvironment {
  public static final String STATEMENT = "statement";
  public static final String PREDICATE = "predicate";
  public static final String PREDICATE_TYPE = "predicateType";
  public static final String IMAGE = "image";
  public static final String NOW = "now";

  /** Longest expression accepted at save, in code points. */
  public static final int MAX_EXPRESSION_LENGTH = 4096;

  /** Iterations of one comprehension ({@code all}, {@code exists}, {@code map}, {@code filter}). */
  public static final int MAX_COMPREHENSION_ITERATIONS = 1000;

  public static final Cel CEL =
      CelFactory.standardCelBuilder()
          .setOptions(
              CelOptions.current()
                  .maxExpressionCodePointSize(MAX_EXPRESSION_LENGTH)
                  .maxParseRecursionDepth(64)
                  .comprehensionMaxIterations(MAX_COMPREHENSION_ITERATIONS)
                  .enableHeterogeneousNumericComparisons(true)
                  .enableTimestampEpoch(true)
                  .build())
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar(STATEMENT, MapType.create(SimpleType.STRING, SimpleType.DYN))
          .addVar(PREDICATE, SimpleType.DYN)
          .addVar(PREDICATE_TYPE, SimpleType.STRING)
          .addVar(IMAGE, MapType.create(SimpleType.STRING, SimpleType.STRING))
          .addVar(NOW, SimpleType.TIMESTAMP)
          .build();

  private CelEnvironment() {}
}

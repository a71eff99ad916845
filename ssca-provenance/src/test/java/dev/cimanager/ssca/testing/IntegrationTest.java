package dev.cimanager.ssca.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that starts processes (docker-registry, buildah, child JVMs, chromium, Mongo
 * servers, Python): run by the build's second Surefire execution, in {@code verify}; {@code mvn
 * test} runs only the fast ones. Shared with the other modules' tests through this module's
 * test-jar.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(IntegrationTest.TAG)
public @interface IntegrationTest {
  String TAG = "integration";
}

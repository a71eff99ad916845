package dev.cimanager.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.cimanager.app.web.ApiException;
import org.junit.jupiter.api.Test;

/** {@link ArchitectureTest#onlyTheHttpEdgeUsesApiException} catches a store that answers HTTP. */
class ApiExceptionRuleTest {

  @Test
  void aStoreThrowingApiException_breaksTheRule_aResourceDoesNot() {
    var classes = new ClassFileImporter().importClasses(WidgetStore.class, WidgetResource.class);

    assertThatThrownBy(() -> ArchitectureTest.onlyTheHttpEdgeUsesApiException.check(classes))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("was violated (1 times)")
        .hasMessageContaining("WidgetStore.save()")
        .hasMessageNotContaining("WidgetResource.get()");
  }

  static final class WidgetStore {
    void save() {
      throw ApiException.conflict("DUPLICATE_IDENTIFIER", "widget exists");
    }
  }

  static final class WidgetResource {
    void get() {
      throw ApiException.notFound("WIDGET_NOT_FOUND", "no widget");
    }
  }
}

package dev.cimanager.app.errors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.stream.Collectors;

/**
 * Malformed JSON or a field of the wrong type: 400 naming the field (its JSON path) or the
 * position.
 */
public final class JsonProcessingExceptionMapper
    implements ExceptionMapper<JsonProcessingException> {
  @Override
  public Response toResponse(JsonProcessingException e) {
    var wrapped =
        ErrorResponses.wrappedApiException(e).or(() -> RequestBodyFailures.invalidBody(e));
    if (wrapped.isPresent()) {
      return ErrorResponses.of(wrapped.get());
    }
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = path(mapping);
      return ErrorResponses.of(400, "INVALID_JSON", "field '" + field + "' " + problem(mapping));
    }
    if (e instanceof JsonParseException || e.getLocation() != null) {
      return ErrorResponses.of(
          400,
          "INVALID_JSON",
          "request body is not valid JSON"
              + at(e.getLocation())
              + ": "
              + firstLine(e.getOriginalMessage()));
    }
    return ErrorResponses.of(400, "INVALID_JSON", "request body is not valid JSON");
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String problem(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException) {
      return "is not a known field";
    }
    if (e instanceof InvalidFormatException invalid) {
      return "has an invalid value '"
          + invalid.getValue()
          + "'"
          + expected(invalid.getTargetType());
    }
    if (e instanceof MismatchedInputException mismatched) {
      return "has the wrong type" + expected(mismatched.getTargetType());
    }
    return "could not be read";
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "";
    }
    if (type == String.class) {
      return ": expected a string";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
      return ": expected a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return ": expected true or false";
    }
    if (type.isEnum()) {
      return ": expected one of " + java.util.Arrays.toString(type.getEnumConstants());
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return ": expected an array";
    }
    return ": expected an object";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}

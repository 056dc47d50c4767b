package io.sessionlauncher.rest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sessionlauncher.model.ConfigurationException;
import io.sessionlauncher.model.ConflictException;
import io.sessionlauncher.model.InvalidRequestException;
import io.sessionlauncher.model.RequestTooLargeException;
import io.sessionlauncher.model.ResourcesExhaustedException;
import io.sessionlauncher.model.SessionNotFoundException;
import io.sessionlauncher.model.SessionStartException;
import io.sessionlauncher.model.UnknownApplicationException;
import io.sessionlauncher.model.UnresolvedVariableException;
import io.sessionlauncher.rest.testing.InProcessLauncher;
import io.sessionlauncher.spi.InvalidPluginConfigException;
import io.sessionlauncher.spi.PluginException;
import io.sessionlauncher.spi.ProductTimeoutException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every family of launcher exception gets its status, headers and JSON body from the mapper JAX-RS
 * picks for it: the registered mapper of its nearest superclass, as Jersey and RESTEasy both
 * choose. The HTTP tests show the same answers through a running launcher.
 */
class ExceptionMappersTest {

  static Stream<Arguments> families() {
    return Stream.of(
        Arguments.of(new InvalidRequestException("The request body is empty"), 400, null),
        Arguments.of(new UnknownApplicationException("nope"), 400, null),
        Arguments.of(new UnresolvedVariableException("fileToLoad"), 400, null),
        Arguments.of(new RequestTooLargeException(65536), 413, null),
        Arguments.of(
            new InvalidPluginConfigException(
                "greeter.local",
                List.of(
                    new InvalidPluginConfigException.Violation("greeting", "must not be blank"))),
            400,
            null),
        Arguments.of(new SessionNotFoundException("3b241101"), 404, null),
        Arguments.of(new ConflictException("The file \"a.txt\" exists already"), 409, null),
        Arguments.of(new ResourcesExhaustedException(), 503, "5"),
        Arguments.of(new ResourcesExhaustedException("Application 'single' is full"), 503, "5"),
        Arguments.of(
            new SessionStartException(SessionStartException.Reason.EXITED, "exited with code 3"),
            503,
            null),
        Arguments.of(
            new ConfigurationException(Path.of("launcher.json"), "apps", "expected an object"),
            500,
            null),
        Arguments.of(new PluginException("greeter.local failed"), 500, null),
        Arguments.of(
            new ProductTimeoutException("greeter.local", Duration.ofSeconds(1)), 500, null));
  }

  @ParameterizedTest
  @MethodSource("families")
  void eachFamilyHasItsStatusAndTheLaunchersJsonError(
      RuntimeException exception, int status, String retryAfter) {
    var answer = nearestMapper(exception.getClass()).toResponse(exception);

    assertEquals(status, answer.getStatus(), exception.getClass().getName());
    assertEquals(MediaType.valueOf(Json.TYPE), answer.getMediaType());
    assertEquals(Json.write(Map.of("error", exception.getMessage())), answer.getEntity());
    assertEquals(retryAfter, answer.getHeaderString("Retry-After"));
  }

  /** The registered mapper for the nearest superclass of {@code type}, as JAX-RS chooses. */
  // A mapper JAX-RS cannot make is this test's failure, not a linkage problem.
  @SuppressWarnings({"unchecked", "RethrowReflectiveOperationExceptionAsLinkageError"})
  private static ExceptionMapper<Throwable> nearestMapper(Class<?> type) {
    for (Class<?> current = type; current != null; current = current.getSuperclass()) {
      for (Class<?> mapper : InProcessLauncher.EXCEPTION_MAPPERS) {
        if (handled(mapper) == current) {
          try {
            return (ExceptionMapper<Throwable>) mapper.getConstructor().newInstance();
          } catch (ReflectiveOperationException e) {
            throw new AssertionError(mapper + " cannot be made as JAX-RS makes it", e);
          }
        }
      }
    }
    throw new AssertionError("no mapper for " + type);
  }

  private static Type handled(Class<?> mapper) {
    for (Type type : mapper.getGenericInterfaces()) {
      if (type instanceof ParameterizedType parameterized
          && parameterized.getRawType() == ExceptionMapper.class) {
        return parameterized.getActualTypeArguments()[0];
      }
    }
    throw new AssertionError(mapper + " implements ExceptionMapper<...> directly");
  }
}

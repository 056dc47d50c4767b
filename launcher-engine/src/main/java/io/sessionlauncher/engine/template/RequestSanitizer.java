package io.sessionlauncher.engine.template;

import io.sessionlauncher.model.InvalidRequestException;
import io.sessionlauncher.model.SanitizeRule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Applies {@code configuration.sanitize} to a request's values: a value a rule refuses is replaced
 * by the rule's default (the reference's behaviour, logged so an operator sees probing clients).
 */
public final class RequestSanitizer {
  private static final Logger LOG = Logger.getLogger(RequestSanitizer.class.getName());

  private RequestSanitizer() {}

  /**
   * @return a copy of {@code values} with refused values replaced
   * @throws InvalidRequestException when a value under a rule is not a string, which no rule can
   *     judge
   */
  public static Map<String, Object> sanitize(
      Map<String, Object> values, Map<String, SanitizeRule> rules) {
    Map<String, Object> result = new LinkedHashMap<>(values);
    for (Map.Entry<String, SanitizeRule> entry : rules.entrySet()) {
      String key = entry.getKey();
      if (!values.containsKey(key)) {
        continue;
      }
      Object value = values.get(key);
      if (!(value instanceof String text)) {
        throw new InvalidRequestException(
            "The value of '" + key + "' must be a string, found " + RequestValues.kind(value));
      }
      String safe = entry.getValue().apply(text);
      if (!safe.equals(text)) {
        LOG.warning(
            () -> "key " + key + ": sanitize " + RequestValues.quote(text) + " with default");
      }
      result.put(key, safe);
    }
    return result;
  }
}

package io.sessionlauncher.engine.template;

import io.sessionlauncher.model.AppConfig;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.LaunchRequest;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.SanitizeRule;
import io.sessionlauncher.model.SessionId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Expands {@code sessionURL}, {@code cmd} and {@code sessionData} for one new session, in that
 * order, as section 3 of the launcher contract says. Generated variables and {@code properties} win
 * over request keys, so a client cannot replace the program that runs.
 */
public final class SessionTemplates {
  private SessionTemplates() {}

  /**
   * The expansion of one session.
   *
   * @param sessionUrl the URL handed to the client
   * @param config the app's plugin configuration with every string expanded, or {@code null} when
   *     the app has none of its own
   * @param data every key of the session, as the reference builds it
   * @param secretShared whether the configuration (the command) uses the secret, so the client must
   *     get it
   */
  public record Expansion(
      String sessionUrl,
      Map<String, Object> config,
      Map<String, Object> data,
      boolean secretShared) {

    /** The expanded command of a command app, or an empty list. */
    public List<String> argv() {
      Object cmd = config == null ? null : config.get("cmd");
      List<String> argv = new ArrayList<>();
      if (cmd instanceof List<?> list) {
        list.forEach(item -> argv.add(String.valueOf(item)));
      }
      return argv;
    }
  }

  /**
   * @param request the client's request, not yet sanitized
   * @param secret the secret to use when the request brings none
   */
  public static Expansion expand(
      LauncherConfig config,
      AppConfig app,
      LaunchRequest request,
      SessionId id,
      HostPort resource,
      String secret) {
    Map<String, SanitizeRule> rules = config.configuration().sanitize();
    Map<String, Object> values = RequestSanitizer.sanitize(request.values(), rules);
    Object clientSecret = values.get("secret");
    String sessionSecret =
        clientSecret == null ? secret : RequestValues.text("secret", clientSecret).orElse(secret);

    Map<String, String> generated = new HashMap<>();
    generated.put("id", id.toString());
    generated.put("host", resource.host());
    generated.put("port", Integer.toString(resource.port()));
    generated.put("secret", sessionSecret);
    // The signed-on principal (or "anonymous"): a request cannot claim to be someone else.
    generated.put("user", request.owner());

    Variables variables =
        new Variables(generated, config.properties(), values, rules, new HashSet<>());
    String sessionUrl = TemplateExpander.expand(config.configuration().sessionUrl(), variables);
    generated.put("sessionURL", sessionUrl);

    Map<String, Object> expanded = app.config() == null ? null : expandMap(app.config(), variables);
    Object cmd = expanded == null ? null : expanded.get("cmd");
    List<String> argv = new ArrayList<>();
    if (cmd instanceof List<?> list) {
      list.forEach(item -> argv.add(String.valueOf(item)));
      generated.put("cmd", String.join(" ", argv));
    }

    // sessionData may use request keys too: expanded before the request's share is chosen.
    Map<String, String> sessionData = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : config.sessionData().entrySet()) {
      String value = TemplateExpander.expand(entry.getValue(), variables);
      generated.put(entry.getKey(), value);
      sessionData.put(entry.getKey(), value);
    }
    Map<String, Object> data = kept(values, variables.used(), config.configuration().fields());
    data.put("id", id.toString());
    data.put("host", resource.host());
    data.put("port", resource.port());
    data.put("secret", sessionSecret);
    data.put("user", request.owner());
    data.put("sessionURL", sessionUrl);
    if (cmd != null) {
      data.put("cmd", List.copyOf(argv));
    }
    data.putAll(sessionData);
    boolean secretShared = expanded != null && mentions(expanded, sessionSecret);
    return new Expansion(sessionUrl, expanded, data, secretShared);
  }

  /**
   * A session's keys once its product reported where it is reached (a batch job on a compute node):
   * {@code host} and {@code port} are that address, and {@code sessionURL} is expanded again with
   * them, from the session's own keys (the request's share it kept, {@code id}, {@code secret},
   * {@code user}) and the properties. {@code sessionData} keys keep their first values.
   */
  public static Map<String, Object> relocated(
      LauncherConfig config, Map<String, Object> data, HostPort address) {
    Map<String, String> generated = new HashMap<>();
    for (String key : List.of("id", "secret", "user")) {
      Object value = data.get(key);
      if (value != null) {
        generated.put(key, String.valueOf(value));
      }
    }
    generated.put("host", address.host());
    generated.put("port", Integer.toString(address.port()));
    Variables variables =
        new Variables(
            generated,
            config.properties(),
            data,
            config.configuration().sanitize(),
            new HashSet<>());
    Map<String, Object> moved = new LinkedHashMap<>(data);
    moved.put("host", address.host());
    moved.put("port", address.port());
    moved.put(
        "sessionURL", TemplateExpander.expand(config.configuration().sessionUrl(), variables));
    return moved;
  }

  /**
   * The request values a session keeps: those a template used, those named in {@code fields} (the
   * client sees them), and {@code application}. Anything else a client sends is dropped at once
   * rather than kept with the session until long after its end.
   */
  private static Map<String, Object> kept(
      Map<String, Object> values, Set<String> used, List<String> fields) {
    Map<String, Object> kept = new LinkedHashMap<>();
    values.forEach(
        (key, value) -> {
          if (used.contains(key) || fields.contains(key) || key.equals("application")) {
            kept.put(key, value);
          }
        });
    return kept;
  }

  /** Strings are templates; lists and objects are expanded element by element. */
  private static Object expandValue(Object value, Variables variables) {
    if (value instanceof String text) {
      return TemplateExpander.expand(text, variables);
    }
    if (value instanceof List<?> list) {
      List<Object> result = new ArrayList<>(list.size());
      list.forEach(item -> result.add(expandValue(item, variables)));
      return result;
    }
    if (value instanceof Map<?, ?> map) {
      return expandMap(map, variables);
    }
    return value;
  }

  private static Map<String, Object> expandMap(Map<?, ?> map, Variables variables) {
    Map<String, Object> result = new LinkedHashMap<>();
    map.forEach((key, item) -> result.put(String.valueOf(key), expandValue(item, variables)));
    return result;
  }

  private static boolean mentions(Object value, String secret) {
    if (value instanceof String text) {
      return text.contains(secret);
    }
    if (value instanceof List<?> list) {
      return list.stream().anyMatch(item -> mentions(item, secret));
    }
    if (value instanceof Map<?, ?> map) {
      return map.values().stream().anyMatch(item -> mentions(item, secret));
    }
    return false;
  }

  /**
   * Variable lookup in precedence order: generated, properties, request, sanitize default; the
   * request keys it resolves are noted in {@code used}.
   */
  private record Variables(
      Map<String, String> generated,
      Map<String, String> properties,
      Map<String, Object> request,
      Map<String, SanitizeRule> rules,
      Set<String> used)
      implements java.util.function.Function<String, Optional<String>> {

    @Override
    public Optional<String> apply(String name) {
      String value = generated.get(name);
      if (value == null) {
        value = properties.get(name);
      }
      if (value != null) {
        return Optional.of(value);
      }
      if (request.containsKey(name)) {
        used.add(name);
        return RequestValues.text(name, request.get(name));
      }
      SanitizeRule rule = rules.get(name);
      return rule == null ? Optional.empty() : Optional.of(rule.defaultValue());
    }
  }
}

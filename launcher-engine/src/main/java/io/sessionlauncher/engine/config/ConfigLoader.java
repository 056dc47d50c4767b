package io.sessionlauncher.engine.config;

import io.sessionlauncher.model.AppConfig;
import io.sessionlauncher.model.AppLimits;
import io.sessionlauncher.model.ConfigurationException;
import io.sessionlauncher.model.HttpSettings;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.ProductDefaults;
import io.sessionlauncher.model.ResourceRange;
import io.sessionlauncher.model.SanitizeRule;
import io.sessionlauncher.model.ServerSettings;
import io.sessionlauncher.model.Supervision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a wslink-format {@code launcher.json} into a {@link LauncherConfig}. Accepts what existing
 * deployments write (comments, numbers as strings) and refuses anything else with a {@link
 * ConfigurationException} naming the file, the key and what was expected. Relative paths are taken
 * from the file's own folder, not from the server's working directory.
 */
@ApplicationScoped
public class ConfigLoader {

  /** Reads and checks the file. */
  public LauncherConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigurationException(file, "", "cannot be read: " + e, e);
    }
    return parse(text, file);
  }

  /**
   * Checks configuration text; {@code source} names it in messages and anchors relative paths (the
   * working directory when {@code null}).
   */
  public LauncherConfig parse(String text, Path source) {
    JsonObject root = readObject(text, source);
    Path base =
        source == null || source.toAbsolutePath().getParent() == null
            ? Path.of("").toAbsolutePath()
            : source.toAbsolutePath().getParent();
    JsonFields top = new JsonFields(source, "", root);
    ServerSettings settings = settings(top.requiredObject("configuration"), base);
    List<ResourceRange> resources = resources(top);
    Map<String, String> properties = textMap(top.requiredObject("properties"));
    Map<String, AppConfig> apps = apps(top.requiredObject("apps"));
    Map<String, String> sessionData = textMap(top.optionalObject("sessionData"));
    return new LauncherConfig(
        source, settings, resources, properties, apps, sessionData, products(top));
  }

  private static JsonObject readObject(String text, Path source) {
    try (JsonReader reader = Json.createReader(new StringReader(LenientJson.stripComments(text)))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new ConfigurationException(
            source, "", "expected a JSON object at the top, found " + JsonFields.describe(value));
      }
      return value.asJsonObject();
    } catch (JsonParsingException e) {
      throw new ConfigurationException(
          source,
          "",
          "is not valid JSON at line "
              + e.getLocation().getLineNumber()
              + ", column "
              + e.getLocation().getColumnNumber()
              + ": "
              + e.getMessage(),
          e);
    } catch (JsonException e) {
      throw new ConfigurationException(source, "", "is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static ServerSettings settings(JsonFields c, Path base) {
    String host = c.requiredString("host");
    int port = c.integer("port", c.required("port"), 0, 65535);
    String endpoint = endpoint(c);
    Path proxyFile = path(c, "proxy_file", c.requiredString("proxy_file"), base);
    String sessionUrl = c.strictString("sessionURL", c.required("sessionURL"));
    c.required("timeout");
    Duration timeout = seconds(c, "timeout", false);
    Path logDir = path(c, "log_dir", c.requiredString("log_dir"), base);
    List<String> fields = c.requiredStringList("fields");
    String contentText = c.optionalString("content");
    Path content =
        contentText == null || contentText.isBlank() ? null : path(c, "content", contentText, base);
    String uploadText = c.optionalString("upload_dir");
    Path uploadDir =
        uploadText == null || uploadText.isBlank() ? null : path(c, "upload_dir", uploadText, base);
    Map<String, SanitizeRule> sanitize = sanitize(c.optionalObject("sanitize"));
    return new ServerSettings(
        host,
        port,
        endpoint,
        proxyFile,
        sessionUrl,
        timeout,
        logDir,
        fields,
        content,
        uploadDir,
        sanitize,
        supervision(c, base),
        http(c));
  }

  private static HttpSettings http(JsonFields c) {
    HttpSettings defaults = HttpSettings.DEFAULTS;
    List<String> origins =
        c.has("cors_origins") ? c.requiredStringList("cors_origins") : defaults.corsOrigins();
    long maxUpload =
        c.has("max_upload_size")
            ? c.number("max_upload_size", c.required("max_upload_size")).longValue()
            : defaults.maxUploadBytes();
    if (maxUpload < 0) {
      throw c.error("max_upload_size", "expected a number of bytes, 0 or more, found " + maxUpload);
    }
    return new HttpSettings(origins, maxUpload);
  }

  private static Supervision supervision(JsonFields c, Path base) {
    Supervision defaults = Supervision.DEFAULTS;
    Duration grace = c.has("stop_grace") ? seconds(c, "stop_grace", true) : defaults.stopGrace();
    long maxLog =
        c.has("max_log_size")
            ? c.number("max_log_size", c.required("max_log_size")).longValue()
            : defaults.maxLogBytes();
    if (maxLog < 0) {
      throw c.error("max_log_size", "expected a number of bytes, 0 or more, found " + maxLog);
    }
    Duration keep = c.has("keep_ended") ? seconds(c, "keep_ended", true) : defaults.keepEnded();
    Path dataDir =
        c.has("data_dir") ? path(c, "data_dir", c.requiredString("data_dir"), base) : null;
    Supervision.RestartPolicy onRestart = defaults.onRestart();
    if (c.has("on_restart")) {
      String policy = c.requiredString("on_restart");
      onRestart =
          switch (policy) {
            case "adopt" -> Supervision.RestartPolicy.ADOPT;
            case "stop" -> Supervision.RestartPolicy.STOP;
            default ->
                throw c.error(
                    "on_restart", "expected \"adopt\" or \"stop\", found \"" + policy + "\"");
          };
    }
    Duration logRetention =
        c.has("log_retention") ? seconds(c, "log_retention", true) : defaults.logRetention();
    Duration sweep =
        c.has("sweep_interval") ? seconds(c, "sweep_interval", false) : defaults.sweepInterval();
    return new Supervision(grace, maxLog, keep, dataDir, onRestart, logRetention, sweep);
  }

  private static Duration seconds(JsonFields c, String name, boolean zeroAllowed) {
    BigDecimal seconds = c.number(name, c.required(name));
    if (seconds.signum() < 0 || (!zeroAllowed && seconds.signum() == 0)) {
      throw c.error(
          name,
          "expected a number of seconds"
              + (zeroAllowed ? ", 0 or more" : " above 0")
              + ", found "
              + seconds.toPlainString());
    }
    return Duration.ofMillis(seconds.movePointRight(3).longValue());
  }

  private static String endpoint(JsonFields c) {
    String raw = c.requiredString("endpoint");
    String trimmed = raw.replaceAll("^/+", "").replaceAll("/+$", "");
    if (trimmed.isEmpty() || !trimmed.matches("[A-Za-z0-9._~-]+")) {
      throw c.error(
          "endpoint",
          "expected one path segment of letters, digits, '.', '_', '~' or '-', found \""
              + raw
              + "\"");
    }
    return trimmed;
  }

  private static Path path(JsonFields c, String name, String text, Path base) {
    try {
      return base.resolve(text).normalize();
    } catch (InvalidPathException e) {
      throw c.error(name, "expected a file path, found \"" + text + "\"");
    }
  }

  private static Map<String, SanitizeRule> sanitize(JsonFields rules) {
    Map<String, SanitizeRule> result = new LinkedHashMap<>();
    for (String key : rules.object().keySet()) {
      JsonFields named = rules.child(key, rules.asObject(key, rules.required(key)));
      String type = named.requiredString("type");
      String defaultValue = named.requiredString("default");
      switch (type) {
        case "inList" ->
            result.put(
                key, new SanitizeRule.InList(named.requiredStringList("list"), defaultValue));
        case "regexp" -> {
          String expression = named.requiredString("regexp");
          try {
            result.put(key, new SanitizeRule.Regexp(Pattern.compile(expression), defaultValue));
          } catch (PatternSyntaxException e) {
            throw named.error("regexp", "is not a valid regular expression: " + e.getMessage());
          }
        }
        default ->
            throw named.error("type", "expected \"inList\" or \"regexp\", found \"" + type + "\"");
      }
    }
    return result;
  }

  private static List<ResourceRange> resources(JsonFields top) {
    JsonArray array = top.requiredArray("resources");
    List<ResourceRange> ranges = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String name = "resources[" + i + "]";
      JsonFields entry = top.child(name, top.asObject(name, array.get(i)));
      String host = entry.requiredString("host");
      JsonArray range = entry.requiredArray("port_range");
      if (range.size() != 2) {
        throw entry.error("port_range", "expected [first, last], found " + range);
      }
      int first = entry.integer("port_range[0]", range.get(0), 1, 65535);
      int last = entry.integer("port_range[1]", range.get(1), 1, 65535);
      if (first > last) {
        throw entry.error("port_range", "expected first <= last, found " + range);
      }
      ranges.add(new ResourceRange(host, first, last));
    }
    if (ranges.isEmpty()) {
      throw top.error("resources", "expected at least one {\"host\", \"port_range\"} entry");
    }
    return ranges;
  }

  private static Map<String, String> textMap(JsonFields object) {
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> entry : object.object().entrySet()) {
      result.put(entry.getKey(), object.scalarText(entry.getKey(), entry.getValue(), "a string"));
    }
    return result;
  }

  private static Map<String, AppConfig> apps(JsonFields apps) {
    Map<String, AppConfig> result = new LinkedHashMap<>();
    for (String name : apps.object().keySet()) {
      JsonFields app = apps.child(name, apps.asObject(name, apps.object().get(name)));
      AppConfig config = app.has("cmd") ? commandApp(name, app) : pluginApp(name, app);
      result.put(name, config.withLimits(limits(app)));
    }
    return result;
  }

  /** A reference-style app: {@code cmd} and {@code ready_line}, run by the process plugin. */
  private static AppConfig commandApp(String name, JsonFields app) {
    List<String> cmd = app.requiredStringList("cmd");
    if (cmd.isEmpty()) {
      throw app.error("cmd", "expected at least the program to run, found []");
    }
    Map<String, Object> config =
        new LinkedHashMap<>(
            AppConfig.command(name, cmd, app.optionalString("ready_line")).config());
    if (app.has("env")) {
      config.put("env", textMap(app.requiredObject("env")));
    }
    if (app.has("working_dir")) {
      config.put("working_dir", app.requiredString("working_dir"));
    }
    return new AppConfig(
        name, AppConfig.PROCESS_PRODUCT, AppConfig.PROCESS_MODE, config, AppLimits.NONE);
  }

  /**
   * An app launched by a named plugin: {@code product}, optional {@code mode} and {@code config}.
   */
  @SuppressWarnings("unchecked")
  private static AppConfig pluginApp(String name, JsonFields app) {
    if (!app.has("product")) {
      throw app.error("cmd", "is required (or name a plugin with \"product\") but missing");
    }
    String product = app.requiredString("product");
    String mode = app.optionalString("mode");
    Map<String, Object> config =
        app.has("config")
            ? (Map<String, Object>) JsonValues.plain(app.requiredObject("config").object())
            : null;
    return new AppConfig(name, product, mode, config, AppLimits.NONE);
  }

  private static AppLimits limits(JsonFields app) {
    Integer maxSessions =
        app.has("max_sessions")
            ? app.integer("max_sessions", app.required("max_sessions"), 1, Integer.MAX_VALUE)
            : null;
    Duration lifetime = app.has("max_lifetime") ? seconds(app, "max_lifetime", false) : null;
    Duration idle = app.has("idle_timeout") ? seconds(app, "idle_timeout", false) : null;
    return new AppLimits(maxSessions, lifetime, idle);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ProductDefaults> products(JsonFields top) {
    JsonFields products = top.optionalObject("products");
    Map<String, ProductDefaults> result = new LinkedHashMap<>();
    for (String product : products.object().keySet()) {
      JsonFields entry =
          products.child(product, products.asObject(product, products.object().get(product)));
      JsonFields configs = entry.optionalObject("configs");
      Map<String, Map<String, Object>> byMode = new LinkedHashMap<>();
      for (String mode : configs.object().keySet()) {
        JsonObject config = configs.asObject(mode, configs.object().get(mode));
        byMode.put(mode, (Map<String, Object>) JsonValues.plain(config));
      }
      result.put(
          product, new ProductDefaults(product, entry.optionalString("launch_mode"), byMode));
    }
    return result;
  }
}

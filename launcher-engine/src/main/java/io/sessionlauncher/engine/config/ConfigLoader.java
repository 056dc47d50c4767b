package io.sessionlauncher.engine.config;

import io.sessionlauncher.model.AccessSettings;
import io.sessionlauncher.model.AppConfig;
import io.sessionlauncher.model.AppLimits;
import io.sessionlauncher.model.ConfigurationException;
import io.sessionlauncher.model.HttpSettings;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.ProductDefaults;
import io.sessionlauncher.model.ProxyFileAccess;
import io.sessionlauncher.model.ResourceRange;
import io.sessionlauncher.model.SanitizeRule;
import io.sessionlauncher.model.ServerSettings;
import io.sessionlauncher.model.Supervision;
import jakarta.enterprise.context.ApplicationScoped;
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
 * from the file's own folder, not from the server's working directory. Values are read by {@link
 * JsonConverter}'s rules, the same as plugin configurations.
 */
@ApplicationScoped
public class ConfigLoader {

  /** Reads and checks the file. */
  public LauncherConfig load(Path file) {
    return read(LenientJson.readObject(file), file);
  }

  /**
   * Checks configuration text; {@code source} names it in messages and anchors relative paths (the
   * working directory when {@code null}).
   */
  public LauncherConfig parse(String text, Path source) {
    return read(LenientJson.readObject(text, source), source);
  }

  /**
   * Reads a file of stored plugin configurations in the reference's format, the same as the {@code
   * products} section of {@code launcher.json}: {@code {"<product>": {"launch_mode": "<mode>",
   * "configs": {"<mode>": {...}}}}}.
   */
  public Map<String, ProductDefaults> loadProducts(Path file) {
    Map<String, Object> root = LenientJson.readObject(file);
    try {
      return products(new JsonFields("", root));
    } catch (InvalidValueException e) {
      throw new ConfigurationException(file, e.path(), e.problem(), e);
    }
  }

  private static LauncherConfig read(Map<String, Object> root, Path source) {
    Path base =
        source == null || source.toAbsolutePath().getParent() == null
            ? Path.of("").toAbsolutePath()
            : source.toAbsolutePath().getParent();
    try {
      JsonFields top = new JsonFields("", root);
      ServerSettings settings = settings(top.object("configuration"), base);
      List<ResourceRange> resources = resources(top);
      Map<String, String> properties = top.object("properties").textMap();
      Map<String, AppConfig> apps = apps(top.object("apps"));
      Map<String, String> sessionData = top.optionalObject("sessionData").textMap();
      return new LauncherConfig(
          source,
          settings,
          resources,
          properties,
          apps,
          sessionData,
          products(top.optionalObject("products")));
    } catch (InvalidValueException e) {
      throw new ConfigurationException(source, e.path(), e.problem(), e);
    }
  }

  private static ServerSettings settings(JsonFields c, Path base) {
    String host = c.string("host");
    int port = c.integer("port", 0, 65535);
    String endpoint = endpoint(c);
    Path proxyFile = path(c, "proxy_file", base);
    String sessionUrl = c.strictString("sessionURL");
    Duration timeout = c.seconds("timeout", false);
    Path logDir = path(c, "log_dir", base);
    List<String> fields = c.strings("fields");
    Path content = optionalPath(c, "content", base);
    Path uploadDir = optionalPath(c, "upload_dir", base);
    if (uploadDir != null && content != null && resolved(uploadDir).startsWith(resolved(content))) {
      // Uploaded HTML would be served from the launcher's own origin, beside its own pages.
      throw c.error(
          "upload_dir", "expected a folder outside content (" + content + "), found " + uploadDir);
    }
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
        supervision(c, base, logDir),
        http(c),
        access(c, base, logDir),
        proxyAccess(c));
  }

  /** {@code proxy_file_mode} as three or four octal digits, e.g. {@code "0640"}; the group. */
  private static ProxyFileAccess proxyAccess(JsonFields c) {
    String permissions = null;
    if (c.has("proxy_file_mode")) {
      String mode = c.string("proxy_file_mode");
      if (!mode.matches("0?[0-7]{3}")) {
        throw JsonConverter.expected(
            c.key("proxy_file_mode"), "a file mode of octal digits, such as \"0640\"", mode);
      }
      permissions = permissions(Integer.parseInt(mode, 8));
    }
    String group = c.has("proxy_file_group") ? c.string("proxy_file_group") : null;
    if (group != null && group.isBlank()) {
      throw JsonConverter.expected(c.key("proxy_file_group"), "a group name", group);
    }
    return new ProxyFileAccess(permissions, group);
  }

  /** {@code 0640} as {@code rw-r-----}. */
  private static String permissions(int mode) {
    StringBuilder text = new StringBuilder(9);
    for (int shift = 6; shift >= 0; shift -= 3) {
      int bits = mode >> shift;
      text.append((bits & 4) != 0 ? 'r' : '-');
      text.append((bits & 2) != 0 ? 'w' : '-');
      text.append((bits & 1) != 0 ? 'x' : '-');
    }
    return text.toString();
  }

  private static AccessSettings access(JsonFields c, Path base, Path logDir) {
    AccessSettings defaults = AccessSettings.defaults(logDir.resolve("audit.jsonl"));
    List<String> users = c.has("user_groups") ? groups(c, "user_groups") : defaults.userGroups();
    List<String> admins =
        c.has("admin_groups") ? groups(c, "admin_groups") : defaults.adminGroups();
    Integer perUser =
        c.has("max_sessions_per_user")
            ? c.integer("max_sessions_per_user", 1, Integer.MAX_VALUE)
            : null;
    Integer starting =
        c.has("max_starting") ? c.integer("max_starting", 1, Integer.MAX_VALUE) : null;
    Path audit = c.has("audit_file") ? path(c, "audit_file", base) : defaults.auditFile();
    return new AccessSettings(users, admins, perUser, starting, audit);
  }

  /** A list of group names, none of them blank. */
  private static List<String> groups(JsonFields c, String name) {
    List<String> groups = c.strings(name);
    for (String group : groups) {
      if (group.isBlank()) {
        throw JsonConverter.expected(c.key(name), "group names, none of them blank", groups);
      }
    }
    return groups;
  }

  private static HttpSettings http(JsonFields c) {
    HttpSettings defaults = HttpSettings.DEFAULTS;
    List<String> origins =
        c.has("cors_origins") ? c.strings("cors_origins") : defaults.corsOrigins();
    long maxUpload =
        c.has("max_upload_size") ? bytes(c, "max_upload_size") : defaults.maxUploadBytes();
    List<String> hosts =
        c.has("allowed_hosts") ? c.strings("allowed_hosts") : defaults.allowedHosts();
    Long quota =
        c.has("upload_quota")
            ? Long.valueOf(bytes(c, "upload_quota"))
            : defaults.uploadQuotaBytes();
    long maxMessage =
        c.has("proxy_max_message_size")
            ? bytes(c, "proxy_max_message_size")
            : defaults.proxyMaxMessageBytes();
    if (maxMessage < 1) {
      throw JsonConverter.expected(
          c.key("proxy_max_message_size"), "a number of bytes, 1 or more", maxMessage);
    }
    return new HttpSettings(origins, maxUpload, hosts, quota, maxMessage);
  }

  /**
   * @param logDir where session records go when {@code data_dir} is not set, so that an unchanged
   *     wslink file still has its sessions found by a launcher killed and started again
   */
  private static Supervision supervision(JsonFields c, Path base, Path logDir) {
    Supervision defaults = Supervision.DEFAULTS;
    Duration grace = c.has("stop_grace") ? c.seconds("stop_grace", true) : defaults.stopGrace();
    long maxLog = c.has("max_log_size") ? bytes(c, "max_log_size") : defaults.maxLogBytes();
    Duration keep = c.has("keep_ended") ? c.seconds("keep_ended", true) : defaults.keepEnded();
    Path dataDir = c.has("data_dir") ? path(c, "data_dir", base) : logDir;
    Supervision.RestartPolicy onRestart = defaults.onRestart();
    if (c.has("on_restart")) {
      onRestart =
          switch (c.choice("on_restart", List.of("adopt", "stop"))) {
            case "adopt" -> Supervision.RestartPolicy.ADOPT;
            default -> Supervision.RestartPolicy.STOP;
          };
    }
    Duration logRetention =
        c.has("log_retention") ? c.seconds("log_retention", true) : defaults.logRetention();
    Duration sweep =
        c.has("sweep_interval") ? c.seconds("sweep_interval", false) : defaults.sweepInterval();
    return new Supervision(grace, maxLog, keep, dataDir, onRestart, logRetention, sweep);
  }

  /** A size in bytes: a number, 0 or more; a fraction of a byte is dropped. */
  private static long bytes(JsonFields c, String name) {
    Object value = c.required(name);
    long bytes = JsonConverter.number(c.key(name), value).longValue();
    if (bytes < 0) {
      throw JsonConverter.expected(c.key(name), "a number of bytes, 0 or more", value);
    }
    return bytes;
  }

  private static String endpoint(JsonFields c) {
    String raw = c.string("endpoint");
    String trimmed = raw.replaceAll("^/+", "").replaceAll("/+$", "");
    if (trimmed.isEmpty() || !trimmed.matches("[A-Za-z0-9._~-]+")) {
      throw JsonConverter.expected(
          c.key("endpoint"), "one path segment of letters, digits, '.', '_', '~' or '-'", raw);
    }
    if (trimmed.equals("proxy") || trimmed.equals("session")) {
      throw JsonConverter.expected(
          c.key("endpoint"),
          "a name other than the launcher's proxy paths 'proxy' and 'session'",
          raw);
    }
    return trimmed;
  }

  /** A path, relative to {@code base} unless absolute. */
  private static Path path(JsonFields c, String name, Path base) {
    return base.resolve(JsonConverter.path(c.key(name), c.string(name))).normalize();
  }

  /** The path with its links followed as far as it exists, so a link cannot hide where it is. */
  private static Path resolved(Path path) {
    Path existing = path.toAbsolutePath().normalize();
    Path rest = existing.getFileSystem().getPath("");
    while (existing != null && !java.nio.file.Files.exists(existing)) {
      rest = existing.getFileName().resolve(rest);
      existing = existing.getParent();
    }
    if (existing == null) {
      return path.toAbsolutePath().normalize();
    }
    try {
      return existing.toRealPath().resolve(rest).normalize();
    } catch (java.io.IOException e) {
      return path.toAbsolutePath().normalize();
    }
  }

  /** A path, or {@code null} when it is missing or blank. */
  private static Path optionalPath(JsonFields c, String name, Path base) {
    String text = c.optionalString(name);
    return text == null || text.isBlank() ? null : path(c, name, base);
  }

  private static Map<String, SanitizeRule> sanitize(JsonFields rules) {
    Map<String, SanitizeRule> result = new LinkedHashMap<>();
    for (String key : rules.names()) {
      JsonFields named = rules.object(key);
      String type = named.choice("type", List.of("inList", "regexp"));
      String defaultValue = named.string("default");
      if (type.equals("inList")) {
        result.put(key, new SanitizeRule.InList(named.strings("list"), defaultValue));
      } else {
        String expression = named.string("regexp");
        try {
          result.put(key, new SanitizeRule.Regexp(Pattern.compile(expression), defaultValue));
        } catch (PatternSyntaxException e) {
          throw named.error("regexp", "is not a valid regular expression: " + e.getMessage());
        }
      }
    }
    return result;
  }

  private static List<ResourceRange> resources(JsonFields top) {
    List<?> array = top.array("resources");
    List<ResourceRange> ranges = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String name = JsonConverter.element(top.key("resources"), i);
      JsonFields entry = new JsonFields(name, JsonConverter.object(name, array.get(i)));
      String host = entry.string("host");
      List<?> range = entry.array("port_range");
      String rangeKey = entry.key("port_range");
      if (range.size() != 2) {
        throw entry.error(
            "port_range",
            "expected [first, last], found an array of " + range.size() + " elements");
      }
      int first = JsonConverter.integer(JsonConverter.element(rangeKey, 0), range.get(0), 1, 65535);
      int last = JsonConverter.integer(JsonConverter.element(rangeKey, 1), range.get(1), 1, 65535);
      if (first > last) {
        throw entry.error(
            "port_range", "expected first <= last, found [" + first + ", " + last + "]");
      }
      ranges.add(new ResourceRange(host, first, last));
    }
    if (ranges.isEmpty()) {
      throw top.error("resources", "expected at least one {\"host\", \"port_range\"} entry");
    }
    return ranges;
  }

  private static Map<String, AppConfig> apps(JsonFields apps) {
    Map<String, AppConfig> result = new LinkedHashMap<>();
    for (String name : apps.names()) {
      JsonFields app = apps.member(name);
      AppConfig config = app.has("cmd") ? commandApp(name, app) : pluginApp(name, app);
      List<String> roles = app.has("roles") ? groups(app, "roles") : List.of();
      result.put(name, config.withLimits(limits(app)).withRoles(roles));
    }
    return result;
  }

  /** A reference-style app: {@code cmd} and {@code ready_line}, run by the process plugin. */
  private static AppConfig commandApp(String name, JsonFields app) {
    List<String> cmd = app.strings("cmd");
    if (cmd.isEmpty()) {
      throw app.error("cmd", "expected at least the program to run, found []");
    }
    Map<String, Object> config =
        new LinkedHashMap<>(
            AppConfig.command(name, cmd, app.optionalString("ready_line")).config());
    if (app.has("env")) {
      config.put("env", app.object("env").textMap());
    }
    if (app.has("working_dir")) {
      config.put("working_dir", app.string("working_dir"));
    }
    if (app.has("inherit_env")) {
      config.put("inherit_env", app.strings("inherit_env"));
    }
    return new AppConfig(
        name, AppConfig.PROCESS_PRODUCT, AppConfig.PROCESS_MODE, config, AppLimits.NONE);
  }

  /**
   * An app launched by a named plugin: {@code product}, optional {@code mode} and {@code config}.
   */
  private static AppConfig pluginApp(String name, JsonFields app) {
    if (!app.has("product")) {
      throw app.error("cmd", "is required (or name a plugin with \"product\") but missing");
    }
    String product = app.string("product");
    String mode = app.optionalString("mode");
    Map<String, Object> config = app.has("config") ? app.object("config").values() : null;
    return new AppConfig(name, product, mode, config, AppLimits.NONE);
  }

  private static AppLimits limits(JsonFields app) {
    Integer maxSessions =
        app.has("max_sessions") ? app.integer("max_sessions", 1, Integer.MAX_VALUE) : null;
    Duration lifetime = app.has("max_lifetime") ? app.seconds("max_lifetime", false) : null;
    Duration idle = app.has("idle_timeout") ? app.seconds("idle_timeout", false) : null;
    Integer perUser =
        app.has("max_sessions_per_user")
            ? app.integer("max_sessions_per_user", 1, Integer.MAX_VALUE)
            : null;
    return new AppLimits(maxSessions, lifetime, idle, perUser);
  }

  /** The {@code products} section, or a whole file of stored plugin configurations. */
  private static Map<String, ProductDefaults> products(JsonFields products) {
    Map<String, ProductDefaults> result = new LinkedHashMap<>();
    for (String product : products.names()) {
      JsonFields entry = products.member(product);
      JsonFields configs = entry.optionalObject("configs");
      Map<String, Map<String, Object>> byMode = new LinkedHashMap<>();
      for (String mode : configs.names()) {
        byMode.put(mode, configs.member(mode).values());
      }
      result.put(
          product, new ProductDefaults(product, entry.optionalString("launch_mode"), byMode));
    }
    return result;
  }
}

package io.sessionlauncher.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes a {@code launcher.json} into a test's folder. Starts from a complete, valid configuration
 * (loopback host, proxy file and logs inside the folder, no resources and no apps yet) that a test
 * changes with {@link #set}, {@link #remove} and the shortcuts, then {@link #write}s, or {@link
 * #load}s with the loader of its choice.
 */
public final class LauncherJson {
  /** Name of the file {@link #write()} creates. */
  public static final String FILE_NAME = "launcher.json";

  private final Path folder;
  private final Map<String, Object> root = new LinkedHashMap<>();

  private LauncherJson(Path folder) {
    this.folder = folder.toAbsolutePath();
    Map<String, Object> configuration = new LinkedHashMap<>();
    configuration.put("host", "127.0.0.1");
    configuration.put("port", 8080);
    configuration.put("endpoint", "paraview");
    configuration.put("proxy_file", proxyFile().toString());
    configuration.put("sessionURL", "ws://${host}:${port}/ws");
    configuration.put("timeout", 10);
    configuration.put("log_dir", logDir().toString());
    configuration.put("fields", new ArrayList<>());
    root.put("configuration", configuration);
    root.put("resources", new ArrayList<>());
    root.put("properties", new LinkedHashMap<>());
    root.put("apps", new LinkedHashMap<>());
  }

  /** A valid configuration whose files live in {@code folder}. */
  public static LauncherJson in(Path folder) {
    return new LauncherJson(folder);
  }

  /** The folder the configuration and its files are written to. */
  public Path folder() {
    return folder;
  }

  /** The proxy mapping file this configuration names (unless changed with {@link #set}). */
  public Path proxyFile() {
    return folder.resolve("proxy").resolve("proxy-mapping.txt");
  }

  /** The session log folder this configuration names (unless changed with {@link #set}). */
  public Path logDir() {
    return folder.resolve("logs");
  }

  /** Adds a {@code resources} entry. */
  @SuppressWarnings("unchecked")
  public LauncherJson resource(String host, int firstPort, int lastPort) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("host", host);
    entry.put("port_range", List.of(firstPort, lastPort));
    ((List<Object>) root.get("resources")).add(entry);
    return this;
  }

  /** Adds an app; {@code readyLine} may be {@code null} to wait for the port. */
  public LauncherJson app(String name, List<String> cmd, String readyLine) {
    Map<String, Object> app = new LinkedHashMap<>();
    app.put("cmd", List.copyOf(cmd));
    if (readyLine != null) {
      app.put("ready_line", readyLine);
    }
    return app(name, app);
  }

  /** Adds an app given as its whole entry: {@code cmd} or {@code product}, limits, and so on. */
  public LauncherJson app(String name, Map<String, ?> entry) {
    return set("apps." + name, new LinkedHashMap<>(entry));
  }

  /** {@code configuration.timeout}, in seconds. */
  public LauncherJson timeout(double seconds) {
    return set("configuration.timeout", seconds);
  }

  /** {@code configuration.stop_grace}, in seconds. */
  public LauncherJson stopGrace(double seconds) {
    return set("configuration.stop_grace", seconds);
  }

  /** {@code configuration.fields}. */
  public LauncherJson fields(String... fields) {
    return set("configuration.fields", List.of(fields));
  }

  /** {@code configuration.content}, the folder served as static files. */
  public LauncherJson content(Path folder) {
    return set("configuration.content", folder.toString());
  }

  /** {@code configuration.upload_dir}, which enables {@code POST /upload}. */
  public LauncherJson uploadDir(Path folder) {
    return set("configuration.upload_dir", folder.toString());
  }

  /** {@code configuration.max_upload_size}, in bytes. */
  public LauncherJson maxUploadSize(long bytes) {
    return set("configuration.max_upload_size", bytes);
  }

  /** {@code configuration.cors_origins}. */
  public LauncherJson corsOrigins(String... origins) {
    return set("configuration.cors_origins", List.of(origins));
  }

  /** One entry of {@code properties}. */
  public LauncherJson property(String name, String value) {
    return set("properties." + name, value);
  }

  /** One entry of {@code sessionData}. */
  public LauncherJson sessionData(String name, String template) {
    return set("sessionData." + name, template);
  }

  /**
   * Sets a value at a dotted path ({@code configuration.timeout}), creating objects on the way. A
   * value may be a String, Number, Boolean, null, a List or a Map of those.
   */
  @SuppressWarnings("unchecked")
  public LauncherJson set(String dottedPath, Object value) {
    String[] keys = dottedPath.split("\\.");
    Map<String, Object> object = root;
    for (int i = 0; i < keys.length - 1; i++) {
      Object next = object.get(keys[i]);
      if (!(next instanceof Map)) {
        next = new LinkedHashMap<String, Object>();
        object.put(keys[i], next);
      }
      object = (Map<String, Object>) next;
    }
    object.put(keys[keys.length - 1], value);
    return this;
  }

  /** Removes the key at a dotted path, if there. */
  @SuppressWarnings("unchecked")
  public LauncherJson remove(String dottedPath) {
    String[] keys = dottedPath.split("\\.");
    Object object = root;
    for (int i = 0; i < keys.length - 1 && object instanceof Map; i++) {
      object = ((Map<String, Object>) object).get(keys[i]);
    }
    if (object instanceof Map) {
      ((Map<String, Object>) object).remove(keys[keys.length - 1]);
    }
    return this;
  }

  /** The configuration as JSON text. */
  public String json() {
    StringBuilder out = new StringBuilder();
    Json.write(root, out, "");
    return out.append('\n').toString();
  }

  /** Writes {@value #FILE_NAME} into the folder and returns its path. */
  public Path write() {
    return write(FILE_NAME);
  }

  /** Writes the configuration under that name into the folder and returns its path. */
  public Path write(String fileName) {
    Path file = folder.resolve(fileName);
    try {
      Files.createDirectories(folder);
      Files.writeString(file, json(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * Writes the file and reads it back with {@code loader}, for instance the engine's {@code
   * ConfigLoader::load}.
   */
  public <T> T load(Function<Path, T> loader) {
    return loader.apply(write());
  }

  /** Template text that expands to exactly {@code text}: every {@code $} doubled. */
  public static String literal(String text) {
    return text.replace("$", "$$");
  }

  /** {@link #literal(String)} of each element. */
  public static List<String> literal(List<String> argv) {
    return argv.stream().map(LauncherJson::literal).toList();
  }

  /** A minimal JSON writer, so this fixture needs no JSON library at run time. */
  static final class Json {
    private Json() {}

    static void write(Object value, StringBuilder out, String indent) {
      if (value == null) {
        out.append("null");
      } else if (value instanceof String text) {
        string(text, out);
      } else if (value instanceof Number || value instanceof Boolean) {
        out.append(value);
      } else if (value instanceof Map<?, ?> map) {
        out.append('{');
        String inner = indent + "  ";
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          out.append(first ? "\n" : ",\n").append(inner);
          string(entry.getKey().toString(), out);
          out.append(": ");
          write(entry.getValue(), out, inner);
          first = false;
        }
        out.append(first ? "}" : "\n" + indent + "}");
      } else if (value instanceof List<?> list) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          out.append(i == 0 ? "" : ", ");
          write(list.get(i), out, indent);
        }
        out.append(']');
      } else {
        throw new IllegalArgumentException("not a JSON value: " + value.getClass());
      }
    }

    static void string(String text, StringBuilder out) {
      out.append('"');
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> {
            if (c < 0x20) {
              out.append(String.format("\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      out.append('"');
    }
  }
}

package io.sessionlauncher.engine.testing;

import io.sessionlauncher.engine.config.ConfigLoader;
import io.sessionlauncher.model.LauncherConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * The shared {@link io.sessionlauncher.testing.LauncherJson} builder with what only the engine has:
 * {@link #load()} reads the file back with the engine's {@link ConfigLoader}. Every other method
 * hands over to the shared builder and returns this, so a chain of calls ends in {@code load()}.
 */
public final class LauncherJson {
  /** Name of the file {@link #write()} creates. */
  public static final String FILE_NAME = io.sessionlauncher.testing.LauncherJson.FILE_NAME;

  private final io.sessionlauncher.testing.LauncherJson json;

  private LauncherJson(Path folder) {
    this.json = io.sessionlauncher.testing.LauncherJson.in(folder);
  }

  /** A valid configuration whose files live in {@code folder}. */
  public static LauncherJson in(Path folder) {
    return new LauncherJson(folder);
  }

  /** The shared builder behind this one. */
  public io.sessionlauncher.testing.LauncherJson shared() {
    return json;
  }

  /** Writes the file and reads it back with a {@link ConfigLoader}. */
  public LauncherConfig load() {
    return json.load(new ConfigLoader()::load);
  }

  public Path proxyFile() {
    return json.proxyFile();
  }

  public Path logDir() {
    return json.logDir();
  }

  public LauncherJson resource(String host, int firstPort, int lastPort) {
    json.resource(host, firstPort, lastPort);
    return this;
  }

  public LauncherJson app(String name, List<String> cmd, String readyLine) {
    json.app(name, cmd, readyLine);
    return this;
  }

  public LauncherJson timeout(double seconds) {
    json.timeout(seconds);
    return this;
  }

  public LauncherJson stopGrace(double seconds) {
    json.stopGrace(seconds);
    return this;
  }

  public LauncherJson fields(String... fields) {
    json.fields(fields);
    return this;
  }

  public LauncherJson property(String name, String value) {
    json.property(name, value);
    return this;
  }

  public LauncherJson sessionData(String name, String template) {
    json.sessionData(name, template);
    return this;
  }

  public LauncherJson set(String dottedPath, Object value) {
    json.set(dottedPath, value);
    return this;
  }

  public LauncherJson remove(String dottedPath) {
    json.remove(dottedPath);
    return this;
  }

  public String json() {
    return json.json();
  }

  public Path write() {
    return json.write();
  }

  public Path write(String fileName) {
    return json.write(fileName);
  }

  /** Template text that expands to exactly {@code text}: every {@code $} doubled. */
  public static String literal(String text) {
    return io.sessionlauncher.testing.LauncherJson.literal(text);
  }

  /** {@link #literal(String)} of each element. */
  public static List<String> literal(List<String> argv) {
    return io.sessionlauncher.testing.LauncherJson.literal(argv);
  }
}

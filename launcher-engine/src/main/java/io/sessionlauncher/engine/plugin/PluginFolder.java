package io.sessionlauncher.engine.plugin;

import io.sessionlauncher.model.ConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The jars of a plugins folder, loaded by a class loader of the launcher's own whose parent is the
 * application's, so a plugin class sees the plugin interface the application has. This is how a
 * server that cannot give the application a private library (Payara, or any server's shared
 * libraries, whose loaders are the application's parents and cannot see its classes) still takes
 * plugins from a folder; Open Liberty's {@code launcherPlugins} library needs none of it. Closed
 * with the application, which releases the jar files.
 */
public final class PluginFolder implements AutoCloseable {
  /** MicroProfile Config key (environment variable {@code LAUNCHER_PLUGINS}) naming the folder. */
  public static final String PROPERTY = "launcher.plugins";

  private final Path folder;
  private final URLClassLoader loader;

  private PluginFolder(Path folder, URLClassLoader loader) {
    this.folder = folder;
    this.loader = loader;
  }

  /**
   * The folder's {@code *.jar} files (not its sub-folders) over {@code parent}.
   *
   * @throws ConfigurationException naming {@value #PROPERTY} when the folder is not a readable
   *     folder
   */
  public static PluginFolder open(Path folder, ClassLoader parent) {
    if (!Files.isDirectory(folder) || !Files.isReadable(folder)) {
      throw new ConfigurationException(
          null, PROPERTY, "expected a readable folder of plugin jars, found " + describe(folder));
    }
    List<URL> jars = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path jar :
          files
              .filter(f -> f.getFileName().toString().endsWith(".jar"))
              .filter(Files::isRegularFile)
              .sorted()
              .toList()) {
        jars.add(jar.toUri().toURL());
      }
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PluginFolder(
        folder, new URLClassLoader("launcher-plugins", jars.toArray(URL[]::new), parent));
  }

  /** The loader to discover plugins with: the folder's jars first, then the application's. */
  public ClassLoader loader() {
    return loader;
  }

  public Path folder() {
    return folder;
  }

  /** The jars the loader reads, in the order it reads them. */
  public List<URL> jars() {
    return List.of(loader.getURLs());
  }

  @Override
  public void close() {
    try {
      loader.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing the plugins of " + folder, e);
    }
  }

  private static String describe(Path folder) {
    if (!Files.exists(folder)) {
      return "nothing at " + folder;
    }
    return Files.isDirectory(folder) ? "an unreadable folder " + folder : "a file " + folder;
  }
}

package io.sessionlauncher.engine.testing;

import io.sessionlauncher.engine.session.SessionManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.jboss.weld.bootstrap.spi.BeanDiscoveryMode;
import org.jboss.weld.environment.se.Weld;

/**
 * A Weld SE container holding the engine's beans as an application server finds them: every class
 * of the engine (its classes folder or jar, whatever packages it has) with a bean-defining
 * annotation, as the engine's {@code beans.xml} ({@code annotated}) says; nothing from the test
 * class path.
 */
public final class EngineBeans {
  private static final String ROOT = "io/sessionlauncher/engine/";

  private EngineBeans() {}

  /** A not yet started container of the engine's beans, with a unique id. */
  public static Weld weld() {
    return new Weld("engine-" + UUID.randomUUID())
        .disableDiscovery()
        .setBeanDiscoveryMode(BeanDiscoveryMode.ANNOTATED)
        .addBeanClasses(engineClasses())
        .skipShutdownHook();
  }

  /** Every top-level and nested class of the engine's main code. */
  public static Class<?>[] engineClasses() {
    List<Class<?>> classes = new ArrayList<>();
    ClassLoader loader = SessionManager.class.getClassLoader();
    for (String name : classNames(codeSource())) {
      try {
        classes.add(Class.forName(name, false, loader));
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalStateException("cannot load engine class " + name, e);
      }
    }
    return classes.toArray(Class<?>[]::new);
  }

  private static Path codeSource() {
    try {
      return Path.of(
          SessionManager.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> classNames(Path root) {
    List<String> paths = new ArrayList<>();
    try {
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.walk(root)) {
          files
              .map(file -> root.relativize(file).toString().replace('\\', '/'))
              .forEach(paths::add);
        }
      } else {
        try (JarFile jar = new JarFile(root.toFile())) {
          for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            paths.add(entries.nextElement().getName());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the engine's classes in " + root, e);
    }
    List<String> names = new ArrayList<>();
    for (String path : paths) {
      if (path.startsWith(ROOT) && path.endsWith(".class") && !path.endsWith("-info.class")) {
        String name = path.substring(0, path.length() - ".class".length()).replace('/', '.');
        if (!name.matches(".*\\$\\d.*")) {
          names.add(name);
        }
      }
    }
    return names;
  }
}

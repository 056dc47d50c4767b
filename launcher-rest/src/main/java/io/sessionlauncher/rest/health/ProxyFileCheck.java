package io.sessionlauncher.rest.health;

import io.sessionlauncher.engine.proxy.ProxyMapFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness {@value #NAME}: the reverse proxy's mapping file can be replaced. Without it a started
 * session could not be routed, so every launch would fail: the launcher is not ready.
 *
 * <p>The file is replaced by a new file in its folder and a rename, so what must be writable is the
 * folder (and the file, where it exists). Only permissions are looked at, nothing is written: a
 * probe every few seconds must not touch the proxy's file.
 */
@Readiness
@ApplicationScoped
public class ProxyFileCheck implements HealthCheck {
  /** The check's name in {@code /health/ready}. */
  public static final String NAME = "launcher-proxy-file";

  private ProxyMapFile proxyFile;

  /** For CDI's proxy. */
  protected ProxyFileCheck() {}

  @Inject
  public ProxyFileCheck(ProxyMapFile proxyFile) {
    this.proxyFile = proxyFile;
  }

  @Override
  public HealthCheckResponse call() {
    Path file = proxyFile.path();
    Path folder = file.getParent();
    boolean writable =
        folder != null
            && Files.isDirectory(folder)
            && Files.isWritable(folder)
            && (!Files.exists(file) || (Files.isRegularFile(file) && Files.isWritable(file)));
    return new HealthCheckResponse(
        NAME, HealthChecks.status(writable), Optional.of(Map.of("file", file.toString())));
  }
}

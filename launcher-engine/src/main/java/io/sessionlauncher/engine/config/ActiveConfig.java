package io.sessionlauncher.engine.config;

import io.sessionlauncher.model.AppConfig;
import io.sessionlauncher.model.AppLimits;
import io.sessionlauncher.model.LauncherConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration in force now: the one the application started with until a reload replaces it.
 * What a reload may change ({@code apps}, {@code resources}, templates, limits) is read from here
 * at each use; what it may not change is read from the start-up {@link LauncherConfig}, which a
 * reload keeps equal in those keys.
 */
@ApplicationScoped
public class ActiveConfig {
  private volatile LauncherConfig current;

  /** Applications a reload removed, kept so their live sessions keep their limits to the end. */
  private final Map<String, AppConfig> removed = new HashMap<>();

  /** For CDI's proxy. */
  protected ActiveConfig() {}

  @Inject
  public ActiveConfig(LauncherConfig initial) {
    this.current = initial;
  }

  /** The configuration in force. */
  public LauncherConfig current() {
    return current;
  }

  /**
   * The limits of an application's sessions: as configured now, or for an application a reload
   * removed, as they were when its sessions started.
   */
  public synchronized AppLimits limitsOf(String application) {
    Optional<AppConfig> app = current.app(application);
    if (app.isPresent()) {
      return app.get().limits();
    }
    AppConfig gone = removed.get(application);
    return gone == null ? AppLimits.NONE : gone.limits();
  }

  /** Puts {@code next} in force; it must already have passed every check. */
  public synchronized void replace(LauncherConfig next) {
    for (AppConfig app : current.apps().values()) {
      if (!next.apps().containsKey(app.name())) {
        removed.put(app.name(), app);
      }
    }
    next.apps().keySet().forEach(removed::remove);
    current = next;
  }
}

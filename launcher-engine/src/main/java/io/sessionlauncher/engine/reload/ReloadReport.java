package io.sessionlauncher.engine.reload;

import io.sessionlauncher.model.AppConfig;
import io.sessionlauncher.model.LauncherConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a reload changed, as the operator who asked for it is told and the audit trail records it.
 *
 * @param file the file that was read
 * @param added applications the file has and the running configuration had not
 * @param removed applications the running configuration had and the file has not; their live
 *     sessions run on until they end
 * @param changed applications whose entry differs; new sessions start with the new entry
 * @param sessionsOfRemoved live sessions of the removed applications
 * @param resourcesBefore host/port pairs in the pool before
 * @param resources host/port pairs in the pool now
 */
public record ReloadReport(
    String file,
    List<String> added,
    List<String> removed,
    List<String> changed,
    int sessionsOfRemoved,
    int resourcesBefore,
    int resources) {
  public ReloadReport {
    Objects.requireNonNull(file, "file");
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    changed = List.copyOf(changed);
  }

  /**
   * The applications' differences between two configurations; the counts filled in by the caller.
   */
  static ReloadReport between(
      LauncherConfig running,
      LauncherConfig next,
      int sessionsOfRemoved,
      int resourcesBefore,
      int resources) {
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (AppConfig app : next.apps().values()) {
      AppConfig was = running.apps().get(app.name());
      if (was == null) {
        added.add(app.name());
      } else if (!was.equals(app)) {
        changed.add(app.name());
      }
    }
    List<String> removed = new ArrayList<>();
    for (String name : running.apps().keySet()) {
      if (!next.apps().containsKey(name)) {
        removed.add(name);
      }
    }
    return new ReloadReport(
        String.valueOf(next.source()),
        added,
        removed,
        changed,
        sessionsOfRemoved,
        resourcesBefore,
        resources);
  }

  /** One line for the audit trail and the log. */
  public String summary() {
    return "applications added "
        + added
        + ", removed "
        + removed
        + " ("
        + sessionsOfRemoved
        + " live session(s) of them run on), changed "
        + changed
        + "; resources "
        + resourcesBefore
        + " -> "
        + resources;
  }
}

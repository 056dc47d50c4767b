package io.sessionlauncher.engine.session;

import io.sessionlauncher.model.AppConfig;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.SessionId;
import java.util.Objects;

/**
 * A session admitted but not yet prepared: its id, application, owner and the resource taken for
 * it. It counts towards its application's and owner's limits from the moment it exists.
 *
 * @param owner the principal's name, or {@code null} without sign-on
 */
record Admission(SessionId id, AppConfig app, String owner, HostPort resource) {
  Admission {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(resource, "resource");
  }
}

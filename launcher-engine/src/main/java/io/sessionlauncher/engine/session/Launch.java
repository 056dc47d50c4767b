package io.sessionlauncher.engine.session;

import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionId;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A start under way: the session's id, known at once, and its answer, which completes once it is
 * ready (or fails as {@link SessionManager#create} would throw). Cancelling the answer ends the
 * session.
 *
 * @param id the session's id
 * @param ready the ready session, or the failure
 */
public record Launch(SessionId id, CompletableFuture<Session> ready) {
  public Launch {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ready, "ready");
  }
}

package io.sessionlauncher.engine.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The launcher's one source of the current time, so that lifetimes, idleness, ended-session
 * retention and recovery can be tested with a clock the test moves.
 */
@ApplicationScoped
public class ClockProducer {
  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }
}

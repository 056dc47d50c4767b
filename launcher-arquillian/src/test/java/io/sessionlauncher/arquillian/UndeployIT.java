package io.sessionlauncher.arquillian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Waits;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Taking the application off the server (undeploying it, or stopping Payara Micro, whose managed
 * adapter runs one process per deployment) stops every session it started and empties the proxy
 * file.
 */
@ExtendWith(ArquillianExtension.class)
class UndeployIT {
  private static final String NAME = "undeployed";

  @ArquillianResource private Deployer deployer;

  @Deployment(name = NAME, managed = false, testable = false)
  static Archive<?> deployment() {
    return Deployments.launcher();
  }

  @Test
  void undeployStopsEverySession() throws Exception {
    deployer.deploy(NAME);
    Optional<ProcessHandle> first = Optional.empty();
    Optional<ProcessHandle> second = Optional.empty();
    boolean deployed = true;
    try {
      Http http = new Http(Deployments.root());
      first = launch(http);
      second = launch(http);
      assertTrue(first.isPresent() && second.isPresent(), "two session processes");

      deployer.undeploy(NAME);
      deployed = false;

      for (ProcessHandle process : java.util.List.of(first.get(), second.get())) {
        Waits.until(
            "session process " + process.pid() + " ended with the application",
            Duration.ofSeconds(30),
            () -> !process.isAlive());
      }
      assertEquals("", Files.readString(Deployments.configuration().proxyFile()));
    } finally {
      if (deployed) {
        deployer.undeploy(NAME);
      }
      first.filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroyForcibly);
      second.filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  private static Optional<ProcessHandle> launch(Http http) {
    Http.Answer created = http.post("paraview/", "{\"application\": \"demo\"}");
    assertEquals(200, created.status(), Deployments.server() + ": " + created.body());
    return Sessions.onPort(URI.create(created.json().getString("sessionURL")).getPort());
  }
}

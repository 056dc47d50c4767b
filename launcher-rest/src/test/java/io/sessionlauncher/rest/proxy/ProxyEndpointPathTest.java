package io.sessionlauncher.rest.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which deployed endpoint's path a proxied WebSocket is upgraded under. */
class ProxyEndpointPathTest {

  @Test
  void theParaViewFormIsItsOwnPath() {
    ProxyEndpointPath endpoint = ProxyEndpointPath.of("/proxy");
    assertEquals(new ProxyEndpointPath("/proxy", Map.of()), endpoint);
    assertTrue(endpoint.deployed());
  }

  @Test
  void eachSegmentOfThePathFormIsAVariableWithItsValueAsSent() {
    assertEquals(
        new ProxyEndpointPath(
            "/session/{id}/{p1}/{p2}", Map.of("id", "abc", "p1", "api", "p2", "a%20b%2Fc")),
        ProxyEndpointPath.of("/session/abc/api/a%20b%2Fc"));
    assertEquals(
        new ProxyEndpointPath("/session/{id}", Map.of("id", "abc")),
        ProxyEndpointPath.of("/session/abc"));
  }

  @Test
  void aTrailingSlashOrAnEmptySegmentIsAnEmptyValue() {
    assertEquals(
        new ProxyEndpointPath("/session/{id}/{p1}", Map.of("id", "abc", "p1", "")),
        ProxyEndpointPath.of("/session/abc/"));
    assertEquals(
        new ProxyEndpointPath("/session/{id}/{p1}/{p2}", Map.of("id", "abc", "p1", "", "p2", "ws")),
        ProxyEndpointPath.of("/session/abc//ws"));
  }

  @Test
  void everyPathUpToTheDepthHasADeployedTemplateAndDeeperOnesKeepTheirPath() {
    List<String> templates = ProxyEndpointPath.templates();
    assertEquals(ProxyEndpointPath.DEPTH + 2, templates.size());
    assertEquals(ProxyEndpointPath.DEPTH + 2, new HashSet<>(templates).size());
    String path = "/session/abc";
    for (int segment = 1; segment <= ProxyEndpointPath.DEPTH; segment++) {
      path += "/s" + segment;
      ProxyEndpointPath endpoint = ProxyEndpointPath.of(path);
      assertTrue(templates.contains(endpoint.path()), endpoint.path());
      assertEquals(segment + 1, endpoint.parameters().size());
      assertTrue(endpoint.deployed());
    }
    String deeper = path + "/more";
    assertEquals(new ProxyEndpointPath(deeper, Map.of()), ProxyEndpointPath.of(deeper));
    assertFalse(ProxyEndpointPath.of(deeper).deployed());
  }
}

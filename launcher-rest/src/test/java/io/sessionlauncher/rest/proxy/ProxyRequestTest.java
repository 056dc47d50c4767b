package io.sessionlauncher.rest.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.model.InvalidRequestException;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** How a proxied request's path and query become the session's URL. */
class ProxyRequestTest {

  @Test
  void theParaViewFormKeepsTheOtherParametersForTheSession() {
    ProxyRequest request = ProxyRequest.parse("/proxy", "sessionId=abc&path=ws&secret=s%3D1");
    assertEquals(new ProxyRequest("abc", "/ws", "secret=s%3D1"), request);
    assertEquals(
        URI.create("ws://127.0.0.1:9101/ws?secret=s%3D1"), request.target("ws", "127.0.0.1", 9101));
  }

  @Test
  void theParaViewFormsPathIsEncodedAsAPath() {
    assertEquals(
        "/a%20b/c%3Fd", ProxyRequest.parse("/proxy", "path=a%20b/c%3Fd&sessionId=x").rawPath());
    assertEquals("/", ProxyRequest.parse("/proxy", "sessionId=x").rawPath());
  }

  @Test
  void thePathFormPassesPathAndQueryUnchanged() {
    ProxyRequest request = ProxyRequest.parse("/session/abc/js/app%20x.js", "v=1&w");
    assertEquals(new ProxyRequest("abc", "/js/app%20x.js", "v=1&w"), request);
    assertEquals("/", ProxyRequest.parse("/session/abc", null).rawPath());
  }

  @Test
  void anIpv6SessionHostIsBracketed() {
    assertEquals(
        URI.create("http://[::1]:9101/"),
        ProxyRequest.parse("/session/abc/", null).target("http", "::1", 9101));
  }

  @Test
  void aMissingIdOrABadEscapeIsAClearRefusal() {
    assertTrue(
        assertThrows(InvalidRequestException.class, () -> ProxyRequest.parse("/proxy", "path=ws"))
            .getMessage()
            .contains("/proxy?sessionId=<id>&path=<path>"));
    assertThrows(InvalidRequestException.class, () -> ProxyRequest.parse("/session/", null));
    assertThrows(
        InvalidRequestException.class, () -> ProxyRequest.parse("/proxy", "sessionId=%zz"));
    assertThrows(
        InvalidRequestException.class, () -> ProxyRequest.parse("/session/abc/a\"b", null));
  }
}

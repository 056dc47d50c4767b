package io.sessionlauncher.rest.proxy;

import io.sessionlauncher.engine.access.SessionAccess;
import io.sessionlauncher.engine.concurrent.BackgroundTasks;
import io.sessionlauncher.engine.session.ProxiedConnection;
import io.sessionlauncher.model.AccessDeniedException;
import io.sessionlauncher.model.Caller;
import io.sessionlauncher.model.InvalidRequestException;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionNotFoundException;
import io.sessionlauncher.rest.http.AllowedHosts;
import io.sessionlauncher.rest.http.HostCheckFilter;
import io.sessionlauncher.rest.http.Json;
import io.sessionlauncher.rest.metrics.ProxyMetrics;
import io.sessionlauncher.rest.security.Callers;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * WebSocket upgrades to the proxy's paths ({@code /proxy?sessionId=<id>&path=<path>}, {@code
 * /session/<id>/<path>}): checked as the API's requests are (the host, the page's origin, the
 * caller, the session's owner), then connected to the session, and only then upgraded, with the
 * server's own WebSocket support ({@code ServerContainer.upgradeHttpToWebSocket}). A refused
 * upgrade is answered as the API answers: a JSON error with its status (404 for an unknown, ended,
 * malformed or another user's id). Plain HTTP to these paths goes on to {@link HttpProxyResource}.
 *
 * <p>The upgrade names the {@link ProxyEndpointPath} template that matches the request, with the
 * request's segments as its values, and a configuration made for this connection, which hands out
 * its bridge. Open Liberty upgrades to that configuration. Payara's Tyrus takes only its path and
 * upgrades to the endpoint deployed there ({@link ProxyEndpoints}), whose handshake takes the
 * bridge from the {@link BridgeHandover} under way on this thread. One way for both servers.
 */
@WebFilter(
    urlPatterns = {ProxyRequest.PROXY, ProxyRequest.SESSION + "*"},
    asyncSupported = true)
public class WebSocketProxyFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(WebSocketProxyFilter.class.getName());

  /** The refusal where the server's WebSocket support did not upgrade and said nothing. */
  static final String UNSUPPORTED_UPGRADE =
      "This server's WebSocket support did not upgrade the request to the launcher's proxy"
          + " (ServerContainer.upgradeHttpToWebSocket); use a front end such as Apache with the"
          + " proxy file";

  /**
   * The refusal of a path deeper than the deployed endpoints go, where the server upgrades only to
   * those (Payara).
   */
  static final String TOO_DEEP =
      "This server's WebSocket support upgrades only to endpoints deployed under a matching path,"
          + " and the launcher's proxy has them "
          + ProxyEndpointPath.DEPTH
          + " path segments deep after the session id (/session/<id>/<1>/.../<"
          + ProxyEndpointPath.DEPTH
          + ">): use a shorter path, Open Liberty, or a front end such as Apache with the proxy"
          + " file";

  /**
   * Tyrus's client buffer for one incoming frame, as a property of a connection's configuration.
   */
  static final String TYRUS_CLIENT_BUFFER = "weblogic.websocket.tyrus.incoming-buffer-size";

  /** The largest header of a WebSocket frame, which a frame buffer holds beside the payload. */
  static final int FRAME_HEADER_BYTES = 14;

  /** How long the session may take to accept the proxy's WebSocket connection. */
  static final long CONNECT_SECONDS = 10;

  @Inject private transient AllowedHosts hosts;
  @Inject private transient Callers callers;
  @Inject private transient SessionAccess access;
  @Inject private transient ProxyRoutes routes;
  @Inject private transient BackgroundTasks tasks;
  @Inject private transient ProxyMetrics metrics;
  @Inject private transient ProxiedSockets sockets;
  @Inject private transient LauncherConfig config;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!asksForWebSocket(request)) {
      chain.doFilter(request, response);
      return;
    }
    try {
      upgrade(request, response);
    } catch (SessionNotFoundException e) {
      refuse(response, 404, e.getMessage());
    } catch (InvalidRequestException e) {
      refuse(response, 400, e.getMessage());
    } catch (AccessDeniedException e) {
      refuse(response, 403, e.getMessage());
    }
  }

  private void upgrade(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (request.getHeader("Sec-WebSocket-Key") == null) {
      // Not a WebSocket handshake the server could complete: refused before the session is
      // connected to.
      refuse(response, 400, "A WebSocket upgrade needs a Sec-WebSocket-Key header");
      return;
    }
    String hostRefusal = hosts.refusal(request.getHeader("Host"));
    if (hostRefusal != null) {
      refuse(response, HostCheckFilter.MISDIRECTED, hostRefusal);
      return;
    }
    String origin = request.getHeader("Origin");
    if (origin != null
        && !sameOrigin(origin, request)
        && !config.configuration().http().allowsOrigin(origin)) {
      // A page of another site would open the socket with the user's login cookie.
      refuse(response, 403, "Cross-origin requests from " + origin + " are not allowed");
      return;
    }
    Caller caller = callers.of(new ServletCaller(request));
    if (caller == null) {
      refuse(
          response,
          401,
          "Sign-on required: send a bearer token from the identity provider, or sign on in the browser");
      return;
    }
    access.requireUser(caller);
    String path = request.getRequestURI().substring(request.getContextPath().length());
    ProxyRequest target = ProxyRequest.parse(path, request.getQueryString());
    Session session = routes.session(caller, target);
    ServerContainer container =
        (ServerContainer) request.getServletContext().getAttribute(ServerContainer.class.getName());
    if (container == null) {
      refuse(
          response, 501, "This server has no WebSocket support (Liberty's websocket-2.1 feature)");
      return;
    }
    ProxiedConnection counted = routes.open(session);
    WebSocketBridge bridge =
        new WebSocketBridge(
            session.id(),
            counted,
            metrics,
            sockets,
            config.configuration().http().proxyMaxMessageBytes());
    // Known before anything is connected, so that a session's end beginning from here on closes
    // this connection whichever of its sides is open by then; an end that began before is seen
    // by asking for the session again.
    sockets.add(session.id(), bridge);
    try {
      routes.session(caller, target);
    } catch (SessionNotFoundException e) {
      bridge.abandon();
      throw e;
    }
    jakarta.websocket.Session toSession;
    try {
      toSession = connect(container, request, target, session, bridge);
    } catch (IOException e) {
      bridge.abandon();
      refuse(response, 502, e.getMessage());
      return;
    }
    ProxyEndpointPath endpoint = ProxyEndpointPath.of(path);
    String subprotocol = toSession.getNegotiatedSubprotocol();
    try {
      new BridgeHandover(bridge, subprotocol == null ? "" : subprotocol)
          .during(
              () ->
                  container.upgradeHttpToWebSocket(
                      new NoNewHttpSession(request),
                      response,
                      endpointConfig(endpoint.path(), bridge, subprotocol),
                      endpoint.parameters()));
    } catch (DeploymentException | IOException | RuntimeException e) {
      bridge.abandon();
      LOG.log(Level.WARNING, "Session " + session.id() + ": WebSocket upgrade failed", e);
      if (!response.isCommitted()) {
        refuse(response, 500, "The WebSocket upgrade failed");
      }
      return;
    }
    if (response.getStatus() != HttpServletResponse.SC_SWITCHING_PROTOCOLS) {
      // Returned without upgrading and without an exception: Tyrus (Payara) does that for a path
      // no deployed endpoint matches (deeper than ProxyEndpointPath.DEPTH). Without this the
      // client got an empty 200 and the connection to the session stayed open and counted.
      bridge.abandon();
      if (!response.isCommitted()) {
        refuse(response, 501, endpoint.deployed() ? UNSUPPORTED_UPGRADE : TOO_DEEP);
      }
    }
  }

  private jakarta.websocket.Session connect(
      ServerContainer container,
      HttpServletRequest request,
      ProxyRequest target,
      Session session,
      WebSocketBridge bridge)
      throws IOException {
    List<String> protocols = protocols(request.getHeader("Sec-WebSocket-Protocol"));
    String cookies = HopHeaders.sessionCookies(request.getHeader("Cookie"));
    String forwardedFor = request.getRemoteAddr();
    ClientEndpointConfig clientConfig =
        ClientEndpointConfig.Builder.create()
            .preferredSubprotocols(protocols)
            .configurator(
                new ClientEndpointConfig.Configurator() {
                  @Override
                  public void beforeRequest(Map<String, List<String>> headers) {
                    if (cookies != null) {
                      headers.put("Cookie", List.of(cookies));
                    }
                    headers.put("X-Forwarded-For", List.of(forwardedFor));
                  }
                })
            .build();
    // Tyrus (Payara) closes the session's side on a frame larger than its client's buffer, 4 MiB
    // unless this property of the connection's configuration says more; Liberty ignores it.
    clientConfig
        .getUserProperties()
        .put(
            TYRUS_CLIENT_BUFFER,
            (int)
                Math.min(
                    Integer.MAX_VALUE,
                    config.configuration().http().proxyMaxMessageBytes() + FRAME_HEADER_BYTES));
    URI uri = target.target("ws", session.address().host(), session.address().port());
    // Jakarta WebSocket bounds no handshake: a session that accepts the connection and never
    // answers would hold this request thread for ever. Connected on a thread of the launcher's,
    // waited for at most CONNECT_SECONDS; one that connects later finds its bridge abandoned and
    // is closed.
    CompletableFuture<jakarta.websocket.Session> connected = new CompletableFuture<>();
    // A long-running task: a handshake that hangs must not hold a thread of the pool that serves
    // requests.
    try {
      tasks.executeLongRunning(
          () -> {
            try {
              connected.complete(
                  container.connectToServer(bridge.sessionSide(), clientConfig, uri));
            } catch (DeploymentException | IOException | RuntimeException e) {
              connected.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException e) {
      throw new IOException("The launcher is stopping", e);
    }
    try {
      return connected.get(CONNECT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("The launcher is stopping", e);
    } catch (ExecutionException e) {
      throw new IOException("The session did not accept the WebSocket: " + e.getCause(), e);
    } catch (TimeoutException e) {
      throw new IOException(
          "The session did not accept the WebSocket within " + CONNECT_SECONDS + " s", e);
    }
  }

  private static ServerEndpointConfig endpointConfig(
      String path, WebSocketBridge bridge, String subprotocol) {
    return ServerEndpointConfig.Builder.create(WebSocketBridge.class, path)
        .subprotocols(
            subprotocol == null || subprotocol.isEmpty() ? List.of() : List.of(subprotocol))
        .configurator(
            new ServerEndpointConfig.Configurator() {
              @Override
              public <T> T getEndpointInstance(Class<T> type) {
                return type.cast(bridge);
              }

              @Override
              public String getNegotiatedSubprotocol(
                  List<String> supported, List<String> requested) {
                return subprotocol == null ? "" : subprotocol;
              }
            })
        .build();
  }

  /**
   * Whether any {@code Upgrade} header line names websocket: the server's own upgrade (Tyrus joins
   * the lines) must never see a WebSocket upgrade to the proxy's paths that this filter let by.
   */
  static boolean asksForWebSocket(HttpServletRequest request) {
    for (Enumeration<String> lines = request.getHeaders("Upgrade"); lines.hasMoreElements(); ) {
      for (String token : lines.nextElement().split(",")) {
        if (token.trim().equalsIgnoreCase("websocket")) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<String> protocols(String header) {
    List<String> protocols = new ArrayList<>();
    if (header != null) {
      for (String protocol : header.split(",")) {
        if (!protocol.isBlank()) {
          protocols.add(protocol.strip());
        }
      }
    }
    return protocols;
  }

  private static boolean sameOrigin(String origin, HttpServletRequest request) {
    String host = request.getHeader("Host");
    int scheme = origin.indexOf("://");
    return host != null
        && scheme > 0
        && origin.substring(scheme + 3).equalsIgnoreCase(host.toLowerCase(Locale.ROOT));
  }

  private static void refuse(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType(Json.TYPE);
    byte[] body =
        Json.write(Map.<String, Object>of("error", message)).getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}

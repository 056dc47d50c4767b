package io.sessionlauncher.rest.proxy;

import io.sessionlauncher.engine.session.SessionTraffic;
import io.sessionlauncher.model.Caller;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.rest.http.InternalRoutes;
import io.sessionlauncher.rest.http.Json;
import io.sessionlauncher.rest.metrics.ProxyMetrics;
import io.sessionlauncher.rest.security.CallerSecurityContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Plain HTTP through the launcher's proxy, {@code /proxy?sessionId=<id>&path=<path>} and {@code
 * /session/<id>/<path>}: the request goes to the session's host and port, and its answer streams
 * back. It passes the launcher's filters first (host check, CORS, sign-on), so only the session's
 * owner or an admin gets through; anyone else gets the JSON 404 of an unknown id. The sign-on's
 * credentials are not passed on. WebSocket upgrades to the same paths are {@link
 * WebSocketProxyFilter}'s.
 */
@ApplicationScoped
@Path("/")
public class HttpProxyResource {
  private static final Logger LOG = Logger.getLogger(HttpProxyResource.class.getName());
  private static final int BUFFER = 16 * 1024;

  private ProxyRoutes routes;
  private SessionTraffic traffic;
  private SessionHttpClient client;
  private ProxyMetrics metrics;

  /** For CDI's proxy. */
  protected HttpProxyResource() {}

  @Inject
  public HttpProxyResource(
      ProxyRoutes routes, SessionTraffic traffic, SessionHttpClient client, ProxyMetrics metrics) {
    this.routes = routes;
    this.traffic = traffic;
    this.client = client;
    this.metrics = metrics;
  }

  /** {@code /proxy?sessionId=<id>&path=<path>}, the ParaViewWeb form. */
  @Path("proxy")
  public Forward proxy(
      @Context UriInfo uri, @Context HttpHeaders headers, @Context SecurityContext security) {
    return new Forward(this, uri, headers, security);
  }

  /** {@code /session/<id>/<path>}. */
  @Path("session/{rest: .*}")
  public Forward session(
      @Context UriInfo uri, @Context HttpHeaders headers, @Context SecurityContext security) {
    return new Forward(this, uri, headers, security);
  }

  /**
   * One request's forwarding, whatever its method: the sub-resource the two paths lead to (given
   * the request's context by its locator, as JAX-RS injects nothing into a returned instance).
   */
  public static final class Forward {
    private final HttpProxyResource proxy;
    private final UriInfo uri;
    private final HttpHeaders headers;
    private final SecurityContext security;

    Forward(HttpProxyResource proxy, UriInfo uri, HttpHeaders headers, SecurityContext security) {
      this.proxy = proxy;
      this.uri = uri;
      this.headers = headers;
      this.security = security;
    }

    @GET
    public Response get() {
      return forward("GET", null);
    }

    @HEAD
    public Response head() {
      return forward("HEAD", null);
    }

    @DELETE
    public Response delete() {
      return forward("DELETE", null);
    }

    @OPTIONS
    public Response options() {
      return forward("OPTIONS", null);
    }

    @POST
    public Response post(InputStream body) {
      return forward("POST", body);
    }

    @PUT
    public Response put(InputStream body) {
      return forward("PUT", body);
    }

    @PATCH
    public Response patch(InputStream body) {
      return forward("PATCH", body);
    }

    private Response forward(String method, InputStream body) {
      Caller caller = CallerSecurityContext.callerOf(security);
      ProxyRequest request =
          ProxyRequest.parse(
              "/" + InternalRoutes.relativePath(uri), uri.getRequestUri().getRawQuery());
      Session session = proxy.routes.session(caller, request);
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(
              request.target("http", session.address().host(), session.address().port()));
      copyRequestHeaders(builder);
      String client = CallerSecurityContext.clientOf(security);
      if (client != null) {
        builder.header("X-Forwarded-For", client);
      }
      String host = headers.getHeaderString(HttpHeaders.HOST);
      if (host != null) {
        builder.header("X-Forwarded-Host", host);
      }
      builder.header("X-Forwarded-Proto", uri.getRequestUri().getScheme());
      builder.method(method, publisher(body));
      proxy.traffic.touch(session.id());
      try {
        if (method.equals("HEAD")) {
          HttpResponse<Void> answer =
              proxy.client.client().send(builder.build(), HttpResponse.BodyHandlers.discarding());
          return withHeaders(answer, null);
        }
        HttpResponse<InputStream> answer =
            proxy.client.client().send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        return withHeaders(answer, proxy.new Streamed(answer.body(), session));
      } catch (IOException e) {
        LOG.log(Level.WARNING, "Session " + session.id() + " did not answer the proxy: " + e);
        return Json.error(502, "The session did not answer: " + e.getClass().getSimpleName());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Json.error(503, "The launcher is stopping");
      }
    }

    private void copyRequestHeaders(HttpRequest.Builder builder) {
      for (Map.Entry<String, List<String>> header : headers.getRequestHeaders().entrySet()) {
        if (HopHeaders.forwardsRequest(header.getKey())) {
          for (String value : header.getValue()) {
            builder.header(header.getKey(), value);
          }
        }
      }
      String cookies = HopHeaders.sessionCookies(headers.getHeaderString(HttpHeaders.COOKIE));
      if (cookies != null) {
        builder.header(HttpHeaders.COOKIE, cookies);
      }
    }

    private HttpRequest.BodyPublisher publisher(InputStream body) {
      if (body == null) {
        return HttpRequest.BodyPublishers.noBody();
      }
      String length = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
      HttpRequest.BodyPublisher stream =
          HttpRequest.BodyPublishers.ofInputStream(() -> new Counted(body, proxy.metrics));
      if (length != null && length.strip().matches("\\d{1,18}")) {
        return HttpRequest.BodyPublishers.fromPublisher(stream, Long.parseLong(length.strip()));
      }
      return stream;
    }
  }

  private static Response withHeaders(HttpResponse<?> answer, StreamingOutput body) {
    Response.ResponseBuilder response = Response.status(answer.statusCode());
    answer
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (HopHeaders.forwardsResponse(name)) {
                values.forEach(value -> response.header(name, value));
              }
            });
    if (body != null) {
      response.entity(body);
    }
    return response.build();
  }

  /** The session's answer, copied to the client as it arrives; closed however the copy ends. */
  private final class Streamed implements StreamingOutput {
    private final InputStream from;
    private final Session session;

    Streamed(InputStream from, Session session) {
      this.from = from;
      this.session = session;
    }

    @Override
    public void write(OutputStream to) throws IOException {
      long copied = 0;
      try (InputStream in = from) {
        byte[] buffer = new byte[BUFFER];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
          to.write(buffer, 0, read);
          copied += read;
        }
        to.flush();
      } finally {
        metrics.sentToClient(copied);
        traffic.touch(session.id());
      }
    }
  }

  /** A request body whose bytes are counted as they go to the session. */
  private static final class Counted extends java.io.FilterInputStream {
    private final ProxyMetrics metrics;

    Counted(InputStream in, ProxyMetrics metrics) {
      super(in);
      this.metrics = metrics;
    }

    @Override
    public int read() throws IOException {
      int value = super.read();
      if (value >= 0) {
        metrics.sentToSession(1);
      }
      return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int read = super.read(buffer, offset, length);
      metrics.sentToSession(read);
      return read;
    }
  }
}

package io.sessionlauncher.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A test's client of a Server-Sent Events stream: opens it, and hands out its events one at a time
 * with a bound on the wait; tells when the server closed the stream.
 */
public final class SseStream implements AutoCloseable {
  /** One event: its {@code event}, {@code id} and {@code data} fields. */
  public record Event(String name, String id, String data) {}

  private final HttpResponse<Stream<String>> response;

  /** The events as read; an empty one when the stream has ended. */
  private final BlockingQueue<Optional<Event>> events = new LinkedBlockingQueue<>();

  private final Thread reader;

  private SseStream(HttpResponse<Stream<String>> response) {
    this.response = response;
    this.reader = new Thread(this::read, "sse-stream " + response.uri());
    reader.setDaemon(true);
    reader.start();
  }

  /** Opens the stream at {@code uri}; the answer's status says whether it is one. */
  public static SseStream open(URI uri) {
    HttpClient client = Http.newClient();
    try {
      return new SseStream(
          client.send(
              Http.request(uri).header("Accept", "text/event-stream").GET().build(),
              HttpResponse.BodyHandlers.ofLines()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public int status() {
    return response.statusCode();
  }

  public Optional<String> contentType() {
    return response.headers().firstValue("Content-Type");
  }

  /** The next event, waiting up to {@code limit}; empty when the server closed the stream. */
  public Optional<Event> next(Duration limit) throws InterruptedException {
    Optional<Event> event = events.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
    if (event == null) {
      throw new AssertionError("no event within " + limit + " from " + response.uri());
    }
    if (event.isEmpty()) {
      events.add(event); // closed for good: every later call says so too
    }
    return event;
  }

  private void read() {
    String name = "message";
    String id = "";
    StringBuilder data = new StringBuilder();
    try (Stream<String> lines = response.body()) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isEmpty()) {
          if (data.length() > 0) {
            events.add(Optional.of(new Event(name, id, data.toString())));
          }
          name = "message";
          data.setLength(0);
        } else if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("data:")) {
          data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).strip());
        }
      }
    } catch (UncheckedIOException e) {
      // The connection broke or was closed by this client: the stream ends here.
    } finally {
      events.add(Optional.empty());
    }
  }

  /** Stops reading; the connection is closed with it. */
  @Override
  public void close() {
    reader.interrupt();
    response.body().close();
  }
}

package io.sessionlauncher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchSettingsTest {

  @Test
  void defaultsAreTheIssuesSizes() {
    BenchSettings settings = BenchSettings.parse("--wlp=/opt/wlp");
    assertEquals(Path.of("/opt/wlp"), settings.wlp());
    assertEquals(URI.create("http://127.0.0.1:9280/"), settings.base());
    assertTrue(settings.launches() >= 200);
    assertEquals(List.of(10, 100), settings.concurrent());
    assertEquals(20, settings.sanitizedAtOnce());
    assertEquals(List.of(16, 64), settings.connections());
    assertEquals(List.of(100, 1000), settings.liveSessions());
    assertEquals(1000, settings.cycles());
    assertTrue(settings.jmh());
  }

  @Test
  void argumentsOverrideDefaults() {
    BenchSettings settings =
        BenchSettings.parse(
            "--wlp=w", "--launches=20", "--connections=4", "--load-seconds=2", "--jmh=false");
    assertEquals(20, settings.launches());
    assertEquals(List.of(4), settings.connections());
    assertEquals(Duration.ofSeconds(2), settings.loadDuration());
    assertEquals(false, settings.jmh());
  }

  @Test
  void refusesUnknownOrMalformedArguments() {
    assertThrows(IllegalArgumentException.class, () -> BenchSettings.parse("--wlp=w", "--nope=1"));
    assertThrows(IllegalArgumentException.class, () -> BenchSettings.parse("--wlp"));
    assertThrows(IllegalArgumentException.class, () -> BenchSettings.parse("--launches=1"));
  }
}

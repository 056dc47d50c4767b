package io.sessionlauncher.rest.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.rest.testing.DemoApp;
import io.sessionlauncher.rest.testing.InProcessLauncher;
import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Http.Answer;
import io.sessionlauncher.testing.Multipart;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code upload_quota}: the upload folder cannot be filled past it through the launcher. */
class UploadQuotaTest {
  private static final int QUOTA = 50_000;

  private static Path uploads;

  @RegisterExtension
  final InProcessLauncher launcher =
      InProcessLauncher.withPorts(
          1,
          json -> {
            uploads = json.folder().resolve("uploads");
            return json.app("demo", DemoApp.app())
                .uploadDir(uploads)
                .maxUploadSize(1_000_000)
                .set("configuration.upload_quota", QUOTA);
          });

  private final Http http = new Http();

  private Answer upload(String name, int bytes) {
    return http.send(
        new Multipart().file("file", name, new byte[bytes]).post(launcher.uri("/upload")));
  }

  @Test
  void uploadsAreStoredUntilTheQuotaAndRefusedPastItNamingIt() {
    assertEquals(200, upload("first.bin", 30_000).status());
    Answer past = upload("second.bin", 30_000);
    assertEquals(413, past.status(), past.body());
    assertTrue(past.json().getString("error").contains("upload_quota"), past.body());
    assertFalse(Files.exists(uploads.resolve("second.bin")), "nothing of it is kept");
    assertEquals(200, upload("small.bin", 15_000).status(), "what still fits is taken");
    Answer full = upload("more.bin", 10_000);
    assertEquals(413, full.status(), full.body());
    assertTrue(full.json().getString("error").contains("upload_quota"), full.body());
  }
}

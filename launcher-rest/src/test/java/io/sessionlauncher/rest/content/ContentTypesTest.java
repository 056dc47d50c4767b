package io.sessionlauncher.rest.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Media types of static files, by extension, whatever the host's MIME database says. */
class ContentTypesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "index.html|text/html; charset=utf-8",
        "INDEX.HTM|text/html; charset=utf-8",
        "app.js|text/javascript; charset=utf-8",
        "app.mjs|text/javascript; charset=utf-8",
        "style.css|text/css; charset=utf-8",
        "data.json|application/json; charset=utf-8",
        "logo.png|image/png",
        "logo.svg|image/svg+xml",
        "vtk.wasm|application/wasm",
        "archive.tar.gz|application/octet-stream",
        "README|application/octet-stream",
        "trailing.|application/octet-stream",
        ".bashrc|application/octet-stream",
      })
  void mapsExtensions(String name, String type) {
    assertEquals(type, ContentTypes.of(name));
  }
}

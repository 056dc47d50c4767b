package io.sessionlauncher.example.greeter;

import io.sessionlauncher.spi.Description;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a user can set for a greeter: the configuration model of the plugin.
 *
 * <p>A configuration is a record. The launcher reads it from JSON, field by field: {@code
 * launcher.json}'s app {@code config}, a product's stored {@code configs}, or a {@code Map} given
 * in plain Java. Field names may be written in camelCase or snake_case ({@code backlog}, {@code
 * greeting}). Then it checks the Bean Validation constraints and reports every broken one by field
 * name, so put on each field the constraints that make a start fail early with a clear message
 * rather than late with a stack trace. {@link Description} is what {@code GET /plugins} shows.
 *
 * <p>Use types the launcher can read: {@code String}, {@code int}/{@code long}/{@code double} and
 * their boxes, {@code boolean}, {@code java.nio.file.Path}, {@code java.time.Duration} (written in
 * seconds), enums, and {@code List}/{@code Map} of those.
 *
 * @param greeting the text answered to every request
 * @param backlog how many connections the kernel queues before the server accepts them
 * @param host the address to listen on when the launcher assigns none (plain Java use)
 */
public record GreeterConfig(
    @Description("Text answered to every GET request") @NotBlank @Size(max = 200) String greeting,
    @Description("Connections the kernel queues before the server accepts them") @Min(1) @Max(1024)
        int backlog,
    @Description("Address to listen on when the launcher assigns no host/port (plain Java use)")
        @NotBlank
        String host) {

  /** The values of every field not given: the fallback's whole configuration. */
  public static final GreeterConfig DEFAULTS =
      new GreeterConfig("Hello from the greeter", 50, "127.0.0.1");
}

package io.sessionlauncher.engine.plugin.describe;

import java.util.List;
import java.util.Objects;

/**
 * A product and the modes it can be launched in.
 *
 * @param product the product's name
 * @param modes its modes, sorted by name
 */
public record ProductDescription(String product, List<ModeDescription> modes) {
  public ProductDescription {
    Objects.requireNonNull(product, "product");
    modes = List.copyOf(modes);
  }
}

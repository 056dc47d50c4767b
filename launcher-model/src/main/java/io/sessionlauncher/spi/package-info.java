/**
 * The plugin interface: everything a plugin author needs. A plugin ({@link
 * io.sessionlauncher.spi.LauncherPlugin}) names a product and a mode, declares a configuration
 * record and the servers it exposes, and creates {@link io.sessionlauncher.spi.ProductLauncher}s
 * that start, check, stop and report the URLs of one product instance.
 */
package io.sessionlauncher.spi;

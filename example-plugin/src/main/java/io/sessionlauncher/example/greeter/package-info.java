/**
 * An example launcher plugin, built as a third party builds one: product {@code greeter}, an HTTP
 * server answering a configured greeting. Read it in this order:
 *
 * <ol>
 *   <li>{@link io.sessionlauncher.example.greeter.GreeterConfig}: the configuration model, a record
 *       with a description and constraints on each field;
 *   <li>{@link io.sessionlauncher.example.greeter.GreeterPlugin}: the plugin, {@code
 *       greeter.local}: names, configuration type, defaults, server spec, and a factory of
 *       launchers;
 *   <li>{@link io.sessionlauncher.example.greeter.GreeterFallbackPlugin}: {@code
 *       greeter.__fallback__}, used when nothing is configured for the product;
 *   <li>{@code GreeterLauncher}: one running greeter: start, stop, check, urls;
 *   <li>{@code META-INF/services/io.sessionlauncher.spi.LauncherPlugin}: the registration, one
 *       plugin class a line.
 * </ol>
 *
 * <p>The jar depends on {@code launcher-model} and the Bean Validation API only, both provided by
 * the launcher. Dropped into the server's {@code plugins/} folder, its products can be named by
 * apps in {@code launcher.json} and launched through the REST interface; with the engine on the
 * class path, they launch from plain Java with {@code ProductLaunchers}.
 */
package io.sessionlauncher.example.greeter;

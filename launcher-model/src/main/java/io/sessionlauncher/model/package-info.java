/**
 * The launcher's data: immutable records of its configuration ({@link
 * io.sessionlauncher.model.LauncherConfig}), of sessions ({@link io.sessionlauncher.model.Session})
 * and of requests, and the exception family rooted at {@link
 * io.sessionlauncher.model.LauncherException}. No CDI beans and no I/O live here, so a plugin or a
 * client can depend on this module alone.
 */
package io.sessionlauncher.model;

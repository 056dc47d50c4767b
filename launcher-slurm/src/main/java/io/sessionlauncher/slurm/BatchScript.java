package io.sessionlauncher.slurm;

import java.util.List;
import java.util.Map;

/**
 * The batch script {@code sbatch} reads from its standard input: it sets the session's variables
 * and replaces itself with the command. Every word is single-quoted, so nothing in a value (a
 * space, a {@code $}, a quote) is read by the shell on the node: the command runs with exactly the
 * arguments of the configuration, as the process plugin runs its {@code cmd} without a shell.
 */
final class BatchScript {
  private BatchScript() {}

  /** The script running {@code command} with {@code environment} added. */
  static String of(String title, Map<String, String> environment, List<String> command) {
    StringBuilder script = new StringBuilder("#!/bin/sh\n");
    script.append("# ").append(title.replaceAll("[\\r\\n]", " ")).append('\n');
    environment.forEach(
        (name, value) ->
            script.append("export ").append(name).append('=').append(quote(value)).append('\n'));
    script.append("exec");
    for (String word : command) {
      script.append(' ').append(quote(word));
    }
    return script.append('\n').toString();
  }

  /** {@code value} as one shell word: in single quotes, each {@code '} written as {@code '\''}. */
  static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}

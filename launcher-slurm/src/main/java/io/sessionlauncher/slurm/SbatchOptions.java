package io.sessionlauncher.slurm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code sbatch} options a configuration may add besides its typed fields, and how they are
 * written. Options that would change who runs the job, where its output goes, what it runs or how
 * the launcher follows it ({@code --uid}, {@code --output}, {@code --wrap}, {@code --chdir}, {@code
 * --export}, {@code --dependency}, {@code --array}, ...) are not on the list: the plugin sets those
 * itself.
 */
final class SbatchOptions {
  /** A Slurm name: partition, account, QOS. */
  static final String NAME = "[A-Za-z0-9_.-]{1,100}";

  /** Long option names allowed in {@code sbatch_options}; {@code exclusive} takes no value. */
  static final Set<String> ALLOWED =
      Set.of(
          "constraint",
          "exclude",
          "nodelist",
          "reservation",
          "licenses",
          "mem-per-cpu",
          "gpus",
          "gpus-per-node",
          "tmp",
          "comment",
          "exclusive");

  /** Options that are flags: their value must be empty. */
  private static final Set<String> FLAGS = Set.of("exclusive");

  /**
   * A value: printable, no leading dash (it would read as another option), no line break, no shell
   * metacharacters (none is needed by a Slurm list or expression).
   */
  private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.:,=@\\[\\]|&*+/ -]{1,200}");

  private SbatchOptions() {}

  /** What is wrong with {@code options}, one entry each; empty when they are all allowed. */
  static List<String> problems(Map<String, String> options) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> option : options.entrySet()) {
      String name = option.getKey();
      String value = option.getValue();
      if (name == null || !ALLOWED.contains(name)) {
        problems.add("option '" + name + "' is not allowed (allowed: " + sorted() + ")");
      } else if (value == null) {
        problems.add("option '" + name + "' has no value");
      } else if (FLAGS.contains(name) && !value.isEmpty()) {
        problems.add("option '" + name + "' takes no value (write \"\")");
      } else if (!FLAGS.contains(name)
          && (!VALUE.matcher(value).matches() || value.startsWith("-"))) {
        problems.add(
            "option '" + name + "' has a value that is not a plain Slurm list or expression");
      }
    }
    return problems;
  }

  /** The options as {@code --name=value} (or {@code --name} for a flag) arguments. */
  static List<String> arguments(Map<String, String> options) {
    List<String> arguments = new ArrayList<>();
    options.keySet().stream()
        .sorted()
        .forEach(
            name ->
                arguments.add(
                    FLAGS.contains(name) ? "--" + name : "--" + name + "=" + options.get(name)));
    return arguments;
  }

  private static String sorted() {
    return String.join(", ", ALLOWED.stream().sorted().toList());
  }
}

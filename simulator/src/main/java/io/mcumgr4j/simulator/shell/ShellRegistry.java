package io.mcumgr4j.simulator.shell;

import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The commands of a simulated device's shell, and the shell that runs a command line against
 * them the way Zephyr's shell does.
 *
 * <pre>{@code
 * ShellRegistry shell = ShellRegistry.withDefaults(() -> "1.2.3", device::uptimeMillis)
 *     .register("led on", "Turns the LED on.", (args, out) -> { led.on(); return 0; })
 *     .register("led off", "Turns the LED off.", (args, out) -> { led.off(); return 0; });
 * }</pre>
 *
 * <p>A name of several words is a subcommand ({@code led on} is {@code on} under {@code led});
 * the longest registered name that the line's first words spell wins, and the words after it are
 * the command's arguments. A word that only leads to subcommands ({@code led}) prints its
 * subcommands, as Zephyr prints the help of a command without a handler.
 *
 * <p>Running a line follows Zephyr's shell: the line is split into words ({@link ShellLine});
 * an unknown first word prints {@code <word>: command not found} in red and returns
 * {@code -ENOEXEC} (-8); {@code -h} or {@code --help} after the first word prints the help of the
 * command found so far and returns 1 ({@code SHELL_CMD_HELP_PRINTED}); more than 20 words
 * ({@code CONFIG_SHELL_ARGC_MAX}) and an unterminated quote are errors returning -8. One line
 * runs at a time, as on Zephyr's single shell instance. A command that throws returns {@code -EIO}
 * (-5) after its output so far and a red line naming the exception (a Zephyr command cannot
 * throw; answering keeps the device up and the failure visible), and the exception is logged.
 *
 * <p>Not reproduced: Zephyr's wildcards ({@code *} and {@code ?} expanding to subcommands),
 * commands taking the rest of the line raw, and help texts wrapped at 80 columns. Zephyr shows the
 * last word of a subcommand's name in help and messages ({@code uptime - ...}); so does this shell.
 */
public final class ShellRegistry {

  private static final System.Logger LOG = System.getLogger(ShellRegistry.class.getName());

  /** Zephyr's {@code CONFIG_SHELL_ARGC_MAX} default: the most words a line may have. */
  static final int ARGC_MAX = 20;

  /** Length of the dummy backend's prompt {@code "~$ "} ({@code CONFIG_SHELL_PROMPT_DUMMY}). */
  private static final int PROMPT_LENGTH = 3;

  /** {@code CONFIG_SHELL_DEFAULT_TERMINAL_WIDTH}. */
  private static final int TERMINAL_WIDTH = 80;

  private static final Pattern NAME = Pattern.compile("\\S+( \\S+)*");
  private static final Pattern WORD = Pattern.compile("\\S+");

  private record Entry(String name, String help, ShellCommand command) {}

  /** By name, sorted: help lists commands in name order, as Zephyr's linker-sorted command table. */
  private final ConcurrentSkipListMap<String, Entry> commands = new ConcurrentSkipListMap<>();
  private final Object lock = new Object();

  /** A shell with only {@code help}, which Zephyr's shell always has. */
  public ShellRegistry() {
    register("help", "Prints the help message.", this::helpCommand);
  }

  /**
   * A shell with the commands a Zephyr device usually has:
   *
   * <ul>
   *   <li>{@code help}: the commands and their help;
   *   <li>{@code echo [words...]}: prints its arguments separated by single spaces;
   *   <li>{@code kernel version}: {@code Zephyr version <version>}, as Zephyr prints its own;
   *   <li>{@code kernel uptime [-p|--pretty]}: {@code Uptime: <ms> ms}, or in days, hours,
   *       minutes, seconds and milliseconds.
   * </ul>
   *
   * <p>No {@code kernel reboot}: rebooting belongs to the device, which can register it here.
   *
   * @param version the firmware version, read each time the command runs
   * @param uptimeMillis milliseconds since the device booted, read each time the command runs
   */
  public static ShellRegistry withDefaults(Supplier<String> version, LongSupplier uptimeMillis) {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(uptimeMillis, "uptimeMillis");
    ShellRegistry shell = new ShellRegistry();
    shell.register("echo", "Prints its arguments.", (args, out) -> {
      out.println(String.join(" ", args));
      return 0;
    });
    shell.register("kernel version", "Kernel version.", (args, out) -> {
      out.println("Zephyr version " + version.get());
      return 0;
    });
    shell.register("kernel uptime", "Kernel uptime. Can be called with the -p or --pretty options",
        (args, out) -> shell.uptime(uptimeMillis, args, out));
    return shell;
  }

  /**
   * Adds a command.
   *
   * @param name the command's words separated by single spaces, e.g. {@code led on}
   * @param help one line saying what it does, shown by {@code help} and {@code -h}
   * @param command what runs
   * @return this registry
   * @throws IllegalArgumentException if the name is not words separated by single spaces, or is
   *     already registered
   */
  public ShellRegistry register(String name, String help, ShellCommand command) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(help, "help");
    Objects.requireNonNull(command, "command");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("command name '" + name + "' is not words separated by single spaces");
    }
    if (commands.putIfAbsent(name, new Entry(name, help, command)) != null) {
      throw new IllegalArgumentException("command '" + name + "' is already registered");
    }
    return this;
  }

  /**
   * Runs one command line as Zephyr's {@code shell_execute_cmd} on the dummy backend does.
   *
   * @return the return code ({@code ret})
   */
  int execute(String line, PrintWriter out) {
    synchronized (lock) {
      // Zephyr's shell first moves the cursor past the echoed line: a line end, unless prompt and
      // line fill whole terminal rows and the cursor already sits at the start of one
      if ((ShellText.utf8Length(line) + PROMPT_LENGTH) % TERMINAL_WIDTH != 0) {
        out.print('\n');
      }
      return run(ShellLine.parse(line), out);
    }
  }

  /** Zephyr's {@code execute()}: walks the words down the command tree, then runs the deepest handler. */
  private int run(ShellLine line, PrintWriter out) {
    List<String> words = line.words();
    if (words.isEmpty()) {
      return -ShellText.ENOEXEC;
    }
    String node = null;
    Entry handler = null;
    int handlerWords = 0;
    boolean searching = true;
    for (int level = 0; level < Math.min(words.size(), ARGC_MAX); level++) {
      String word = words.get(level);
      if (level == words.size() - 1 && line.openQuote() != 0) {
        ShellText.error(out, "not terminated: " + line.openQuote());
        return -ShellText.ENOEXEC;
      }
      if (level > 0 && (word.equals("-h") || word.equals("--help"))) {
        if (node == null) {
          ShellText.error(out, "Please specify a subcommand.");
          return -ShellText.ENOEXEC;
        }
        printHelp(node, out);
        return ShellText.HELP_PRINTED;
      }
      if (!searching) {
        continue;
      }
      String candidate = node == null ? word : node + " " + word;
      if (WORD.matcher(word).matches() && isNode(candidate)) {
        node = candidate;
        Entry entry = commands.get(candidate);
        if (entry != null) {
          handler = entry;
          handlerWords = level + 1;
        }
      } else {
        if (level == 0) {
          ShellText.error(out, word + ": command not found");
        }
        searching = false;
      }
    }
    if (words.size() > ARGC_MAX) {
      // Zephyr's message ends with a line end and its format adds another
      ShellText.error(out, "Too many arguments in the command.\n");
      return -ShellText.ENOEXEC;
    }
    if (handler == null) {
      if (node == null) {
        return -ShellText.ENOEXEC;
      }
      printHelp(node, out);
      return ShellText.HELP_PRINTED;
    }
    try {
      return handler.command().run(List.copyOf(words.subList(handlerWords, words.size())), out);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "shell command '" + handler.name() + "' failed", e);
      ShellText.error(out, syntax(handler.name()) + ": " + e);
      return -ShellText.EIO;
    }
  }

  /** Whether {@code name} is a command or leads to one. */
  private boolean isNode(String name) {
    return commands.containsKey(name) || !children(name).isEmpty();
  }

  /** The full names of the commands and groups one word below {@code parent} ({@code null}: the root). */
  private List<String> children(String parent) {
    String prefix = parent == null ? "" : parent + " ";
    TreeSet<String> out = new TreeSet<>();
    for (String name : commands.tailMap(prefix).keySet()) {
      if (!name.startsWith(prefix)) {
        break;
      }
      int end = name.indexOf(' ', prefix.length());
      out.add(end < 0 ? name : name.substring(0, end));
    }
    return new ArrayList<>(out);
  }

  /** Zephyr's help of one command: {@code <syntax> - <help>}, then its subcommands. */
  private void printHelp(String name, PrintWriter out) {
    out.print(syntax(name) + " - " + help(name) + "\n");
    printItems("Subcommands:\n", children(name), out);
  }

  /** Zephyr's list of commands: a title, then {@code "  <syntax padded>  :<help>"} lines; nothing if there are none. */
  private void printItems(String title, List<String> names, PrintWriter out) {
    int width = names.stream().mapToInt(n -> syntax(n).length()).max().orElse(0);
    if (width == 0) {
      return;
    }
    out.print(title);
    for (String name : names) {
      out.print("  " + String.format("%-" + width + "s", syntax(name)) + "  :" + help(name) + "\n");
    }
  }

  /** A command's help; a group that has no command of its own gets Zephyr's usual wording. */
  private String help(String name) {
    Entry entry = commands.get(name);
    return entry != null ? entry.help() : Character.toUpperCase(name.charAt(0)) + name.substring(1) + " commands";
  }

  /** The last word of a name, what Zephyr calls a command's syntax. */
  private static String syntax(String name) {
    return name.substring(name.lastIndexOf(' ') + 1);
  }

  /** Zephyr's answer to a wrong number of arguments: an error line, the command's help, {@code -EINVAL}. */
  private int wrongParameterCount(String name, PrintWriter out) {
    ShellText.error(out, syntax(name) + ": wrong parameter count");
    printHelp(name, out);
    return -ShellText.EINVAL;
  }

  /** {@code help}: takes no arguments, as Zephyr's. */
  private int helpCommand(List<String> args, PrintWriter out) {
    if (!args.isEmpty()) {
      return wrongParameterCount("help", out);
    }
    // Zephyr's other opening lines are about the Tab key and meta-keys, which SMP has not
    out.print("You can try to call commands with <-h> or <--help> parameter for more information.\n");
    printItems("\nAvailable commands:\n", children(null), out);
    return 0;
  }

  /** {@code kernel uptime}: Zephyr's output, its one optional argument and its {@code -EIO} for another. */
  private int uptime(LongSupplier uptimeMillis, List<String> args, PrintWriter out) {
    if (args.size() > 1) {
      return wrongParameterCount("kernel uptime", out);
    }
    long millis = uptimeMillis.getAsLong();
    if (args.isEmpty()) {
      out.println("Uptime: " + millis + " ms");
      return 0;
    }
    if (!args.get(0).equals("-p") && !args.get(0).equals("--pretty")) {
      ShellText.error(out, "Unsupported option: " + args.get(0));
      return -ShellText.EIO;
    }
    Duration d = Duration.ofMillis(millis);
    out.println("uptime: " + d.toDays() + " days, " + d.toHoursPart() + " hours, " + d.toMinutesPart()
        + " minutes, " + d.toSecondsPart() + " seconds, " + d.toMillisPart() + " milliseconds");
    return 0;
  }
}

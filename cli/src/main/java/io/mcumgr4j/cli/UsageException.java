package io.mcumgr4j.cli;

/**
 * A value on the command line that cannot work (a malformed {@code --conn}, a port out of range),
 * found after picocli parsed it: exits {@link ExitCodes#USAGE} with one line, as picocli's own
 * usage errors do.
 */
final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}

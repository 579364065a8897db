package io.mcumgr4j.cli;

/**
 * A failure whose answer the command has printed already ({@code raw} prints the device's
 * response, {@code err} included, as its JSON document): reported by its cause's exit code and
 * line, without a second document on standard output.
 */
final class AnswerPrinted extends RuntimeException {

  private static final long serialVersionUID = 1L;

  AnswerPrinted(RuntimeException cause) {
    super(cause.getMessage(), cause);
  }
}

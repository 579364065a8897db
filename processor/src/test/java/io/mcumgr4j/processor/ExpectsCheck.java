package io.mcumgr4j.processor;

import io.mcumgr4j.processor.diagnostic.Message;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Holds a test annotated with {@link Expects} to its word: a test that passed without asserting
 * its message through {@link Compilations#assertError} fails.
 */
final class ExpectsCheck implements BeforeEachCallback, AfterEachCallback {

  private static final ThreadLocal<Set<Message>> ASSERTED = ThreadLocal.withInitial(() -> EnumSet.noneOf(Message.class));

  /** Records that the running test asserted {@code message}. */
  static void asserted(Message message) {
    ASSERTED.get().add(message);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    ASSERTED.get().clear();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Message expected = context.getRequiredTestMethod().getAnnotation(Expects.class).value();
    if (context.getExecutionException().isEmpty() && !ASSERTED.get().contains(expected)) {
      throw new AssertionError(context.getDisplayName() + " expects " + expected + " but asserted "
          + ASSERTED.get());
    }
  }
}

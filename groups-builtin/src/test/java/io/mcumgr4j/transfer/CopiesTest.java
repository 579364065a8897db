package io.mcumgr4j.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.client.SmpTimeoutException;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.groups.image.ImgMgmtError;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@link Copies}: which copy's outcome counts, and what is left behind. */
class CopiesTest {

  private static final Duration WAIT = Duration.ofMillis(20);
  private static final Duration CEILING = Duration.ofMillis(80);

  private final List<CompletableFuture<String>> sent = new CopyOnWriteArrayList<>();

  /** Sends nothing: a copy is a future the test completes; the second copy answers the first late. */
  private CompletableFuture<String> copyAnsweringTheFirstLate() {
    CompletableFuture<String> copy = new CompletableFuture<>();
    sent.add(copy);
    if (sent.size() == 2) {
      sent.get(0).complete("first");
    }
    return copy;
  }

  @Test
  void aLateAnswerToAnEarlierCopyCountsAndTheOthersAreCancelled() throws Exception {
    try (FakeDevice device = new FakeDevice(512)) {
      String answer = Copies.firstAnswer(device.client, this::copyAnsweringTheFirstLate, WAIT, CEILING,
          Duration.ofSeconds(30), "test").value();

      assertThat(answer).isEqualTo("first");
      assertThat(sent).hasSize(2);
      assertThat(sent.get(1)).isCancelled();
    }
  }

  @Test
  void aFailureOtherThanATimeoutEndsTheWaitAsItIs() throws Exception {
    try (FakeDevice device = new FakeDevice(512)) {
      GroupErrorException refused = new GroupErrorException(ImgMgmtError.NO_FREE_SLOT, "no slot");
      assertThatThrownBy(() -> Copies.firstAnswer(device.client, () -> CompletableFuture.failedFuture(refused),
          WAIT, CEILING, Duration.ofSeconds(30), "test")).isSameAs(refused);
    }
  }

  @Test
  void copiesThatOnlyTimeOutEndInATimeoutAfterThePatience() throws Exception {
    try (FakeDevice device = new FakeDevice(512)) {
      assertThatThrownBy(() -> Copies.firstAnswer(device.client, () -> {
        CompletableFuture<String> copy = new CompletableFuture<>();
        sent.add(copy);
        if (sent.size() > 1) {
          // the copy before this one timed out on its own: that is no answer, the wait goes on
          sent.get(sent.size() - 2).completeExceptionally(new SmpTimeoutException("one copy"));
        }
        return copy;
      }, WAIT, CEILING, Duration.ofSeconds(1), "the read")).isInstanceOf(SmpTimeoutException.class)
          .hasMessageStartingWith("no response from memory to the read within 1000 ms");

      assertThat(sent.size()).as("resent, each wait twice the last up to the ceiling").isGreaterThan(2);
      assertThat(sent.get(sent.size() - 1)).isCancelled();
    }
  }
}

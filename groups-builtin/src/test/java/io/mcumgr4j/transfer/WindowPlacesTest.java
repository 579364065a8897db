package io.mcumgr4j.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The window's places: an answer frees its request's place and those of every request sent before it. */
class WindowPlacesTest {

  @Test
  void anAnswerFreesThePlacesOfTheRequestsSentBeforeIt() {
    WindowPlaces places = new WindowPlaces(3);
    int first = places.sent();
    places.sent();
    int third = places.sent();
    assertThat(places.free()).isFalse();

    // the first one's answer was lost; the third's came: the device has handled or lost all three
    places.answered(third);
    places.sent();
    places.sent();
    places.sent();
    assertThat(places.free()).isFalse();

    // the first one's timeout comes later and frees nothing that is not its own
    places.timedOut(first);
    assertThat(places.free()).isFalse();
  }

  @Test
  void aTimeoutFreesOnlyItsOwnPlace() {
    WindowPlaces places = new WindowPlaces(3);
    places.sent();
    int second = places.sent();
    int third = places.sent();
    places.timedOut(second);
    assertThat(places.free()).isTrue();
    places.sent();
    assertThat(places.free()).isFalse();

    // an answer to a request sent before others frees nothing sent after it
    places.answered(third);
    places.sent();
    assertThat(places.free()).isTrue();
    places.sent();
    assertThat(places.free()).as("the request sent after the third still holds its place").isFalse();
  }

  @Test
  void passesCountTheGoingsBackAndHoldNoPlaces() {
    WindowPlaces places = new WindowPlaces(2);
    int a = places.sent();
    places.sent();
    places.newPass();
    assertThat(places.pass()).isEqualTo(1);
    assertThat(places.free()).as("requests of an earlier pass hold their places until answered").isFalse();
    places.answered(a);
    assertThat(places.free()).isTrue();
  }

  @Test
  void aWindowWiderThanItsFirstArrayGrows() {
    WindowPlaces places = new WindowPlaces(100);
    int last = 0;
    for (int i = 0; i < 100; i++) {
      last = places.sent();
    }
    assertThat(places.free()).isFalse();
    places.answered(last - 1);
    for (int i = 0; i < 98; i++) {
      places.sent();
    }
    assertThat(places.free()).as("the last of the first hundred and 98 more: one place left").isTrue();
    places.sent();
    assertThat(places.free()).isFalse();
  }
}

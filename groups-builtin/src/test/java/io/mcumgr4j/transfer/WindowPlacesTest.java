package io.mcumgr4j.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The window's places across passes: an answer in a new pass frees what earlier passes held, once. */
class WindowPlacesTest {

  @Test
  void requestsOfAPassGivenUpHoldTheirPlacesUntilARequestOfTheNewPassIsAnswered() {
    WindowPlaces places = new WindowPlaces(3);
    places.sent();
    places.sent();
    places.sent();
    assertThat(places.free()).isFalse();

    // the second one came back at the wrong offset: go back; the first and third are still out
    places.returned(0);
    places.newPass();
    assertThat(places.pass()).isEqualTo(1);
    places.sent();
    assertThat(places.free()).as("two of the earlier pass still hold places").isFalse();

    // the new pass's request is answered: the device has handled or lost what came before it
    places.returned(1);
    places.answeredInPass();
    places.sent();
    places.sent();
    places.sent();
    assertThat(places.free()).isFalse();

    // their late answers give back nothing more
    places.returned(0);
    places.returned(0);
    assertThat(places.free()).isFalse();
    places.returned(1);
    assertThat(places.free()).isTrue();
  }

  @Test
  void withinOnePassEveryReturnFreesAPlace() {
    WindowPlaces places = new WindowPlaces(2);
    places.sent();
    places.sent();
    places.returned(0);
    places.answeredInPass();
    assertThat(places.free()).isTrue();
    places.sent();
    assertThat(places.free()).isFalse();
    places.returned(0);
    places.returned(0);
    places.sent();
    places.sent();
    assertThat(places.free()).isFalse();
  }
}

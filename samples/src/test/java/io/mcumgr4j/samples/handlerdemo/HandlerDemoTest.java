package io.mcumgr4j.samples.handlerdemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.callback.CallbackResult;
import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.samples.testing.Connection;
import io.mcumgr4j.samples.testing.Link;
import io.mcumgr4j.server.SmpServer;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The generated {@link ExampleMgmtClient} against the generated {@link ExampleMgmtDispatcher},
 * served as {@link HandlerDemoServer} serves it (with its hook refusing {@code user_value} 13).
 */
class HandlerDemoTest {

  private static final ClientConfig V1 = ClientConfig.DEFAULT.withVersion(SmpHeader.VERSION_1);

  private final SmpServer server = HandlerDemoServer.newServer();

  @AfterEach
  void close() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void testAnswers4691(Link link) throws Exception {
    try (Connection v2 = link.open(server); Connection v1 = link.open(server, V1)) {
      assertThat(new ExampleMgmtClient(v2.client()).test(5, "hi").returnInt()).isEqualTo(4691);
      assertThat(new ExampleMgmtClient(v1.client()).test(5, "hi").returnInt()).isEqualTo(4691);
      assertThat(new ExampleMgmtClient(v2.client()).testAsync(50, "hi").get())
          .isEqualTo(new ExampleMgmt.TestResult(4691));
    }
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void unwantedValueIsTheTypedGroupErrorForV2(Link link) throws Exception {
    try (Connection c = link.open(server)) {
      ExampleMgmtClient example = new ExampleMgmtClient(c.client());

      assertThatThrownBy(() -> example.test(51, "hi"))
          .isInstanceOfSatisfying(GroupErrorException.class,
              e -> assertThat(e.error()).isSameAs(ExampleMgmtError.NOT_WANTED));
      assertThatThrownBy(() -> example.testAsync(0xFFFF_FFFFL, "hi").join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOfSatisfying(GroupErrorException.class,
              e -> assertThat(e.error()).isSameAs(ExampleMgmtError.NOT_WANTED));
    }
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void unwantedValueIsEnoentForV1(Link link) throws Exception {
    try (Connection c = link.open(server, V1)) {
      assertThatThrownBy(() -> new ExampleMgmtClient(c.client()).test(51, "hi"))
          .isInstanceOfSatisfying(MgmtException.class, e -> {
            assertThat(e.rc()).isEqualTo(5);
            assertThat(e.err()).isEqualTo(MgmtErr.ENOENT);
          });
    }
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void emptyTextIsEinvalForBothVersions(Link link) throws Exception {
    try (Connection v2 = link.open(server); Connection v1 = link.open(server, V1)) {
      for (Connection c : new Connection[] {v2, v1}) {
        assertThatThrownBy(() -> new ExampleMgmtClient(c.client()).test(5, ""))
            .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(3));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void otherAnswersWithAndWithoutUserValue(Link link) throws Exception {
    try (Connection c = link.open(server)) {
      ExampleMgmtClient example = new ExampleMgmtClient(c.client());

      assertThat(example.other(OptionalLong.empty()).returnString()).isEqualTo("some dummy data!");
      assertThat(example.other(OptionalLong.of(12)).returnString()).isEqualTo("some dummy data!");
      assertThat(example.otherAsync(OptionalLong.of(0xFFFF_FFFFL)).get().returnString())
          .isEqualTo("some dummy data!");
    }
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void hookRefusal(Link link) throws Exception {
    try (Connection v2 = link.open(server); Connection v1 = link.open(server, V1)) {
      assertThatThrownBy(() -> new ExampleMgmtClient(v2.client()).other(OptionalLong.of(13)))
          .isInstanceOfSatisfying(GroupErrorException.class,
              e -> assertThat(e.error()).isSameAs(ExampleMgmtError.REJECTED_BY_HOOK));
      assertThatThrownBy(() -> new ExampleMgmtClient(v1.client()).other(OptionalLong.of(13)))
          .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(6));
    }
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void listenerRefusingWithAnRcFailsBothVersions(Link link) throws Exception {
    var veto = ExampleMgmtEvents.onOther(server.callbacks(),
        (event, previous) -> CallbackResult.rc(MgmtErr.EACCESSDENIED));
    try (Connection v2 = link.open(server);
        Connection v1 = link.open(server, V1)) {
      for (Connection c : new Connection[] {v2, v1}) {
        assertThatThrownBy(() -> new ExampleMgmtClient(c.client()).other(OptionalLong.empty()))
            .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(11));
      }
      veto.close();
      assertThat(new ExampleMgmtClient(v2.client()).other(OptionalLong.empty()).returnString())
          .isEqualTo("some dummy data!");
    }
  }
}

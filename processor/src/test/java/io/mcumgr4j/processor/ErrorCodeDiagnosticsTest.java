package io.mcumgr4j.processor;

import static io.mcumgr4j.processor.Compilations.assertSingleError;
import static io.mcumgr4j.processor.Compilations.compile;
import static io.mcumgr4j.processor.Compilations.source;

import io.mcumgr4j.processor.diagnostic.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Diagnostics on {@code @MgmtGroup(errors = ...)}. They are reported on the {@code @ErrorCode}
 * entry at fault (each entry sits on its own line here).
 */
class ErrorCodeDiagnosticsTest {

  private static JavaFileObject group(String errors) {
    return source("G", """
        @MgmtGroup(id = 64, name = "g", errors = {
            %s
        })
        public interface G {}
        """.formatted(errors.replace("), @", "),\n    @")));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  @Expects(Message.ERROR_CODE_TAKEN)
  void codesZeroAndOneAreTaken(int code) {
    JavaFileObject g = group("@ErrorCode(value = %d, name = \"E\")".formatted(code));
    assertSingleError(compile(g), Message.ERROR_CODE_TAKEN, g, "@ErrorCode(value = " + code + ",", code, "E");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 65536})
  @Expects(Message.ERROR_CODE_RANGE)
  void codesFitSixteenBits(int code) {
    JavaFileObject g = group("@ErrorCode(value = %d, name = \"E\")".formatted(code));
    assertSingleError(compile(g), Message.ERROR_CODE_RANGE, g, "@ErrorCode(value = " + code + ",", code, "E");
  }

  @Test
  @Expects(Message.ERROR_CODE_TWICE)
  void aCodeIsDeclaredOnce() {
    JavaFileObject g = group("@ErrorCode(value = 2, name = \"A\"), @ErrorCode(value = 2, name = \"B\")");
    assertSingleError(compile(g), Message.ERROR_CODE_TWICE, g, "name = \"B\"", 2, "A", "B");
  }

  @ParameterizedTest
  @ValueSource(strings = {"notWanted", "Not_Wanted", "NOT-WANTED", "NOT WANTED", "2BAD", "_", ""})
  @Expects(Message.ERROR_NAME_FORM)
  void namesAreUpperSnakeCaseIdentifiers(String name) {
    JavaFileObject g = group("@ErrorCode(value = 2, name = \"%s\")".formatted(name));
    assertSingleError(compile(g), Message.ERROR_NAME_FORM, g, "name = \"" + name + "\"", name);
  }

  @ParameterizedTest
  @CsvSource({"OK, 0", "UNKNOWN, 1"})
  @Expects(Message.ERROR_NAME_TAKEN)
  void namesOkAndUnknownAreTaken(String name, int code) {
    JavaFileObject g = group("@ErrorCode(value = 2, name = \"%s\")".formatted(name));
    assertSingleError(compile(g), Message.ERROR_NAME_TAKEN, g, "name = \"" + name + "\"", name, code);
  }

  @Test
  @Expects(Message.ERROR_NAME_GROUP_ID)
  void nameGroupIdIsTakenByTheEnumsConstant() {
    JavaFileObject g = group("@ErrorCode(value = 2, name = \"GROUP_ID\")");
    assertSingleError(compile(g), Message.ERROR_NAME_GROUP_ID, g, "name = \"GROUP_ID\"");
  }

  @Test
  @Expects(Message.ERROR_NAME_TWICE)
  void aNameIsDeclaredOnce() {
    JavaFileObject g = group("@ErrorCode(value = 2, name = \"A\"), @ErrorCode(value = 3, name = \"A\")");
    assertSingleError(compile(g), Message.ERROR_NAME_TWICE, g, "@ErrorCode(value = 3,", "A");
  }

  @Test
  @Expects(Message.ERROR_CODE_TWICE)
  void anExtensionCannotRedeclareAnInheritedCode() {
    JavaFileObject base = source("Base", """
        @MgmtGroup(id = 64, name = "base", errors = @ErrorCode(value = 2, name = "BUSY"))
        public interface Base {}
        """);
    JavaFileObject ext = source("Ext", """
        @MgmtGroup(id = 64, name = "base", errors = @ErrorCode(value = 2, name = "FULL"))
        public interface Ext extends Base {}
        """);
    assertSingleError(compile(base, ext), Message.ERROR_CODE_TWICE, ext, "name = \"FULL\"", 2, "BUSY", "FULL");
  }
}

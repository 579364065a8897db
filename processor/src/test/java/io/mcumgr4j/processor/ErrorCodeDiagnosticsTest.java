package io.mcumgr4j.processor;

import static io.mcumgr4j.processor.Compilations.assertSingleError;
import static io.mcumgr4j.processor.Compilations.compile;
import static io.mcumgr4j.processor.Compilations.source;

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
  void codesZeroAndOneAreTaken(int code) {
    JavaFileObject g = group("@ErrorCode(value = %d, name = \"E\")".formatted(code));
    assertSingleError(compile(g), "error code " + code + " (E) is taken: 0 is OK and 1 is UNKNOWN in every group",
        g, "@ErrorCode(value = " + code + ",");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 65536})
  void codesFitSixteenBits(int code) {
    JavaFileObject g = group("@ErrorCode(value = %d, name = \"E\")".formatted(code));
    assertSingleError(compile(g), "error code " + code + " (E) is outside 2..65535", g,
        "@ErrorCode(value = " + code + ",");
  }

  @Test
  void aCodeIsDeclaredOnce() {
    JavaFileObject g = group("@ErrorCode(value = 2, name = \"A\"), @ErrorCode(value = 2, name = \"B\")");
    assertSingleError(compile(g), "error code 2 is declared twice (A and B): give each error its own code",
        g, "name = \"B\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"notWanted", "Not_Wanted", "NOT-WANTED", "NOT WANTED", "2BAD", "_", ""})
  void namesAreUpperSnakeCaseIdentifiers(String name) {
    JavaFileObject g = group("@ErrorCode(value = 2, name = \"%s\")".formatted(name));
    assertSingleError(compile(g), "error name '" + name + "' must be an UPPER_SNAKE_CASE Java identifier",
        g, "name = \"" + name + "\"");
  }

  @ParameterizedTest
  @CsvSource({"OK, 0", "UNKNOWN, 1"})
  void namesOkAndUnknownAreTaken(String name, int code) {
    JavaFileObject g = group("@ErrorCode(value = 2, name = \"%s\")".formatted(name));
    assertSingleError(compile(g), "error name " + name + " is taken by code " + code + ": choose another name",
        g, "name = \"" + name + "\"");
  }

  @Test
  void nameGroupIdIsTakenByTheEnumsConstant() {
    JavaFileObject g = group("@ErrorCode(value = 2, name = \"GROUP_ID\")");
    assertSingleError(compile(g), "error name GROUP_ID is taken by the error enum's GROUP_ID constant (the group "
        + "id): choose another name", g, "name = \"GROUP_ID\"");
  }

  @Test
  void aNameIsDeclaredOnce() {
    JavaFileObject g = group("@ErrorCode(value = 2, name = \"A\"), @ErrorCode(value = 3, name = \"A\")");
    assertSingleError(compile(g), "error name A is declared twice: give each error its own name",
        g, "@ErrorCode(value = 3,");
  }

  @Test
  void anExtensionCannotRedeclareAnInheritedCode() {
    JavaFileObject base = source("Base", """
        @MgmtGroup(id = 64, name = "base", errors = @ErrorCode(value = 2, name = "BUSY"))
        public interface Base {}
        """);
    JavaFileObject ext = source("Ext", """
        @MgmtGroup(id = 64, name = "base", errors = @ErrorCode(value = 2, name = "FULL"))
        public interface Ext extends Base {}
        """);
    assertSingleError(compile(base, ext), "error code 2 is declared twice (BUSY and FULL)", ext,
        "name = \"FULL\"");
  }
}

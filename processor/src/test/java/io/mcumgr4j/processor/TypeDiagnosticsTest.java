package io.mcumgr4j.processor;

import static io.mcumgr4j.processor.Compilations.assertSingleError;
import static io.mcumgr4j.processor.Compilations.compile;
import static io.mcumgr4j.processor.Compilations.source;

import io.mcumgr4j.processor.diagnostic.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Diagnostics on the types of parameters that cannot travel as CBOR, and on misplaced {@code @Uint},
 * one test per message over the declarations that earn it. They are reported on the parameter; the
 * same types in record components are covered by {@link RecordDiagnosticsTest}.
 */
class TypeDiagnosticsTest {

  private static JavaFileObject parameter(String declaration) {
    return source("G", """
        @MgmtGroup(id = 64, name = "g")
        public interface G {
          @Command(id = 0, ops = Op.WRITE)
          void a(
              %s);

          record Point(int x, int y) {}

          enum NoCode { A }

          enum LongCode {
            A;

            public long code() {
              return 0;
            }
          }

          enum PrivateCode {
            A;

            private int code() {
              return 0;
            }
          }

          final class Plain {}
        }
        """.formatted(declaration));
  }

  /** Compiles a command taking {@code declaration}, which must earn exactly {@code message}. */
  private static void assertRefused(String declaration, Message message, Object... args) {
    JavaFileObject g = parameter("@Param(\"x\") " + declaration + " x");
    assertSingleError(compile(g), message, g, " x);", args);
  }

  @Test
  @Expects(Message.CHAR_TYPE)
  void charIsRefused() {
    assertRefused("char", Message.CHAR_TYPE, "char");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Character   | java.lang.Character
      Set<String> | java.util.Set<java.lang.String>
      Plain       | test.G.Plain
      Object      | java.lang.Object
      """)
  @Expects(Message.UNSUPPORTED_TYPE)
  void otherTypesAreRefused(String declaration, String printed) {
    assertRefused(declaration, Message.UNSUPPORTED_TYPE, printed);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      int[]          | int[]
      String[]       | java.lang.String[]
      List<byte[][]> | byte[][]
      """)
  @Expects(Message.ARRAY_TYPE)
  void arraysOtherThanBytesAreRefused(String declaration, String printed) {
    assertRefused(declaration, Message.ARRAY_TYPE, printed);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      List     | List     | List<String>
      Map      | Map      | Map<String, Integer>
      Optional | Optional | Optional<String>
      """)
  @Expects(Message.RAW_GENERIC)
  void rawGenericTypesAreRefused(String declaration, String name, String example) {
    assertRefused(declaration, Message.RAW_GENERIC, name, name, example);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Map<Integer, String>      | java.util.Map<java.lang.Integer,java.lang.String>
      List<Map<Long, Integer>>  | java.util.Map<java.lang.Long,java.lang.Integer>
      """)
  @Expects(Message.MAP_KEY)
  void mapKeysAreText(String declaration, String printed) {
    assertRefused(declaration, Message.MAP_KEY, printed);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      NoCode            | NoCode
      LongCode          | LongCode
      List<PrivateCode> | PrivateCode
      """)
  @Expects(Message.ENUM_WITHOUT_CODE)
  void anEnumHasAPublicIntCode(String declaration, String name) {
    assertRefused(declaration, Message.ENUM_WITHOUT_CODE, name);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      List<Optional<String>>     | java.util.Optional<java.lang.String>
      Map<String, OptionalInt>   | java.util.OptionalInt
      Optional<Optional<String>> | java.util.Optional<java.lang.String>
      """)
  @Expects(Message.NESTED_OPTIONAL)
  void anOptionalIsAValuesOwnType(String declaration, String printed) {
    assertRefused(declaration, Message.NESTED_OPTIONAL, printed);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      @Uint String                 | java.lang.String
      @Uint boolean                | boolean
      @Uint double                 | double
      @Uint OptionalDouble         | double
      @Uint byte[]                 | byte[]
      @Uint RawCbor                | io.mcumgr4j.cbor.RawCbor
      @Uint Point                  | test.G.Point
      @Uint List<String>           | java.lang.String
      @Uint(bits = 8) PrivateCode  | test.G.PrivateCode
      """)
  @Expects(Message.UINT_MISPLACED)
  void uintMarksIntegersOnly(String declaration, String printed) {
    assertRefused(declaration, Message.UINT_MISPLACED, printed);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      @Uint int                    | 32
      @Uint(bits = 32) int         | 32
      @Uint(bits = 64) Integer     | 64
      @Uint(bits = 32) OptionalInt | 32
      """)
  @Expects(Message.UINT_ON_INT)
  void anIntHoldsUnsignedValuesOf16BitsAtMost(String declaration, int bits) {
    assertRefused(declaration, Message.UINT_ON_INT, bits);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      @Uint(bits = 8) long       | 8
      @Uint(bits = 16) Long      | 16
      @Uint(bits = 8) List<Long> | 8
      """)
  @Expects(Message.UINT_ON_LONG)
  void aLongHoldsUnsignedValuesOf32Or64Bits(String declaration, int bits) {
    assertRefused(declaration, Message.UINT_ON_LONG, bits);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      @Uint(bits = 12) long        | 12
      @Uint(bits = 12) int         | 12
      @Uint(bits = 0) OptionalLong | 0
      """)
  @Expects(Message.UINT_WIDTH)
  void uintHasAWidthOf8To64Bits(String declaration, int bits) {
    assertRefused(declaration, Message.UINT_WIDTH, bits);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      @Uint(bits = 8) short        | int     | short
      @Uint(bits = 16) Byte        | Integer | java.lang.Byte
      @Uint(bits = 16) List<Short> | Integer | java.lang.Short
      """)
  @Expects(Message.UINT_ON_SMALL)
  void unsignedSmallIntegersAreInts(String declaration, String use, String printed) {
    assertRefused(declaration, Message.UINT_ON_SMALL, use, printed);
  }
}

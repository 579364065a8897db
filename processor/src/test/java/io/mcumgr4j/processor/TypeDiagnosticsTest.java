package io.mcumgr4j.processor;

import static io.mcumgr4j.processor.Compilations.assertSingleError;
import static io.mcumgr4j.processor.Compilations.compile;
import static io.mcumgr4j.processor.Compilations.source;

import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Diagnostics on the types of parameters that cannot travel as CBOR, and on misplaced {@code @Uint}.
 * They are reported on the parameter; the same types in record components are covered by {@link
 * RecordDiagnosticsTest}.
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

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      char                  | char is not supported: use String for text, or int for a number
      Character             | java.lang.Character is not supported: use a primitive or its box (boolean, byte, short, int, long, float, double), String
      @Uint(bits = 8) short | @Uint applies to int and long: use int with @Uint(bits = 8 or 16) for an unsigned short
      @Uint(bits = 16) List<Short> | @Uint applies to int and long: use Integer with @Uint(bits = 8 or 16) for an unsigned java.lang.Short
      int[]                 | arrays other than byte[] are not supported: use List<T>
      String[]              | arrays other than byte[] are not supported: use List<T>
      List<byte[][]>        | arrays other than byte[] are not supported: use List<T>
      Set<String>           | java.util.Set<java.lang.String> is not supported: use a primitive or its box
      Map<Integer, String>  | map keys must be String (CBOR text): java.util.Map<java.lang.Integer,java.lang.String> is not supported
      List<Optional<String>>| Optional is allowed only as a parameter's or field's own type, not inside a list or map
      Map<String, OptionalInt> | Optional is allowed only as a parameter's or field's own type, not inside a list or map
      Optional<Optional<String>> | Optional is allowed only as a parameter's or field's own type, not inside a list or map
      Plain                 | test.G.Plain is not supported: use a primitive or its box
      Object                | java.lang.Object is not supported: use a primitive or its box
      NoCode                | enum NoCode travels by code: give it a public int code() method
      LongCode              | enum LongCode travels by code: give it a public int code() method
      List<PrivateCode>     | enum PrivateCode travels by code: give it a public int code() method
      List                  | raw List does not say what it holds: give List its type arguments, e.g. List<String>
      Map                   | raw Map does not say what it holds: give Map its type arguments, e.g. Map<String, Integer>
      Optional              | raw Optional does not say what it holds: give Optional its type arguments, e.g. Optional<String>
      """)
  void unsupportedTypesAreRefused(String type, String message) {
    JavaFileObject g = parameter("@Param(\"x\") " + type + " x");
    assertSingleError(compile(g), message, g, " x);");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      @Uint String                 | @Uint applies to integers only, not java.lang.String: remove it
      @Uint boolean                | @Uint applies to integers only, not boolean: remove it
      @Uint double                 | @Uint applies to integers only, not double: remove it
      @Uint OptionalDouble         | @Uint applies to integers only, not double: remove it
      @Uint byte[]                 | @Uint applies to integers only, not byte[]: remove it
      @Uint RawCbor                | @Uint applies to integers only, not io.mcumgr4j.cbor.RawCbor: remove it
      @Uint Point                  | @Uint applies to integers only, not test.G.Point: remove it
      @Uint List<String>           | @Uint applies to integers only, not java.lang.String: remove it
      @Uint(bits = 8) PrivateCode  | @Uint applies to integers only, not test.G.PrivateCode: remove it
      @Uint int                    | an unsigned 32-bit value does not fit int: declare it long, or use @Uint(bits = 8 or 16)
      @Uint(bits = 32) int         | an unsigned 32-bit value does not fit int: declare it long
      @Uint(bits = 64) Integer     | an unsigned 64-bit value does not fit int: declare it long
      @Uint(bits = 32) OptionalInt | an unsigned 32-bit value does not fit int: declare it long
      @Uint(bits = 8) long         | @Uint(bits = 8) on a long: use int for 8 and 16 bits, or bits = 32 or 64
      @Uint(bits = 16) Long        | @Uint(bits = 16) on a long: use int for 8 and 16 bits, or bits = 32 or 64
      @Uint(bits = 8) List<Long>   | @Uint(bits = 8) on a long: use int for 8 and 16 bits
      @Uint(bits = 12) long        | @Uint(bits = 12) is not a width: use 8, 16, 32 or 64
      @Uint(bits = 12) int         | @Uint(bits = 12) is not a width: use 8, 16, 32 or 64
      @Uint(bits = 0) OptionalLong | @Uint(bits = 0) is not a width: use 8, 16, 32 or 64
      """)
  void uintMarksIntegersOfAWidthTheirTypeHolds(String declaration, String message) {
    JavaFileObject g = parameter("@Param(\"x\") " + declaration + " x");
    assertSingleError(compile(g), message, g, " x);");
  }
}

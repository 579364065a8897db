package io.mcumgr4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.mcumgr4j.processor.Compilations.compile;
import static io.mcumgr4j.processor.Compilations.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.cbor.CborWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs a generated record reader: a primitive component whose key is absent decodes to its default,
 * as Zephyr's decoder leaves it (builds without stack info leave out a task's {@code stksiz}).
 */
class RecordDecodingTest {

  private static Method readR;

  @BeforeAll
  static void compileGroup() throws ReflectiveOperationException {
    Compilation compilation = compile(source("G", """
        @MgmtGroup(id = 64, name = "g")
        public interface G {
          @Command(id = 0, ops = Op.READ)
          R a();

          record R(int i, @Uint(bits = 32) long l, boolean b, float f, double d, String s) {}
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    readR = new GeneratedClasses(compilation).loadClass("test.GCodec").getDeclaredMethod("readR", CborReader.class);
    readR.setAccessible(true);
  }

  @Test
  void absentPrimitiveComponentsDecodeToTheirDefaults() throws Exception {
    CborWriter out = CborWriter.forRequest();
    out.beginMap(1);
    out.key("s");
    out.text("only");
    out.endMap();
    assertThat(readR.invoke(null, CborReader.of(out.toByteArray())))
        .hasToString("R[i=0, l=0, b=false, f=0.0, d=0.0, s=only]");
  }

  @Test
  void presentPrimitiveComponentsAreStillChecked() {
    CborWriter out = CborWriter.forRequest();
    out.beginMap(2);
    out.key("i");
    out.integer(1);
    out.key("i");
    out.integer(2);
    out.endMap();
    assertThatThrownBy(() -> readR.invoke(null, CborReader.of(out.toByteArray())))
        .isInstanceOf(InvocationTargetException.class)
        .cause().hasMessageEndingWith("'i' appears twice");
  }
}

package io.mcumgr4j.processor;

import static io.mcumgr4j.processor.Compilations.compile;
import static io.mcumgr4j.processor.Compilations.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.mcumgr4j.processor.diagnostic.Message;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One test per message of the catalog, by its id: a group that misuses the annotations in exactly
 * that way, and the line the error must be reported on. A message without a trigger here fails
 * too, so a new message comes with its test.
 */
class DiagnosticCatalogTest {

  /** A group body (after the common imports) and text of the line the diagnostic belongs on. */
  record Trigger(String body, String line) {}

  private static final String G = "@MgmtGroup(id = 64, name = \"g\")\npublic interface G {\n";

  private static Trigger command(String declaration, String line) {
    return new Trigger(G + "  @Command(id = 0, ops = Op.WRITE)\n  " + declaration + ";\n}\n", line);
  }

  private static Trigger param(String declaration) {
    return command("void a(" + declaration + ")", declaration);
  }

  private static final Map<Message, Trigger> TRIGGERS = new EnumMap<>(Message.class);

  static {
    TRIGGERS.put(Message.NOT_AN_INTERFACE, new Trigger("@MgmtGroup(id = 64, name = \"g\")\npublic class G {}\n", "public class G"));
    TRIGGERS.put(Message.GENERIC_GROUP, new Trigger("@MgmtGroup(id = 64, name = \"g\")\npublic interface G<T> {}\n", "interface G<T>"));
    TRIGGERS.put(Message.GROUP_ID_RANGE, new Trigger("@MgmtGroup(id = 70000, name = \"g\")\npublic interface G {}\n", "interface G"));
    TRIGGERS.put(Message.GROUP_ID_RESERVED, new Trigger("@MgmtGroup(id = 20, name = \"g\")\npublic interface G {}\n", "interface G"));
    TRIGGERS.put(Message.EXTENSION_ID, new Trigger(G + "  interface H {}\n}\n@MgmtGroup(id = 65, name = \"g\")\ninterface E extends G {}\n", "interface E"));
    TRIGGERS.put(Message.EVENT_GROUP_RANGE, new Trigger("@MgmtGroup(id = 64, name = \"g\", eventGroup = -5)\npublic interface G {}\n", "interface G"));
    TRIGGERS.put(Message.EMPTY_GROUP_NAME, new Trigger("@MgmtGroup(id = 64, name = \" \")\npublic interface G {}\n", "interface G"));
    TRIGGERS.put(Message.UNANNOTATED_METHOD, new Trigger(G + "  void plain();\n}\n", "void plain()"));
    TRIGGERS.put(Message.DUPLICATE_GROUP_ID, new Trigger(G + "}\n@MgmtGroup(id = 64, name = \"h\")\ninterface H {}\n", "interface H"));
    TRIGGERS.put(Message.GENERATED_NAME_CLASH, new Trigger(G + "  @MgmtGroup(id = 65, name = \"i\")\n  interface I {}\n}\n"
        + "@MgmtGroup(id = 66, name = \"j\")\ninterface G_I {}\n", "interface G_I"));
    TRIGGERS.put(Message.SOURCES_NOT_WRITTEN, new Trigger(G + "}\nfinal class GDispatcher {}\n", "public interface G"));
    TRIGGERS.put(Message.ERROR_CODE_TAKEN, new Trigger("@MgmtGroup(id = 64, name = \"g\",\n    errors = @ErrorCode(value = 1, name = \"ONE\"))\npublic interface G {}\n", "@ErrorCode(value = 1"));
    TRIGGERS.put(Message.ERROR_CODE_RANGE, new Trigger("@MgmtGroup(id = 64, name = \"g\",\n    errors = @ErrorCode(value = 70000, name = \"BIG\"))\npublic interface G {}\n", "@ErrorCode(value = 70000"));
    TRIGGERS.put(Message.ERROR_CODE_TWICE, new Trigger("@MgmtGroup(id = 64, name = \"g\", errors = {\n    @ErrorCode(value = 2, name = \"A\"),\n    @ErrorCode(value = 2, name = \"B\")})\npublic interface G {}\n", "name = \"B\""));
    TRIGGERS.put(Message.ERROR_NAME_FORM, new Trigger("@MgmtGroup(id = 64, name = \"g\",\n    errors = @ErrorCode(value = 2, name = \"notUpper\"))\npublic interface G {}\n", "notUpper"));
    TRIGGERS.put(Message.ERROR_NAME_TAKEN, new Trigger("@MgmtGroup(id = 64, name = \"g\",\n    errors = @ErrorCode(value = 2, name = \"OK\"))\npublic interface G {}\n", "name = \"OK\""));
    TRIGGERS.put(Message.ERROR_NAME_GROUP_ID, new Trigger("@MgmtGroup(id = 64, name = \"g\",\n    errors = @ErrorCode(value = 2, name = \"GROUP_ID\"))\npublic interface G {}\n", "GROUP_ID"));
    TRIGGERS.put(Message.ERROR_NAME_TWICE, new Trigger("@MgmtGroup(id = 64, name = \"g\", errors = {\n    @ErrorCode(value = 2, name = \"A\"),\n    @ErrorCode(value = 3, name = \"A\")})\npublic interface G {}\n", "value = 3"));
    TRIGGERS.put(Message.COMMAND_ID_RANGE, new Trigger(G + "  @Command(id = 300, ops = Op.READ)\n  void a();\n}\n", "void a()"));
    TRIGGERS.put(Message.NO_OPS, new Trigger(G + "  @Command(id = 0, ops = {})\n  void a();\n}\n", "void a()"));
    TRIGGERS.put(Message.RESPONSE_OP, new Trigger(G + "  @Command(id = 0, ops = Op.READ_RSP)\n  void a();\n}\n", "void a()"));
    TRIGGERS.put(Message.OP_TWICE, new Trigger(G + "  @Command(id = 0, ops = {Op.READ, Op.READ})\n  void a();\n}\n", "void a()"));
    TRIGGERS.put(Message.COMMAND_SLOT_TAKEN, new Trigger(G + "  @Command(id = 0, ops = Op.READ)\n  void a();\n\n  @Command(id = 0, ops = Op.READ)\n  void b();\n}\n", "void b()"));
    TRIGGERS.put(Message.COMMAND_NAME_TWICE, new Trigger(G + "  @Command(id = 0, ops = Op.READ)\n  void a();\n\n  @Command(id = 1, ops = Op.READ)\n  void a(@Param(\"x\") int x);\n}\n", "void a(@Param"));
    TRIGGERS.put(Message.GENERIC_COMMAND, command("<T> void a()", "void a()"));
    TRIGGERS.put(Message.CHECKED_EXCEPTIONS, command("void a() throws java.io.IOException", "void a()"));
    TRIGGERS.put(Message.TOO_MANY_HOOKS, new Trigger(G + IntStream.range(0, 17)
        .mapToObj(i -> "  @Command(id = " + i + ", ops = Op.WRITE, hook = true)\n  void h" + i + "();\n")
        .collect(Collectors.joining()) + "}\n", "void h16()"));
    TRIGGERS.put(Message.HOOK_WITHOUT_EVENT_GROUP, new Trigger("@MgmtGroup(id = 3, name = \"g\")\npublic interface G {\n"
        + "  @Command(id = 0, ops = Op.WRITE, hook = true)\n  void a();\n}\n", "void a()"));
    TRIGGERS.put(Message.EVENT_CONSTANT_RESERVED, new Trigger(G + "  @Command(id = 0, ops = Op.WRITE, hook = true)\n  void eventGroup();\n}\n", "void eventGroup()"));
    TRIGGERS.put(Message.EVENT_CONSTANT_CLASH, new Trigger(G + "  @Command(id = 0, ops = Op.WRITE, hook = true)\n  void fooBar();\n\n"
        + "  @Command(id = 1, ops = Op.WRITE, hook = true)\n  void foo_bar();\n}\n", "void foo_bar()"));
    TRIGGERS.put(Message.CLIENT_METHOD_CLASH, new Trigger(G + "  @Command(id = 0, ops = Op.READ)\n  void b();\n\n  @Command(id = 1, ops = Op.READ)\n  void bAsync();\n}\n", "void bAsync()"));
    TRIGGERS.put(Message.TOO_MANY_KEYS, command("void many(" + IntStream.range(0, 65)
        .mapToObj(i -> "@Param(\"k" + i + "\") int k" + i).collect(Collectors.joining(", ")) + ")", "void many("));
    TRIGGERS.put(Message.BAD_RESULT, command("String a()", "String a()"));
    TRIGGERS.put(Message.UINT_ON_CONTEXT, param("@Uint RequestContext ctx"));
    TRIGGERS.put(Message.PARAM_ON_CONTEXT, param("@Param(\"c\") RequestContext ctx"));
    TRIGGERS.put(Message.CONTEXT_TWICE, command("void a(RequestContext one, RequestContext two)", "void a("));
    TRIGGERS.put(Message.MISSING_PARAM, param("int bare"));
    TRIGGERS.put(Message.EMPTY_PARAM_KEY, param("@Param(\"\") int x"));
    TRIGGERS.put(Message.PARAM_KEY_TWICE, command("void a(@Param(\"k\") int x, @Param(\"k\") int y)", "void a("));
    TRIGGERS.put(Message.LENIENT_NOT_OPTIONAL_VALUE, param("@Param(value = \"x\", lenient = true) int x"));
    TRIGGERS.put(Message.OPTIONAL_PRIMITIVE, param("@Param(value = \"x\", required = false) int x"));
    TRIGGERS.put(Message.TOO_MANY_COMPONENTS, new Trigger(G + "  @Command(id = 0, ops = Op.READ)\n  R a();\n\n  record R(\n"
        + IntStream.range(0, 65).mapToObj(i -> "      int c" + i).collect(Collectors.joining(",\n")) + ") {}\n}\n", "int c64"));
    TRIGGERS.put(Message.EMPTY_FIELD_KEY, new Trigger(G + "  @Command(id = 0, ops = Op.READ)\n  R a();\n\n  record R(@Field(\"\") int c) {}\n}\n", "record R("));
    TRIGGERS.put(Message.FIELD_KEY_TWICE, new Trigger(G + "  @Command(id = 0, ops = Op.READ)\n  R a();\n\n  record R(int c,\n      @Field(\"c\") int d) {}\n}\n", "@Field(\"c\") int d"));
    TRIGGERS.put(Message.MISSING_TYPE, param("@Param(\"x\") NotThere x"));
    TRIGGERS.put(Message.UNSUPPORTED_TYPE, param("@Param(\"x\") Object x"));
    TRIGGERS.put(Message.CHAR_TYPE, param("@Param(\"x\") char x"));
    TRIGGERS.put(Message.ARRAY_TYPE, param("@Param(\"x\") int[] x"));
    TRIGGERS.put(Message.RAW_GENERIC, param("@SuppressWarnings(\"rawtypes\") @Param(\"x\") List x"));
    TRIGGERS.put(Message.MAP_KEY, param("@Param(\"x\") Map<Integer, String> x"));
    TRIGGERS.put(Message.ENUM_WITHOUT_CODE, new Trigger(G + "  @Command(id = 0, ops = Op.WRITE)\n  void a(@Param(\"x\") E x);\n\n  enum E { A }\n}\n", "void a("));
    TRIGGERS.put(Message.NESTED_OPTIONAL, param("@Param(\"x\") List<Optional<String>> x"));
    TRIGGERS.put(Message.UINT_WIDTH, param("@Param(\"x\") @Uint(bits = 12) int x"));
    TRIGGERS.put(Message.UINT_ON_LONG, param("@Param(\"x\") @Uint(bits = 8) long x"));
    TRIGGERS.put(Message.UINT_ON_INT, param("@Param(\"x\") @Uint(bits = 32) int x"));
    TRIGGERS.put(Message.UINT_ON_SMALL, param("@Param(\"x\") @Uint(bits = 8) short x"));
    TRIGGERS.put(Message.UINT_MISPLACED, param("@Param(\"x\") @Uint String x"));
  }

  @ParameterizedTest
  @EnumSource(Message.class)
  void everyMessageIsReportedOnTheElementAtFault(Message message) throws Exception {
    Trigger trigger = TRIGGERS.get(message);
    assertThat(trigger).as("a trigger of %s in this test", message).isNotNull();
    JavaFileObject file = source("G", trigger.body());
    Compilation compilation = compile(file);

    List<Diagnostic<? extends JavaFileObject>> matching = compilation.diagnostics().stream()
        .filter(d -> d.getKind() == message.kind() && message.matches(d.getMessage(Locale.ROOT)))
        .collect(Collectors.toList());
    assertThat(matching).as("%s in %s", message, compilation.diagnostics()).isNotEmpty();
    Diagnostic<? extends JavaFileObject> d = matching.get(0);
    assertThat(d.getSource()).as("%s's file", message).isNotNull();
    String line = d.getSource().getCharContent(true).toString().lines().toList().get((int) d.getLineNumber() - 1);
    assertThat(line).as("%s's line", message).contains(trigger.line());
  }
}

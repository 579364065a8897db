package io.mcumgr4j.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.mcumgr4j.processor.model.CborType;
import io.mcumgr4j.processor.model.CommandModel;
import io.mcumgr4j.processor.model.GroupModel;
import io.mcumgr4j.processor.model.ParamModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code XClient}: one blocking and one {@code CompletableFuture} method per command,
 * over an {@code SmpClient}. Errors in responses surface as {@code MgmtException} or as {@code
 * GroupErrorException} carrying the group's {@code XError}.
 */
final class ClientGenerator {

  private final GroupModel group;
  private final Names names;
  private final ValueCode values;

  ClientGenerator(GroupModel group, Names names, ValueCode values) {
    this.group = group;
    this.names = names;
    this.values = values;
  }

  TypeSpec generate() {
    TypeSpec.Builder type = TypeSpec.classBuilder(names.client)
        .addOriginatingElement(group.element())
        .addAnnotation(Names.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("Typed client of the {@code $L} group (id $L), declared by {@link $T}. Blocking methods throw\n"
            + "{@code MgmtException} for an {@code rc} error, {@code GroupErrorException} (carrying a {@link $T}) for\n"
            + "a group error, and the {@code SmpClient}'s timeout and transport exceptions; the {@code *Async}\n"
            + "variants complete exceptionally with the same.\n", group.name(), group.id(), names.iface, names.error)
        .addField(FieldSpec.builder(TypeName.INT, "GROUP_ID", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The group id.\n")
            .initializer("$L", group.id())
            .build())
        .addField(Names.SMP_CLIENT, "client", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("@param client the connection to the device\n")
            .addParameter(Names.SMP_CLIENT, "client")
            .addStatement("this.client = $T.requireNonNull(client, $S)", Objects.class, "client")
            .build());
    for (CommandModel c : group.commands()) {
      type.addMethod(blocking(c));
      type.addMethod(async(c));
    }
    return type.build();
  }

  private TypeName resultType(CommandModel c) {
    return c.result() == null ? TypeName.VOID : TypeName.get(c.result().mirror());
  }

  /** The request parameters; named as declared unless the generated body uses the name. */
  private static List<ParamModel> requestParams(CommandModel c) {
    return c.params().stream().filter(p -> !p.context()).toList();
  }

  private List<ParameterSpec> parameters(CommandModel c) {
    List<ParameterSpec> params = new ArrayList<>();
    for (ParamModel p : requestParams(c)) {
      params.add(ParameterSpec.builder(TypeName.get(p.type().mirror()), ValueCode.local(p.name())).build());
    }
    return params;
  }

  private String arguments(CommandModel c) {
    List<String> args = new ArrayList<>();
    for (ParamModel p : requestParams(c)) {
      args.add(ValueCode.local(p.name()));
    }
    return String.join(", ", args);
  }

  private MethodSpec blocking(CommandModel c) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(c.name())
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("$L", doc(c))
        .addParameters(parameters(c))
        .returns(resultType(c));
    if (c.result() == null) {
      m.addStatement("$T.await($LAsync($L))", Names.SMP_CLIENT, c.name(), arguments(c));
    } else {
      m.addStatement("return $T.await($LAsync($L))", Names.SMP_CLIENT, c.name(), arguments(c));
    }
    return m.build();
  }

  private MethodSpec async(CommandModel c) {
    TypeName result = c.result() == null ? ClassName.get(Void.class) : TypeName.get(c.result().mirror());
    CodeBlock.Builder body = CodeBlock.builder();
    List<ValueCode.Entry> entries = new ArrayList<>();
    for (ParamModel p : requestParams(c)) {
      String name = ValueCode.local(p.name());
      if (!p.optional() && !ValueCode.alwaysPresent(p.type())) {
        body.addStatement("$T.requireNonNull($L, $S)", Objects.class, name, name);
      }
      entries.add(new ValueCode.Entry(null, p.key(), p.type(), !p.optional(), name));
    }
    body.addStatement("$T out = $T.forRequest()", Names.CBOR_WRITER, Names.CBOR_WRITER);
    body.addStatement("out.beginMap($L)", values.count(entries));
    values.encodeEntries(body, entries, "out");
    body.addStatement("out.endMap()");
    String op = c.ops().isEmpty() ? "READ" : c.ops().get(0);
    if (c.result() == null) {
      body.add("return client.sendAsync($T.$L, GROUP_ID, $L, out.toByteArray())\n", Names.OP, op, c.id())
          .indent().indent()
          .add(".thenApply(response -> {\n").indent()
          .addStatement("$T.check(response.payload(), $T::forCode)", Names.RESPONSE_ERRORS, names.error)
          .addStatement("return null")
          .unindent().add("});\n")
          .unindent().unindent();
    } else {
      CodeBlock decoder = c.result() instanceof CborType.Rec r
          ? CodeBlock.of("$T::read$L", names.codec, values.suffix(r.element()))
          : CodeBlock.of("in -> $T.readResponseMap(in, $L)", Names.CBOR_VALUES,
              values.readFunction(((CborType.MapOf) c.result()).value(), 1));
      body.add("return client.sendAsync($T.$L, GROUP_ID, $L, out.toByteArray())\n", Names.OP, op, c.id())
          .indent().indent()
          .add(".thenApply(response -> $T.decode(response.payload(),$W$T::forCode,$W$L));\n",
              Names.RESPONSES, names.error, decoder)
          .unindent().unindent();
    }
    return MethodSpec.methodBuilder(c.name() + "Async")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("As {@link #$L}, without blocking.\n", c.name())
        .addParameters(parameters(c))
        .returns(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), result))
        .addCode(body.build())
        .build();
  }

  /**
   * The interface method's Javadoc, with the request it sends said before any block tags, the
   * context parameter's {@code @param} left out and renamed parameters renamed.
   */
  private String doc(CommandModel c) {
    String source = Names.docOr(c.doc(), "Command " + c.id() + " of the {@code " + group.name() + "} group.");
    for (ParamModel p : c.params()) {
      String tag = "(?m)^@param\\s+" + Pattern.quote(p.name()) + "\\b";
      if (p.context()) {
        source = source.replaceAll(tag + ".*(\\n(?!@).*)*\\n?", "");
      } else if (!ValueCode.local(p.name()).equals(p.name())) {
        source = source.replaceAll(tag, Matcher.quoteReplacement("@param " + ValueCode.local(p.name())));
      }
    }
    String sends = "<p>Sends a {@code " + (c.ops().isEmpty() ? "READ" : c.ops().get(0)) + "} request for command "
        + c.id() + ".\n";
    Matcher tags = Pattern.compile("(?m)^@").matcher(source);
    if (tags.find()) {
      return source.substring(0, tags.start()) + sends + "\n" + source.substring(tags.start()).strip() + "\n";
    }
    return source.strip() + "\n\n" + sends;
  }
}

package io.mcumgr4j.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.mcumgr4j.processor.model.CborType;
import io.mcumgr4j.processor.model.CommandModel;
import io.mcumgr4j.processor.model.GroupModel;
import io.mcumgr4j.processor.model.ParamModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code XDispatcher}: the server side of a group. Each command decodes its request
 * map key by key, fires its hook, calls the implementation and writes the result into the
 * response map the server opened.
 */
final class DispatcherGenerator {

  private final GroupModel group;
  private final Names names;
  private final ValueCode values;
  private final CodecGenerator codec;

  DispatcherGenerator(GroupModel group, Names names, ValueCode values, CodecGenerator codec) {
    this.group = group;
    this.names = names;
    this.values = values;
    this.codec = codec;
  }

  TypeSpec generate() {
    int slots = 0;
    for (CommandModel c : group.commands()) {
      slots = Math.max(slots, c.id() + 1);
    }
    TypeSpec.Builder type = TypeSpec.classBuilder(names.dispatcher)
        .addOriginatingElement(group.element())
        .addAnnotation(Names.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(Names.GROUP_HANDLER)
        .addJavadoc("Serves the {@code $L} group (id $L) with an implementation of {@link $T}: register it with\n"
            + "{@code SmpServer.register(new $T(impl))}.\n", group.name(), group.id(), names.iface, names.dispatcher)
        .addField(FieldSpec.builder(TypeName.INT, "GROUP_ID", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The group id.\n")
            .initializer("$L", group.id())
            .build())
        .addField(names.iface, "impl", Modifier.PRIVATE, Modifier.FINAL);
    for (CommandModel c : group.commands()) {
      type.addField(FieldSpec.builder(Names.COMMAND_HANDLER, handlerField(c), Modifier.PRIVATE, Modifier.FINAL)
          .initializer("this::$L", c.name())
          .build());
    }
    type.addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("@param impl the group's implementation\n")
            .addParameter(names.iface, "impl")
            .addStatement("this.impl = $T.requireNonNull(impl, $S)", Objects.class, "impl")
            .build())
        .addMethod(MethodSpec.methodBuilder("groupId")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(TypeName.INT)
            .addStatement("return GROUP_ID")
            .build())
        .addMethod(MethodSpec.methodBuilder("name")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return $S", group.name())
            .build())
        .addMethod(MethodSpec.methodBuilder("commandSlots")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(TypeName.INT)
            .addStatement("return $L", slots)
            .build())
        .addMethod(handlerLookup())
        .addMethod(MethodSpec.methodBuilder("translateError")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(Names.MGMT_ERR)
            .addParameter(TypeName.INT, "rc")
            .addStatement("$T error = $T.forCode(rc)", names.error, names.error)
            .addStatement("return error == null ? $T.EUNKNOWN : error.legacy()", Names.MGMT_ERR)
            .build());
    for (CommandModel c : group.commands()) {
      type.addMethod(command(c));
    }
    return type.build();
  }

  /** The handler field of a command: its name, unless the dispatcher's own fields use it. */
  private static String handlerField(CommandModel c) {
    return c.name().equals("impl") || c.name().equals("GROUP_ID") ? c.name() + "_" : c.name();
  }

  private MethodSpec handlerLookup() {
    Map<Integer, List<CommandModel>> byId = new TreeMap<>();
    for (CommandModel c : group.commands()) {
      byId.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(c);
    }
    CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("return switch (id)");
    for (Map.Entry<Integer, List<CommandModel>> e : byId.entrySet()) {
      CodeBlock.Builder arm = CodeBlock.builder();
      List<CommandModel> commands = e.getValue();
      if (commands.size() == 1 && commands.get(0).ops().size() == 2) {
        arm.add("$L", handlerField(commands.get(0))); // answers both request ops
      } else {
        for (CommandModel c : commands) {
          for (String op : c.ops()) {
            arm.add("op == $T.$L ? $L : ", Names.OP, op, handlerField(c));
          }
        }
        arm.add("null");
      }
      code.addStatement("case $L -> $L", e.getKey(), arm.build());
    }
    code.addStatement("default -> null").unindent().add("};\n");
    return MethodSpec.methodBuilder("handler")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(Names.COMMAND_HANDLER)
        .addParameter(TypeName.INT, "id")
        .addParameter(Names.OP, "op")
        .addCode(code.build())
        .build();
  }

  private MethodSpec command(CommandModel c) {
    CodeBlock.Builder body = CodeBlock.builder();
    List<String> args = new ArrayList<>();
    List<String> requestArgs = new ArrayList<>();
    for (ParamModel p : c.params()) {
      String arg = p.context() ? "ctx" : "request." + CodecGenerator.requestComponent(p) + "()";
      args.add(arg);
      if (!p.context()) {
        requestArgs.add(arg);
      }
    }
    if (CodecGenerator.hasRequest(c)) {
      // the request decodes like a record: the codec's one piece of map decoding serves both
      body.addStatement("$T request = $T.$L(in)", codec.requestType(c), names.codec, CodecGenerator.requestReader(c));
    }
    CodeBlock call = CodeBlock.join(args.stream().map(a -> CodeBlock.of("$L", a)).toList(), ",$W");
    if (c.hook()) {
      String constant = c.eventConstant();
      ClassName event = names.events.nestedClass(Names.capitalized(c.name()) + "Event");
      body.addStatement("$T callbacks = ctx.callbacks()", Names.MGMT_CALLBACKS);
      body.beginControlFlow("if (callbacks.hasListeners($T.$L))", names.events, constant);
      body.addStatement("callbacks.notify($T.$L,$Wnew $T($L)).throwIfFailed()", names.events, constant, event,
          CodeBlock.join(requestArgs.stream().map(a -> CodeBlock.of("$L", a)).toList(), ",$W"));
      body.endControlFlow();
    }
    if (c.result() == null) {
      body.addStatement("impl.$L($L)", c.name(), call);
    } else {
      body.addStatement("$T result = $T.requireNonNull(impl.$L($L),$W$S)", TypeName.get(c.result().mirror()),
          Objects.class, c.name(), call, c.name() + "() returned null");
      if (c.result() instanceof CborType.Rec r) {
        body.addStatement("$T.write$LFields(out, result)", names.codec, values.suffix(r.element()));
      } else {
        // a map result's entries are the response's keys
        body.addStatement("$T.writeEntries(out, result, $L)", Names.CBOR_VALUES,
            values.writeFunction(((CborType.MapOf) c.result()).value(), 1));
      }
    }
    return MethodSpec.methodBuilder(c.name())
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("Command $L ($L): {@link $T#$L}.\n", c.id(), String.join(", ", c.ops()), names.iface, c.name())
        .addParameter(Names.REQUEST_CONTEXT, "ctx")
        .addParameter(Names.CBOR_READER, "in")
        .addParameter(Names.CBOR_WRITER, "out")
        .addCode(body.build())
        .build();
  }
}

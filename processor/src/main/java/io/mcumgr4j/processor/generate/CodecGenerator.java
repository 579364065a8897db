package io.mcumgr4j.processor.generate;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.mcumgr4j.processor.model.CborType;
import io.mcumgr4j.processor.model.CommandModel;
import io.mcumgr4j.processor.model.FieldModel;
import io.mcumgr4j.processor.model.GroupModel;
import io.mcumgr4j.processor.model.ParamModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Generates {@code XCodec}: the read and write methods of the records and enums a group's
 * commands carry, shared by its dispatcher and client. Only the methods some command uses are
 * generated.
 */
final class CodecGenerator {

  private final GroupModel group;
  private final Names names;
  private final Map<String, CborType.Rec> reads = new LinkedHashMap<>();
  private final Map<String, CborType.Rec> writes = new LinkedHashMap<>();
  private final Map<String, CborType.Rec> fieldWriters = new LinkedHashMap<>();
  private final Map<String, CborType.EnumOf> enums = new LinkedHashMap<>();

  CodecGenerator(GroupModel group, Names names) {
    this.group = group;
    this.names = names;
    for (CommandModel c : group.commands()) {
      for (ParamModel p : c.params()) {
        if (!p.context()) {
          reach(p.type(), reads);   // the dispatcher reads parameters
          reach(p.type(), writes);  // the client writes them
        }
      }
      if (c.result() instanceof CborType.MapOf m) {
        reach(m.value(), reads);  // the client reads the entries
        reach(m.value(), writes); // the dispatcher writes them
      }
      if (c.result() instanceof CborType.Rec r) {
        reach(r, reads);          // the client reads results
        fieldWriters.put(key(r.element()), r);
        for (FieldModel f : r.fields()) {
          reach(f.type(), writes); // the dispatcher writes what results nest
        }
      }
    }
    fieldWriters.putAll(writes);
  }

  /**
   * The method suffix of every record and enum the codec handles: the simple name, or the nested
   * names joined by {@code _} where two types share a simple name.
   */
  Map<String, String> suffixes() {
    Map<String, TypeElement> types = new LinkedHashMap<>();
    for (CborType.Rec r : reads.values()) {
      types.put(key(r.element()), r.element());
    }
    for (CborType.Rec r : fieldWriters.values()) {
      types.put(key(r.element()), r.element());
    }
    for (CborType.EnumOf e : enums.values()) {
      types.put(key(e.element()), e.element());
    }
    Map<String, Integer> simpleCounts = new HashMap<>();
    for (TypeElement t : types.values()) {
      simpleCounts.merge(t.getSimpleName().toString(), 1, Integer::sum);
    }
    Map<String, String> suffixes = new HashMap<>();
    Set<String> used = new HashSet<>();
    for (Map.Entry<String, TypeElement> e : types.entrySet()) {
      TypeElement t = e.getValue();
      String suffix = simpleCounts.get(t.getSimpleName().toString()) == 1
          ? t.getSimpleName().toString()
          : nestedName(t);
      String unique = suffix;
      for (int n = 2; !used.add(unique); n++) {
        unique = suffix + n; // same nested names in two packages
      }
      suffixes.put(e.getKey(), unique);
    }
    return suffixes;
  }

  /** {@code Outer.Inner} as {@code Outer_Inner}, leaving out the group interface itself. */
  private String nestedName(TypeElement t) {
    List<String> simple = new ArrayList<>(ClassName.get(t).simpleNames());
    if (simple.size() > 1 && simple.get(0).equals(group.element().getSimpleName().toString())) {
      simple.remove(0);
    }
    return String.join("_", simple);
  }

  /** Whether the group needs a codec at all. */
  boolean needed() {
    return !reads.isEmpty() || !fieldWriters.isEmpty() || !enums.isEmpty()
        || group.commands().stream().anyMatch(CodecGenerator::hasRequest);
  }

  /** Whether a command's request carries keys, which its dispatcher decodes with {@link #requestReader}. */
  static boolean hasRequest(CommandModel c) {
    return c.params().stream().anyMatch(p -> !p.context());
  }

  /** The record a command's request decodes into, nested in the codec. */
  ClassName requestType(CommandModel c) {
    return names.codec.nestedClass(Names.capitalized(c.name()) + "Request");
  }

  /** A parameter's component in its command's request record (and the decoder's local). */
  static String requestComponent(ParamModel p) {
    return ValueCode.local(Names.component(p.name()));
  }

  /** The codec method that decodes a command's request. */
  static String requestReader(CommandModel c) {
    return "decode" + Names.capitalized(c.name());
  }

  TypeSpec generate(ValueCode values) {
    TypeSpec.Builder type = TypeSpec.classBuilder(names.codec)
        .addOriginatingElement(group.element())
        .addAnnotation(Names.generated())
        .addModifiers(Modifier.FINAL)
        .addJavadoc("CBOR encoding of the records and enums that {@link $T}'s commands carry.\n", names.iface)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (CborType.EnumOf e : enums.values()) {
      addEnum(type, e, values);
    }
    for (CborType.Rec r : reads.values()) {
      type.addMethod(readRecord(r, values));
    }
    for (CommandModel c : group.commands()) {
      if (hasRequest(c)) {
        addRequest(type, c, values);
      }
    }
    for (CborType.Rec r : writes.values()) {
      type.addMethod(writeRecord(r, values));
    }
    for (CborType.Rec r : fieldWriters.values()) {
      type.addMethod(writeFields(r, values));
    }
    return type.build();
  }

  private void reach(CborType t, Map<String, CborType.Rec> into) {
    if (t instanceof CborType.Rec r) {
      if (into.putIfAbsent(key(r.element()), r) == null) {
        for (FieldModel f : r.fields()) {
          reach(f.type(), into);
        }
      }
    } else if (t instanceof CborType.ListOf l) {
      reach(l.item(), into);
    } else if (t instanceof CborType.MapOf m) {
      reach(m.value(), into);
    } else if (t instanceof CborType.Opt o) {
      reach(o.inner(), into);
    } else if (t instanceof CborType.EnumOf e) {
      enums.putIfAbsent(key(e.element()), e);
    }
  }

  private static String key(TypeElement e) {
    return e.getQualifiedName().toString();
  }

  private void addEnum(TypeSpec.Builder type, CborType.EnumOf e, ValueCode values) {
    ClassName enumType = ClassName.get(e.element());
    String suffix = values.suffix(e.element());
    String constants = ValueCode.constantName(suffix) + "_VALUES";
    type.addField(FieldSpec.builder(ArrayTypeName.of(enumType), constants, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.values()", enumType)
        .build());
    type.addMethod(MethodSpec.methodBuilder("read" + suffix)
        .addModifiers(Modifier.STATIC)
        .returns(enumType)
        .addParameter(Names.CBOR_READER, "in")
        .addStatement("int code = in.int32()")
        .beginControlFlow("for ($T value : $L)", enumType, constants)
        .beginControlFlow("if (value.code() == code)")
        .addStatement("return value")
        .endControlFlow()
        .endControlFlow()
        .addStatement("throw $T.unknownCode(in.currentKey(), code)", Names.DECODE_ERRORS)
        .build());
  }

  private MethodSpec readRecord(CborType.Rec r, ValueCode values) {
    List<ValueCode.Entry> entries = new ArrayList<>();
    for (FieldModel f : r.fields()) {
      // no component is required: an absent primitive keeps its default (0, false, 0.0), as
      // Zephyr's decoder leaves absent keys, so responses of builds that omit a key still decode
      entries.add(new ValueCode.Entry(ValueCode.local(f.name()), f.key(), f.type(), false, null));
    }
    return readMap("read" + values.suffix(r.element()), ClassName.get(r.element()), entries, values).build();
  }

  /**
   * A command's request as a record of its parameters and the method that decodes it: the same
   * key-by-key map decoding as a record's, with required and lenient keys as the parameters say.
   */
  private void addRequest(TypeSpec.Builder type, CommandModel c, ValueCode values) {
    ClassName request = requestType(c);
    List<ValueCode.Entry> entries = new ArrayList<>();
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
    for (ParamModel p : c.params()) {
      if (!p.context()) {
        String local = requestComponent(p);
        entries.add(new ValueCode.Entry(local, p.key(), p.type(), !p.optional(), null, p.lenient()));
        ctor.addParameter(TypeName.get(p.type().mirror()), local);
      }
    }
    type.addType(TypeSpec.recordBuilder(request)
        .addJavadoc("The decoded request of {@link $T#$L}.\n", names.iface, c.name())
        .recordConstructor(ctor.build())
        .build());
    type.addMethod(readMap(requestReader(c), request, entries, values)
        .addJavadoc("Decodes the request of {@link $T#$L}.\n", names.iface, c.name())
        .build());
  }

  /** A static method reading a map of {@code entries} from {@code in} into a new {@code result}. */
  private static MethodSpec.Builder readMap(String name, ClassName result, List<ValueCode.Entry> entries,
      ValueCode values) {
    CodeBlock.Builder body = CodeBlock.builder();
    values.decodeMap(body, entries, "in");
    body.addStatement("return new $T($L)", result,
        String.join(", ", entries.stream().map(ValueCode.Entry::local).toList()));
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.STATIC)
        .returns(result)
        .addParameter(Names.CBOR_READER, "in")
        .addCode(body.build());
  }

  private MethodSpec writeRecord(CborType.Rec r, ValueCode values) {
    String suffix = values.suffix(r.element());
    return MethodSpec.methodBuilder("write" + suffix)
        .addModifiers(Modifier.STATIC)
        .addParameter(Names.CBOR_WRITER, "out")
        .addParameter(ClassName.get(r.element()), "value")
        .addStatement("out.beginMap($L)", values.count(entries(r)))
        .addStatement("write$LFields(out, value)", suffix)
        .addStatement("out.endMap()")
        .build();
  }

  private MethodSpec writeFields(CborType.Rec r, ValueCode values) {
    CodeBlock.Builder body = CodeBlock.builder();
    values.encodeEntries(body, entries(r), "out");
    return MethodSpec.methodBuilder("write" + values.suffix(r.element()) + "Fields")
        .addModifiers(Modifier.STATIC)
        .addParameter(Names.CBOR_WRITER, "out")
        .addParameter(ClassName.get(r.element()), "value")
        .addCode(body.build())
        .build();
  }

  private static List<ValueCode.Entry> entries(CborType.Rec r) {
    List<ValueCode.Entry> entries = new ArrayList<>();
    for (FieldModel f : r.fields()) {
      entries.add(new ValueCode.Entry(null, f.key(), f.type(), false, "value." + f.name() + "()"));
    }
    return entries;
  }
}

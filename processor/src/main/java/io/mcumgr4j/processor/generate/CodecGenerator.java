package io.mcumgr4j.processor.generate;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.mcumgr4j.processor.model.CborType;
import io.mcumgr4j.processor.model.CommandModel;
import io.mcumgr4j.processor.model.FieldModel;
import io.mcumgr4j.processor.model.GroupModel;
import io.mcumgr4j.processor.model.ParamModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    return !reads.isEmpty() || !fieldWriters.isEmpty() || !enums.isEmpty();
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
    List<String> args = new ArrayList<>();
    for (FieldModel f : r.fields()) {
      String local = ValueCode.local(f.name());
      // no component is required: an absent primitive keeps its default (0, false, 0.0), as
      // Zephyr's decoder leaves absent keys, so responses of builds that omit a key still decode
      entries.add(new ValueCode.Entry(local, f.key(), f.type(), false, null));
      args.add(local);
    }
    CodeBlock.Builder body = CodeBlock.builder();
    values.decodeMap(body, entries, "in");
    body.addStatement("return new $T($L)", ClassName.get(r.element()), String.join(", ", args));
    return MethodSpec.methodBuilder("read" + values.suffix(r.element()))
        .addModifiers(Modifier.STATIC)
        .returns(ClassName.get(r.element()))
        .addParameter(Names.CBOR_READER, "in")
        .addCode(body.build())
        .build();
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

package io.mcumgr4j.processor.model;

import io.mcumgr4j.annotation.Command;
import io.mcumgr4j.annotation.ErrorCode;
import io.mcumgr4j.annotation.Field;
import io.mcumgr4j.annotation.MgmtGroup;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.annotation.Param;
import io.mcumgr4j.annotation.Uint;
import io.mcumgr4j.processor.diagnostic.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Step one of three: reads an annotated interface into a {@link GroupModel}, recording what it
 * finds as it is (misuse included) for the validator to judge.
 */
public final class ModelReader {

  private static final String RAW_CBOR = "io.mcumgr4j.cbor.RawCbor";
  private static final String REQUEST_CONTEXT = "io.mcumgr4j.server.RequestContext";

  private final Elements elements;
  private final Types types;
  private final Map<String, CborType.Rec> records = new HashMap<>();

  public ModelReader(ProcessingEnvironment env) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
  }

  /** Reads the group declared on {@code type}. */
  public GroupModel read(TypeElement type) {
    MgmtGroup group = type.getAnnotation(MgmtGroup.class);
    List<ErrorModel> errors = new ArrayList<>();
    List<CommandModel> commands = new ArrayList<>();
    List<Integer> parentIds = new ArrayList<>();
    List<ExecutableElement> unannotated = new ArrayList<>();
    List<TypeMirror> missingParents = new ArrayList<>();
    collect(type, errors, commands, parentIds, unannotated, missingParents, new LinkedHashSet<>());
    return new GroupModel(
        type,
        elements.getPackageOf(type).getQualifiedName().toString(),
        prefix(type),
        group.id(),
        group.name(),
        group.eventGroup() != -1 ? group.eventGroup() : inheritedEventGroup(type),
        errors,
        commands,
        parentIds,
        directParents(type),
        missingParents,
        type.getKind() != ElementKind.INTERFACE,
        !type.getTypeParameters().isEmpty(),
        unannotated,
        doc(type));
  }

  /** Walks the interface and its super-interfaces, parents first. */
  private void collect(TypeElement type, List<ErrorModel> errors, List<CommandModel> commands,
      List<Integer> parentIds, List<ExecutableElement> unannotated, List<TypeMirror> missingParents,
      Set<String> seen) {
    if (!seen.add(type.getQualifiedName().toString())) {
      return;
    }
    for (TypeMirror parent : type.getInterfaces()) {
      if (parent.getKind() == TypeKind.ERROR) {
        missingParents.add(parent); // its commands are unknown until another processor writes it
        continue;
      }
      TypeElement p = (TypeElement) types.asElement(parent);
      MgmtGroup pg = p.getAnnotation(MgmtGroup.class);
      if (pg != null) {
        parentIds.add(pg.id());
      }
      collect(p, errors, commands, parentIds, unannotated, missingParents, seen);
    }
    MgmtGroup group = type.getAnnotation(MgmtGroup.class);
    if (group != null) {
      AnnotationMirror mirror = groupMirror(type);
      List<? extends AnnotationValue> entries = errorEntries(mirror);
      ErrorCode[] codes = group.errors();
      for (int i = 0; i < codes.length; i++) {
        ErrorCode e = codes[i];
        errors.add(new ErrorModel(type, mirror, i < entries.size() ? entries.get(i) : null,
            e.value(), e.name(), e.legacy().name(), e.doc()));
      }
    }
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (!method.getModifiers().contains(Modifier.ABSTRACT)) {
        continue; // default and static methods are the interface's own business
      }
      Command command = method.getAnnotation(Command.class);
      if (command == null) {
        unannotated.add(method);
      } else {
        commands.add(command(method, command));
      }
    }
  }

  /** The annotated interfaces {@code type} extends directly. */
  private List<TypeElement> directParents(TypeElement type) {
    List<TypeElement> out = new ArrayList<>();
    for (TypeMirror parent : type.getInterfaces()) {
      TypeElement p = (TypeElement) types.asElement(parent);
      if (p.getAnnotation(MgmtGroup.class) != null) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * The event group an extension inherits: the first one an extended group declares, depth first
   * (a built-in group carries Zephyr's number, e.g. 2 for the OS group); -1 when none does.
   */
  private int inheritedEventGroup(TypeElement type) {
    for (TypeMirror parent : type.getInterfaces()) {
      TypeElement p = (TypeElement) types.asElement(parent);
      MgmtGroup pg = p.getAnnotation(MgmtGroup.class);
      if (pg != null && pg.eventGroup() >= 0) {
        return pg.eventGroup();
      }
      int inherited = inheritedEventGroup(p);
      if (inherited >= 0) {
        return inherited;
      }
    }
    return -1;
  }

  private static AnnotationMirror groupMirror(TypeElement type) {
    for (AnnotationMirror m : type.getAnnotationMirrors()) {
      if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(MgmtGroup.class.getCanonicalName())) {
        return m;
      }
    }
    return null;
  }

  /** The {@code errors} entries as written, one {@code AnnotationValue} per {@code @ErrorCode}. */
  @SuppressWarnings("unchecked")
  private static List<? extends AnnotationValue> errorEntries(AnnotationMirror mirror) {
    if (mirror != null) {
      for (var e : mirror.getElementValues().entrySet()) {
        if (e.getKey().getSimpleName().contentEquals("errors")) {
          Object v = e.getValue().getValue();
          return v instanceof List<?> list ? (List<? extends AnnotationValue>) list : List.of(e.getValue());
        }
      }
    }
    return List.of();
  }

  private CommandModel command(ExecutableElement method, Command command) {
    List<String> ops = new ArrayList<>();
    for (Op op : command.ops()) {
      ops.add(op.name());
    }
    List<ParamModel> params = new ArrayList<>();
    for (VariableElement p : method.getParameters()) {
      Param param = p.getAnnotation(Param.class);
      boolean context = isContext(p.asType());
      params.add(new ParamModel(
          p,
          p.getSimpleName().toString(),
          param == null ? null : param.value(),
          param != null && !param.required(),
          context ? null : typeOf(p.asType(), p.getAnnotation(Uint.class), true),
          context,
          param != null && param.lenient()));
    }
    TypeMirror ret = method.getReturnType();
    CborType result = ret.getKind() == TypeKind.VOID ? null : resultType(ret);
    return new CommandModel(
        method,
        method.getSimpleName().toString(),
        command.id(),
        ops,
        command.hook(),
        params,
        result,
        method.getThrownTypes().stream().filter(this::isChecked).map(t -> (TypeMirror) t).toList(),
        doc(method));
  }

  private boolean isContext(TypeMirror t) {
    TypeElement context = elements.getTypeElement(REQUEST_CONTEXT);
    // an error type (not generated yet) is "the same" as any type to javac
    return context != null && t.getKind() == TypeKind.DECLARED && types.isSameType(t, context.asType());
  }

  private CborType resultType(TypeMirror ret) {
    CborType t = typeOf(ret, null, true);
    if (t instanceof CborType.Rec || t instanceof CborType.MapOf || t instanceof CborType.Unsupported) {
      return t;
    }
    return new CborType.Unsupported(ret, Message.BAD_RESULT, ret);
  }

  private boolean isChecked(TypeMirror thrown) {
    TypeMirror runtime = elements.getTypeElement("java.lang.RuntimeException").asType();
    TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
    return !types.isAssignable(thrown, runtime) && !types.isAssignable(thrown, error);
  }

  /**
   * How {@code t} travels.
   *
   * @param uint the {@code @Uint} on the parameter or component, applied to integers at any depth
   * @param top whether {@code t} is the parameter's or component's own type ({@code Optional}
   *     is allowed only there)
   */
  CborType typeOf(TypeMirror t, Uint uint, boolean top) {
    switch (t.getKind()) {
      case BOOLEAN:
        return scalar(t, CborType.ScalarKind.BOOL, true, uint);
      case INT:
        return integer(t, false, true, uint);
      case LONG:
        return integer(t, true, true, uint);
      case FLOAT:
        return scalar(t, CborType.ScalarKind.FLOAT32, true, uint);
      case DOUBLE:
        return scalar(t, CborType.ScalarKind.FLOAT64, true, uint);
      case BYTE:
        return scalar(t, CborType.ScalarKind.INT8, true, uint);
      case SHORT:
        return scalar(t, CborType.ScalarKind.INT16, true, uint);
      case CHAR:
        return new CborType.Unsupported(t, Message.CHAR_TYPE, t);
      case ARRAY:
        if (((javax.lang.model.type.ArrayType) t).getComponentType().getKind() == TypeKind.BYTE) {
          return scalar(t, CborType.ScalarKind.BYTES, false, uint);
        }
        return new CborType.Unsupported(t, Message.ARRAY_TYPE, t);
      case DECLARED:
        return declared((DeclaredType) t, uint, top);
      case ERROR:
        // not there yet: another processor may generate it in a later round
        return new CborType.Unsupported(t, Message.MISSING_TYPE, t);
      default:
        return new CborType.Unsupported(t, Message.UNSUPPORTED_TYPE, t);
    }
  }

  private CborType declared(DeclaredType t, Uint uint, boolean top) {
    TypeElement e = (TypeElement) t.asElement();
    String name = e.getQualifiedName().toString();
    List<? extends TypeMirror> args = t.getTypeArguments();
    String raw = args.isEmpty() ? rawTypeExample(name) : null;
    if (raw != null) {
      return new CborType.Unsupported(t, Message.RAW_GENERIC, e.getSimpleName(), e.getSimpleName(), raw);
    }
    switch (name) {
      case "java.lang.Boolean":
        return scalar(t, CborType.ScalarKind.BOOL, false, uint);
      case "java.lang.Byte":
        return scalar(t, CborType.ScalarKind.INT8, false, uint);
      case "java.lang.Short":
        return scalar(t, CborType.ScalarKind.INT16, false, uint);
      case "java.lang.Integer":
        return integer(t, false, false, uint);
      case "java.lang.Long":
        return integer(t, true, false, uint);
      case "java.lang.Float":
        return scalar(t, CborType.ScalarKind.FLOAT32, false, uint);
      case "java.lang.Double":
        return scalar(t, CborType.ScalarKind.FLOAT64, false, uint);
      case "java.lang.String":
        return scalar(t, CborType.ScalarKind.TEXT, false, uint);
      case RAW_CBOR:
        return uint != null ? misplacedUint(t) : new CborType.Raw(t);
      case "java.util.List":
        return new CborType.ListOf(t, item(args.get(0), uint));
      case "java.util.Map": {
        if (!types.isSameType(args.get(0), elements.getTypeElement("java.lang.String").asType())) {
          return new CborType.Unsupported(t, Message.MAP_KEY, t);
        }
        return new CborType.MapOf(t, item(args.get(1), uint));
      }
      case "java.util.Optional":
        return optional(t, CborType.OptionalKind.OBJECT, item(args.get(0), uint), top);
      case "java.util.OptionalInt":
        return optional(t, CborType.OptionalKind.INT, integer(types.getPrimitiveType(TypeKind.INT), false, true, uint), top);
      case "java.util.OptionalLong":
        return optional(t, CborType.OptionalKind.LONG, integer(types.getPrimitiveType(TypeKind.LONG), true, true, uint), top);
      case "java.util.OptionalDouble":
        return optional(t, CborType.OptionalKind.DOUBLE,
            scalar(types.getPrimitiveType(TypeKind.DOUBLE), CborType.ScalarKind.FLOAT64, true, uint), top);
      default:
        break;
    }
    if (e.getKind() == ElementKind.ENUM) {
      if (uint != null) {
        return misplacedUint(t);
      }
      return hasCodeMethod(e) ? new CborType.EnumOf(t, e)
          : new CborType.Unsupported(t, Message.ENUM_WITHOUT_CODE, e.getSimpleName());
    }
    if (e.getKind() == ElementKind.RECORD) {
      return uint != null ? misplacedUint(t) : record(t, e);
    }
    return new CborType.Unsupported(t, Message.UNSUPPORTED_TYPE, t);
  }

  /** A complete form of a raw generic type the codec needs the type arguments of; {@code null} for others. */
  private static String rawTypeExample(String name) {
    return switch (name) {
      case "java.util.List" -> "List<String>";
      case "java.util.Map" -> "Map<String, Integer>";
      case "java.util.Optional" -> "Optional<String>";
      default -> null;
    };
  }

  private CborType item(TypeMirror t, Uint uint) {
    return typeOf(t, uint, false);
  }

  private CborType optional(TypeMirror t, CborType.OptionalKind kind, CborType inner, boolean top) {
    if (!top) {
      return new CborType.Unsupported(t, Message.NESTED_OPTIONAL, t);
    }
    return inner instanceof CborType.Unsupported ? inner : new CborType.Opt(t, kind, inner);
  }

  private CborType integer(TypeMirror t, boolean isLong, boolean primitive, Uint uint) {
    if (uint == null) {
      return new CborType.Scalar(t, isLong ? CborType.ScalarKind.INT64 : CborType.ScalarKind.INT32, primitive);
    }
    int bits = uint.bits();
    if (isLong && (bits == 32 || bits == 64)) {
      return new CborType.Scalar(t, bits == 32 ? CborType.ScalarKind.UINT32 : CborType.ScalarKind.UINT64, primitive);
    }
    if (!isLong && (bits == 8 || bits == 16)) {
      return new CborType.Scalar(t, bits == 8 ? CborType.ScalarKind.UINT8 : CborType.ScalarKind.UINT16, primitive);
    }
    if (bits != 8 && bits != 16 && bits != 32 && bits != 64) {
      return new CborType.Unsupported(t, Message.UINT_WIDTH, bits);
    }
    return isLong ? new CborType.Unsupported(t, Message.UINT_ON_LONG, bits)
        : new CborType.Unsupported(t, Message.UINT_ON_INT, bits);
  }

  private CborType scalar(TypeMirror t, CborType.ScalarKind kind, boolean primitive, Uint uint) {
    return uint != null ? misplacedUint(t) : new CborType.Scalar(t, kind, primitive);
  }

  private static CborType misplacedUint(TypeMirror t) {
    if (t.getKind() == TypeKind.BYTE || t.getKind() == TypeKind.SHORT) {
      return new CborType.Unsupported(t, Message.UINT_ON_SMALL, "int", t);
    }
    if (t.toString().equals("java.lang.Byte") || t.toString().equals("java.lang.Short")) {
      return new CborType.Unsupported(t, Message.UINT_ON_SMALL, "Integer", t);
    }
    return new CborType.Unsupported(t, Message.UINT_MISPLACED, t);
  }

  private boolean hasCodeMethod(TypeElement e) {
    for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(e))) {
      if (m.getSimpleName().contentEquals("code") && m.getParameters().isEmpty()
          && m.getReturnType().getKind() == TypeKind.INT && m.getModifiers().contains(Modifier.PUBLIC)
          && !m.getModifiers().contains(Modifier.STATIC)) {
        return true;
      }
    }
    return false;
  }

  private CborType record(DeclaredType t, TypeElement e) {
    String name = e.getQualifiedName().toString();
    CborType.Rec known = records.get(name);
    if (known != null) {
      return known;
    }
    List<FieldModel> fields = new ArrayList<>();
    CborType.Rec rec = new CborType.Rec(t, e, fields);
    records.put(name, rec); // before the components, so a record that nests itself terminates
    for (RecordComponentElement c : e.getRecordComponents()) {
      Field field = c.getAnnotation(Field.class);
      String component = c.getSimpleName().toString();
      fields.add(new FieldModel(position(e, c), component, field == null ? component : field.value(),
          typeOf(c.asType(), c.getAnnotation(Uint.class), true)));
    }
    return rec;
  }

  /**
   * Where diagnostics about a record component go: its private field, which javac places on the
   * component's line (javac 17 gives the component element itself no position).
   */
  private static Element position(TypeElement record, RecordComponentElement component) {
    for (VariableElement f : ElementFilter.fieldsIn(record.getEnclosedElements())) {
      if (f.getSimpleName().contentEquals(component.getSimpleName())) {
        return f;
      }
    }
    return component;
  }

  /** The Javadoc of {@code e} without the one space javac leaves at the start of each line. */
  private String doc(Element e) {
    String doc = elements.getDocComment(e);
    return doc == null ? "" : doc.replaceAll("(?m)^ ", "").strip();
  }

  /** Nested interfaces are named Outer_Inner, so generated types stay top-level and unique. */
  private static String prefix(TypeElement type) {
    StringBuilder name = new StringBuilder(type.getSimpleName());
    for (Element outer = type.getEnclosingElement(); outer instanceof TypeElement o; outer = o.getEnclosingElement()) {
      name.insert(0, o.getSimpleName() + "_");
    }
    return name.toString();
  }
}

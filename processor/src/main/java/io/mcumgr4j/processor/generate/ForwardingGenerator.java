package io.mcumgr4j.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.mcumgr4j.processor.model.CommandModel;
import io.mcumgr4j.processor.model.GroupModel;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Generates {@code XForwarding} for a group that extends other groups: an abstract {@code X} whose
 * inherited commands go to an implementation of each extended group, so adding commands to a
 * built-in group means implementing only the new ones.
 */
final class ForwardingGenerator {

  private final GroupModel group;
  private final Names names;

  ForwardingGenerator(GroupModel group, Names names) {
    this.group = group;
    this.names = names;
  }

  boolean needed() {
    return !group.parents().isEmpty();
  }

  TypeSpec generate() {
    TypeSpec.Builder type = TypeSpec.classBuilder(names.forwarding)
        .addOriginatingElement(group.element())
        .addAnnotation(Names.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .addSuperinterface(names.iface)
        .addJavadoc("A {@link $T} whose inherited commands go to the implementation$L of $L it is built on: extend it\n"
            + "and implement the commands {@code $L} adds.\n", names.iface, group.parents().size() == 1 ? "" : "s",
            CodeBlock.join(group.parents().stream().map(p -> CodeBlock.of("{@link $T}", ClassName.get(p))).toList(), ", "),
            group.element().getSimpleName());
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PROTECTED);
    for (TypeElement parent : group.parents()) {
      ClassName parentName = ClassName.get(parent);
      String field = field(parent);
      type.addField(FieldSpec.builder(parentName, field, Modifier.PRIVATE, Modifier.FINAL).build());
      ctor.addJavadoc("@param $L answers the commands of {@link $T}\n", field, parentName)
          .addParameter(parentName, field)
          .addStatement("this.$L = $T.requireNonNull($L, $S)", field, Objects.class, field, field);
    }
    type.addMethod(ctor.build());
    for (CommandModel c : group.commands()) {
      TypeElement declaring = (TypeElement) c.element().getEnclosingElement();
      if (declaring.equals(group.element())) {
        continue;
      }
      type.addMethod(forward(c.element(), field(parentDeclaring(declaring))));
    }
    return type.build();
  }

  private static MethodSpec forward(ExecutableElement method, String field) {
    MethodSpec.Builder m = MethodSpec.overriding(method);
    String args = method.getParameters().stream()
        .map(VariableElement::getSimpleName)
        .map(Object::toString)
        .collect(Collectors.joining(", "));
    boolean returns = method.getReturnType().getKind() != TypeKind.VOID;
    m.addStatement((returns ? "return " : "") + "$L.$L($L)", field, method.getSimpleName(), args);
    return m.build();
  }

  /** The direct parent that is, or extends, {@code declaring}. */
  private TypeElement parentDeclaring(TypeElement declaring) {
    for (TypeElement parent : group.parents()) {
      if (isOrExtends(parent, declaring)) {
        return parent;
      }
    }
    throw new IllegalStateException(declaring + " is not among the groups " + group.element() + " extends");
  }

  private static boolean isOrExtends(TypeElement type, TypeElement declaring) {
    if (type.equals(declaring)) {
      return true;
    }
    for (TypeMirror parent : type.getInterfaces()) {
      Element e = ((DeclaredType) parent).asElement();
      if (e instanceof TypeElement t && isOrExtends(t, declaring)) {
        return true;
      }
    }
    return false;
  }

  /** {@code OsMgmt} -> {@code osMgmt}. */
  private static String field(TypeElement parent) {
    String name = parent.getSimpleName().toString();
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}

package io.mcumgr4j.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.mcumgr4j.processor.model.ErrorModel;
import io.mcumgr4j.processor.model.GroupModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Generates {@code XError}: the group's error enum, {@code OK} and {@code UNKNOWN} first. */
final class ErrorGenerator {

  private final GroupModel group;
  private final Names names;

  ErrorGenerator(GroupModel group, Names names) {
    this.group = group;
    this.names = names;
  }

  TypeSpec generate() {
    List<ErrorModel> all = new ArrayList<>();
    all.add(new ErrorModel(group.element(), null, null, 0, "OK", "EOK", "No error; never sent"));
    all.add(new ErrorModel(group.element(), null, null, 1, "UNKNOWN", "EUNKNOWN", "Unknown error"));
    all.addAll(group.errors());

    TypeSpec.Builder type = TypeSpec.enumBuilder(names.error)
        .addOriginatingElement(group.element())
        .addAnnotation(Names.generated())
        .addModifiers(Modifier.PUBLIC)
        .addSuperinterface(Names.GROUP_ERROR)
        .addJavadoc("The errors of the {@code $L} group (id $L), declared by {@link $T}: sent to SMP v2\n"
            + "clients as {@code err: {group, rc}}, to v1 clients as the {@code rc} of {@link #legacy()}.\n",
            group.name(), group.id(), names.iface);
    for (ErrorModel e : all) {
      type.addEnumConstant(e.name(), TypeSpec.anonymousClassBuilder("$L, $T.$L", e.code(), Names.MGMT_ERR, e.legacy())
          .addJavadoc("$L (rc $L; v1: {@code $L}).\n", Names.javadocText(Names.docOr(e.doc(), e.name())), e.code(),
              e.legacy())
          .build());
    }
    type.addField(FieldSpec.builder(TypeName.INT, "GROUP_ID", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The group id.\n")
            .initializer("$L", group.id())
            .build())
        .addField(TypeName.INT, "rc", Modifier.PRIVATE, Modifier.FINAL)
        .addField(Names.MGMT_ERR, "legacy", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addParameter(TypeName.INT, "rc")
            .addParameter(Names.MGMT_ERR, "legacy")
            .addStatement("this.rc = rc")
            .addStatement("this.legacy = legacy")
            .build())
        .addMethod(MethodSpec.methodBuilder("group")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(TypeName.INT)
            .addStatement("return GROUP_ID")
            .build())
        .addMethod(MethodSpec.methodBuilder("rc")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(TypeName.INT)
            .addStatement("return rc")
            .build())
        .addMethod(MethodSpec.methodBuilder("legacy")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(Names.MGMT_ERR)
            .addStatement("return legacy")
            .build())
        .addMethod(forCode(all));
    return type.build();
  }

  private MethodSpec forCode(List<ErrorModel> all) {
    CodeBlock.Builder cases = CodeBlock.builder().beginControlFlow("return switch (rc)");
    for (ErrorModel e : all) {
      cases.addStatement("case $L -> $L", e.code(), e.name());
    }
    cases.addStatement("default -> null").unindent().add("};\n");
    return MethodSpec.methodBuilder("forCode")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("The constant for {@code rc}, or {@code null} when the group declares no such code.\n")
        .returns(names.error)
        .addParameter(TypeName.INT, "rc")
        .addCode(cases.build())
        .build();
  }
}

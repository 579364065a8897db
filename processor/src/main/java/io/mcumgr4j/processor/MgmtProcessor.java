package io.mcumgr4j.processor;

import com.google.auto.service.AutoService;
import io.mcumgr4j.annotation.MgmtGroup;
import io.mcumgr4j.processor.generate.GroupGenerator;
import io.mcumgr4j.processor.model.GroupModel;
import io.mcumgr4j.processor.model.ModelReader;
import io.mcumgr4j.processor.validate.Validator;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Generates the error enum, dispatcher, client, codec and events of every {@link MgmtGroup}
 * interface, in three steps: {@link ModelReader} reads the interface, {@link Validator} reports
 * misuse on the element at fault, {@link GroupGenerator} writes the sources of valid groups.
 */
@AutoService(Processor.class)
public final class MgmtProcessor extends AbstractProcessor {

  /** Root declarations (not extensions) by group id, to catch two groups with one id. */
  private final Map<Integer, TypeElement> roots = new HashMap<>();
  /** Interfaces by the qualified prefix of their generated types: nested {@code A.B} and {@code A_B} collide. */
  private final Map<String, TypeElement> prefixes = new HashMap<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(MgmtGroup.class.getCanonicalName());
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    ModelReader reader = new ModelReader(processingEnv);
    Validator validator = new Validator(processingEnv.getMessager());
    GroupGenerator generator = new GroupGenerator(processingEnv.getFiler());
    for (Element element : round.getElementsAnnotatedWith(MgmtGroup.class)) {
      TypeElement type = (TypeElement) element;
      GroupModel group = reader.read(type);
      boolean valid = validator.validate(group);
      if (!group.parentIds().contains(group.id())) {
        TypeElement other = roots.putIfAbsent(group.id(), type);
        if (other != null && !other.equals(type)) {
          processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "group id " + group.id()
              + " is already declared by " + other.getQualifiedName() + ": give this group another id, or extend "
              + other.getSimpleName() + " to add commands to it", type);
          valid = false;
        }
      }
      TypeElement sameNames = prefixes.putIfAbsent(group.packageName() + "." + group.simpleName(), type);
      if (sameNames != null && !sameNames.equals(type)) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "the generated types of "
            + type.getQualifiedName() + " would be named like those of " + sameNames.getQualifiedName() + " ("
            + group.simpleName() + "Dispatcher, ...): rename one of the interfaces", type);
        valid = false;
      }
      if (valid) {
        try {
          generator.generate(group);
        } catch (IOException e) {
          processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
              "could not write the sources of " + type.getSimpleName() + ": " + e.getMessage(), type);
        }
      }
    }
    return false;
  }
}

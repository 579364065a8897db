package io.mcumgr4j.processor;

import com.google.auto.service.AutoService;
import io.mcumgr4j.annotation.MgmtGroup;
import io.mcumgr4j.processor.diagnostic.Message;
import io.mcumgr4j.processor.diagnostic.Report;
import io.mcumgr4j.processor.diagnostic.Reporter;
import io.mcumgr4j.processor.generate.GroupGenerator;
import io.mcumgr4j.processor.model.GroupModel;
import io.mcumgr4j.processor.model.ModelReader;
import io.mcumgr4j.processor.validate.Validator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Generates the error enum, dispatcher, client, codec, events and forwarding class of every {@link
 * MgmtGroup} interface, in three steps: {@link ModelReader} reads the interface, {@link Validator}
 * judges it, {@link GroupGenerator} writes the sources of valid groups; {@link Reporter} prints
 * what the validators found. A group that uses a type no one has generated yet waits for the next
 * round (another processor may write it), and is judged as it is in the last one.
 */
@AutoService(Processor.class)
public final class MgmtProcessor extends AbstractProcessor {

  /** Qualified names of groups waiting for types another processor may generate. */
  private final Set<String> deferred = new LinkedHashSet<>();
  private Validator validator;
  private Reporter reporter;
  private GroupGenerator generator;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    validator = new Validator();
    reporter = new Reporter(env.getMessager());
    generator = new GroupGenerator(env.getFiler());
  }

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
    reporter.compiling(round.getRootElements());
    ModelReader reader = new ModelReader(processingEnv);
    List<TypeElement> todo = new ArrayList<>();
    for (String name : deferred) {
      todo.add(processingEnv.getElementUtils().getTypeElement(name));
    }
    deferred.clear();
    for (Element element : round.getElementsAnnotatedWith(MgmtGroup.class)) {
      todo.add((TypeElement) element);
    }
    for (TypeElement type : todo) {
      GroupModel group = reader.read(type);
      if (!round.processingOver() && group.missesTypes()) {
        deferred.add(type.getQualifiedName().toString());
        continue;
      }
      List<Report> reports = validator.validate(group);
      if (reporter.print(type, reports) && !round.processingOver()) {
        write(group);
      }
    }
    return false;
  }

  private void write(GroupModel group) {
    try {
      generator.generate(group);
    } catch (IOException e) {
      reporter.print(group.element(), List.of(Report.of(Message.SOURCES_NOT_WRITTEN, group.element(),
          group.element().getSimpleName(), e.getMessage())));
    }
  }
}

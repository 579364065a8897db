package io.mcumgr4j.processor.diagnostic;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * One finding about one element: which message, with which arguments, and where (the element, and
 * the annotation value at fault when there is one). Validators return reports; only the processor
 * prints them.
 */
public record Report(Message message, List<Object> args, Element element, AnnotationMirror annotation,
    AnnotationValue value) {

  public Report {
    args = List.copyOf(args);
  }

  /** A report on {@code element}. */
  public static Report of(Message message, Element element, Object... args) {
    return new Report(message, List.of(args), element, null, null);
  }

  /** A report on an annotation value of {@code element}. */
  public static Report at(Message message, Element element, AnnotationMirror annotation, AnnotationValue value,
      Object... args) {
    return new Report(message, List.of(args), element, annotation, value);
  }

  /** The message's text. */
  public String text() {
    return message.text(args.toArray());
  }
}

package io.mcumgr4j.processor.diagnostic;

import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Prints reports through the {@link Messager}. A report about an element the group interface
 * inherits (declared in an interface it extends, maybe from a jar without sources) goes on the
 * group interface, naming the element and its declaring interface, so it has a file and a line.
 */
public final class Reporter {

  private final Messager messager;

  public Reporter(Messager messager) {
    this.messager = messager;
  }

  /** Prints {@code reports} about the group interface {@code root}; returns whether there were none. */
  public boolean print(TypeElement root, List<Report> reports) {
    for (Report r : reports) {
      if (within(r.element(), root)) {
        if (r.annotation() != null && r.value() != null) {
          messager.printMessage(r.message().kind(), r.text(), r.element(), r.annotation(), r.value());
        } else {
          messager.printMessage(r.message().kind(), r.text(), r.element());
        }
      } else {
        messager.printMessage(r.message().kind(), r.text() + " (" + describe(r.element()) + ", which "
            + root.getSimpleName() + " inherits)", root);
      }
    }
    return reports.isEmpty();
  }

  private static boolean within(Element e, Element type) {
    for (Element at = e; at != null; at = at.getEnclosingElement()) {
      if (at.equals(type)) {
        return true;
      }
    }
    return false;
  }

  /** Names an element declared outside the group interface, e.g. {@code command reset() of a.b.OsMgmt}. */
  private static String describe(Element e) {
    Element owner = e.getEnclosingElement();
    return switch (e.getKind()) {
      case METHOD -> "command " + e.getSimpleName() + "() of " + qualified(owner);
      case PARAMETER -> "parameter " + e.getSimpleName() + " of " + owner.getSimpleName() + "() in "
          + qualified(owner.getEnclosingElement());
      case FIELD, RECORD_COMPONENT -> "component " + e.getSimpleName() + " of record " + qualified(owner);
      case INTERFACE -> "declared by " + qualified(e);
      default -> qualified(e);
    };
  }

  private static String qualified(Element e) {
    return e instanceof TypeElement t ? t.getQualifiedName().toString() : e.getSimpleName().toString();
  }
}

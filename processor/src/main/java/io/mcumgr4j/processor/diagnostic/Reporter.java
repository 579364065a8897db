package io.mcumgr4j.processor.diagnostic;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * Prints reports through the {@link Messager}, on the element at fault. An element without source
 * (declared in a jar: a method of an interface the group extends, a component of a record it
 * uses) has no file or line to point at, so its report goes on the group interface and names the
 * element and where it is declared.
 */
public final class Reporter {

  private final Messager messager;
  /** Qualified names of the top-level types compiled from source, over all rounds. */
  private final Set<String> sources = new HashSet<>();

  public Reporter(Messager messager) {
    this.messager = messager;
  }

  /** Notes the root elements of a round: the types whose elements have a file and lines. */
  public void compiling(Set<? extends Element> rootElements) {
    for (Element e : rootElements) {
      if (e instanceof TypeElement t) {
        sources.add(t.getQualifiedName().toString());
      }
    }
  }

  /** Prints {@code reports} about the group interface {@code root}; returns whether there were none. */
  public boolean print(TypeElement root, List<Report> reports) {
    for (Report r : reports) {
      if (!hasSource(r.element())) {
        messager.printMessage(r.message().kind(), r.text() + " (" + describe(r.element(), root) + ")", root);
      } else if (r.annotation() != null && r.value() != null) {
        messager.printMessage(r.message().kind(), r.text(), r.element(), r.annotation(), r.value());
      } else {
        messager.printMessage(r.message().kind(), r.text(), r.element());
      }
    }
    return reports.isEmpty();
  }

  private boolean hasSource(Element e) {
    Element top = e;
    while (top.getEnclosingElement() != null && !(top.getEnclosingElement() instanceof PackageElement)) {
      top = top.getEnclosingElement();
    }
    return top instanceof TypeElement t && sources.contains(t.getQualifiedName().toString());
  }

  /**
   * Names an element of a jar and how the group comes by it, e.g. {@code command reset() of
   * a.b.OsMgmt, which MyOs inherits}.
   */
  private static String describe(Element e, TypeElement root) {
    Element owner = e.getEnclosingElement();
    String inherits = ", which " + root.getSimpleName() + " inherits";
    return switch (e.getKind()) {
      case METHOD -> "command " + e.getSimpleName() + "() of " + qualified(owner) + inherits;
      case PARAMETER -> "parameter " + e.getSimpleName() + " of " + owner.getSimpleName() + "() in "
          + qualified(owner.getEnclosingElement()) + inherits;
      case INTERFACE -> "declared by " + qualified(e) + inherits;
      case FIELD, RECORD_COMPONENT -> "component " + e.getSimpleName() + " of record " + qualified(owner)
          + ", which " + root.getSimpleName() + " uses";
      default -> qualified(e);
    };
  }

  private static String qualified(Element e) {
    return e instanceof TypeElement t ? t.getQualifiedName().toString() : e.getSimpleName().toString();
  }
}

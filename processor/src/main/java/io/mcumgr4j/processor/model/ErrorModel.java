package io.mcumgr4j.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * A declared group error.
 *
 * @param element where it is declared (the {@code @MgmtGroup}'s interface)
 * @param annotation the {@code @MgmtGroup} declaring it, or {@code null} for the implicit ones
 * @param value the {@code @ErrorCode} entry inside it, so diagnostics point at the entry
 * @param code the {@code rc}
 * @param name the constant's name
 * @param legacy the name of the {@code MgmtErr} constant it translates to for v1
 * @param doc Javadoc text, possibly empty
 */
public record ErrorModel(
    Element element,
    AnnotationMirror annotation,
    AnnotationValue value,
    int code,
    String name,
    String legacy,
    String doc) {}
